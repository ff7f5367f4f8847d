"""Page composition from catalog fields: exercise pages, hubs, Markdown and JSON-LD."""
