"""The SpacePlanner desktop application (PyQt5), a thin layer over the core.

:mod:`~spaceplanner.ui.model.session` is the Qt-free model of an open plan (edits, layer views,
selection, save, autosave); the widgets (:mod:`~spaceplanner.ui.qt_main_window`,
:mod:`~spaceplanner.ui.qt_canvas`, the panels and dialogs) only show it and turn user actions into
its calls and commands. :mod:`~spaceplanner.ui.app` is the ``spaceplanner-gui`` entry point.
"""
