"""The `repforge` command line, one module per command group."""

from repforge.cli.main import app

__all__ = ["app"]
