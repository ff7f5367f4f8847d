"""The exercise knowledge base: vocabularies, model, loader and relations."""

from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise

__all__ = ["Catalog", "Exercise"]
