"""Screen reader announcements, descriptions, themes and transcript reading settings."""
