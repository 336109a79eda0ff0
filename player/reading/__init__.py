"""Reading aids: speed, caption delay, pause after each caption, second language."""
