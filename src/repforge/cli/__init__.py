"""The `repforge` command line, one module per command group."""

from repforge.gcpause import paused

with paused():  # importing the command tree makes no garbage cycles (gcpause)
    from repforge.cli.main import app

__all__ = ["app"]
