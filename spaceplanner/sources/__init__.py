"""Plans built from outside data: OpenStreetMap extracts, POI tables, CAD drawings."""
