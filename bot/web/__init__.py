"""The web app: JSON API (and, later, the resident page and the staff console)."""
