"""The transcript panel: its model, view, delegate and find bar."""
