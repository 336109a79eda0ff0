"""Search all modules: the library index dialog and opening a hit."""
