"""briefgen: news articles -> briefings (actors, timeline, quotes, open questions) -> static site."""

__version__ = "0.1.0"
