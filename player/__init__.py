"""The PySide6 app."""
