"""Actiebank: the catalogue core.

Files -> entries (with line numbers) -> validated catalogue -> pages and exports.
Nothing here imports MkDocs; hooks/catalogue.py is the thin adapter.
"""

__version__ = "0.1.0"
