"""repforge: an open exercise library and personal-training engine."""

__version__ = "0.1.0"
