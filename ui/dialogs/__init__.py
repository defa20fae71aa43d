"""The desktop app's dialogs: add a layer, edit attributes, export, suggest sites."""
