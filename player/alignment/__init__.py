"""File > Make captions from a transcript…: the dialog, and the child process that
aligns off the window's process."""
