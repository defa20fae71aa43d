"""The SpacePlanner desktop application (PyQt5), a thin layer over the core.

The full map editor is built in its own issue; until then :mod:`spaceplanner.ui.app` opens a
window that shows a plan's layers and the problems found in it.
"""
