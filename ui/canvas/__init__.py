"""The map canvas (as QGIS's): the view, its graphics items, and one class per map tool."""
