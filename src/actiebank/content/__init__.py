"""Stage 1, the content: files -> entries with positions -> a validated catalogue.

- frontmatter: read one entry file safely, keeping every field's line and column
- layout: what the content folder may hold; the editorial pages
- schema, explain: the JSON Schemas, and their errors worded for a contributor
- rules, image_rules, body, crossfile: the rules beyond the schema
- sources, evidence: what counts as a source and a web address, and as a measurement
  (an action's own outcomes and those of the stories that implement it)
- facts: what the site concludes about an action, decided once (a measured result, its
  effects and measures, its cost level, the stories that implement it)
- sanitise: the one allow-list for HTML in a body
- catalogue: load_catalogue(project), the entry point of this stage
- history, review: dates from git, and the warnings for reviewers
"""
