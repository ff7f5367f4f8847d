"""Exercise search: names, aliases, shorthand, typos and simple intent, ranked by relevance.

rapidfuzz measures spelling distance; plural folding, phrase reading and ranking are small
hand-written modules because they follow the catalog's own vocabularies and data.
"""

from repforge.search.index import Hit, SearchIndex, SearchResult, index_for

__all__ = ["Hit", "SearchIndex", "SearchResult", "index_for"]
