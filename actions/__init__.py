"""rasa-sdk actions: thin adapters from the tracker to `bot.*` and back to the dispatcher."""
