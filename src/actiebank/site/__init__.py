"""Stage 2, the site: the validated catalogue -> pages and files.

- facets: which actions carry each value of each filter (the registry in vocabularies.yaml)
- views, cards, action_details: what templates show, as dataclasses (Views makes the
  cards, dates and citations; an entry page's facts, outcomes and details)
- related: the actions a page suggests
- pages, listings: the pages of entries, and of the catalogue, facets and stories
- proposal_page: the page of the proposal form, whose description the contribute stage
  makes (handed in by the hook: this stage never imports a later one)
- feeds, export: Atom feeds and the /api/ exports
- images: web-sized image variants and Open Graph cards, cached
- render: the one Jinja environment; templates/: what it renders
- csp: the Content-Security-Policy of every page
- plan: plan_site(catalogue, ...), the entry point of this stage
"""
