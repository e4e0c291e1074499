"""Dialogue helpers: deterministic reading of facts from what people write."""
