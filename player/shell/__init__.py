"""The main window: builds the context and the features, places and wires them."""
