"""Actiebank: the catalogue core, in three stages that follow the data.

    files --content--> validated catalogue --site--> pages and files --hook--> MkDocs
                              \\--contribute--> field reference, `actiebank new`, forms

- content/: read every entry with positions, validate it, load the catalogue
- site/: plan every page and file from the catalogue, render them, export the data
- contribute/: what contributors and editors fill in, generated from the one schema
- project, routes, vocabulary, problems: what all stages share
- cli: the `actiebank` command

Nothing here imports MkDocs; hooks/ is the thin adapter. See ARCHITECTURE.md.
"""

__version__ = "0.1.0"
