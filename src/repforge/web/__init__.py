"""The web layer: thin routes over the domain, one app for live site, export and tests."""
