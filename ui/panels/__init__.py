"""The main window's docked panels and its start page."""
