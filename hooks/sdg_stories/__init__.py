"""sdg-stories: adviser stories about the UN Sustainable Development Goals, published as a static site.

The package holds the model, the SDG data, validation and page generation; ``mkdocs_adapter`` adapts it to
MkDocs and ``cli`` to the command line.
"""
