"""The SpacePlanner desktop application (PyQt5), a thin layer over the core.

:mod:`~spaceplanner.ui.model` is the Qt-free model of the app: an open plan (edits, layer views,
selection, save), crash recovery, when to evaluate, and the layer being added. The widgets (the
main window, the map canvas in :mod:`~spaceplanner.ui.canvas`, the panels and dialogs) only show
it and turn user actions into its calls and commands. :mod:`~spaceplanner.ui.app` is the
``spaceplanner-gui`` entry point.
"""
