"""Presentation mode, discussion pauses, and the facilitator's private notes."""
