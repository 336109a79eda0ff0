"""Transcript handouts: the export dialog, printing and PDF."""
