"""Files made from reports: report files, shapefiles and GeoPackages, web maps, map sheets.

Outputs take reports and never evaluate again.
"""
