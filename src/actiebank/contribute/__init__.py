"""Stage 3, contributing: everything a contributor or editor fills in, generated from the
one schema and vocabularies file.

- fields: the field model (label, help, rule in words) read from the schemas
- reference: the field reference page /bijdragen/velden/
- scaffold: `actiebank new`, a file with every field to fill in
- webform: the Decap CMS configuration for editors at /admin/; admin_page: that page
  and the files it loads
- issue_form: the GitHub issue form
- proposal/: the proposal form on /bijdragen/voorstellen/ (no GitHub account needed): its
  Dutch texts, its description for the browser (form_spec, handed to the site stage by
  the hook), and the entry file it writes (entry_text)
- importer: `actiebank import`, a proposal (file, e-mail, .eml) into content/
"""
