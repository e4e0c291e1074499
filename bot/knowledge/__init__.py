"""The institution knowledge base: models, loader from data/knowledge, and the in-memory catalogue."""
