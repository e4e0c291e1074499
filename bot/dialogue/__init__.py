"""Dialogue logic: reading facts from what people write, choosing questions and replies."""
