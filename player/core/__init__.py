"""What every feature stands on: the context, settings, the keyboard map."""
