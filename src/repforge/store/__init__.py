"""Persistence: SQLAlchemy tables, repositories (all SQL lives here), engine and migrations."""
