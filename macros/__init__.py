"""Positief in Gesprek online: content (models and loaders), render (HTML and
Markdown from content) and site (the MkDocs integration). Imports run one
way: site -> render -> content."""
