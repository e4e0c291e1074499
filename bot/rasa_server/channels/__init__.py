"""Custom Rasa input/output channels (Messenger)."""
