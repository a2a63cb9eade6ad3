"""The proposal form on /bijdragen/voorstellen/: a contributor without a GitHub account
fills in an action or a story in the browser and sends it as a file.

`form_spec(schema_dir)` describes both forms, generated from the field model (fields.py):
per field its Dutch label, a hint in whole sentences, whether it is required (and when),
the widget, the limits and the patterns (as ECMAScript regular expressions), the Dutch
messages, and the rules across fields in a form the browser checks
(`overrides/assets/javascripts/proposal.js`). The page embeds the spec; the script reads
it, checks every field by the validator's rules and writes the entry file.

`entry_text(kind, values)` writes that same entry file in Python, character for
character: the tests hold the two to each other, and the editors' importer
(importer.py) reads what either wrote.

The values of a form, as both write them, are a mapping from field name to:
text (str), number (str, as typed: '15000' or '12,5'), boolean (bool), one choice (a
slug), many choices or texts (a list), a group (a mapping of its fields) or a list of
groups (a list of mappings); `values["body"]` maps each body section's id to its text.
Empty texts, lists and groups are left out of the file.

- texts: the form's Dutch words (fieldsets, hints, how messages name a field, messages)
- field_spec: one field described from the schema (widget, limits, patterns)
- cross_field: the rules across fields, as the browser checks them
- spec: form_spec, both kinds with their fields, fieldsets, body sections and rules
- entry_file: entry_text, a form's values as the entry file
"""

from .entry_file import entry_text
from .spec import NUMBER_PATTERN, form_spec

__all__ = ["NUMBER_PATTERN", "entry_text", "form_spec"]
