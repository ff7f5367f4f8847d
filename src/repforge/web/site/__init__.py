"""HTML routes of the public site."""
