"""The web app: JSON API, the resident page with the chat widget (/) and the staff console (/staff)."""
