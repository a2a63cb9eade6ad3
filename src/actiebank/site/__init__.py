"""Stage 2, the site: the validated catalogue -> pages and files.

- plan: plan_site(catalogue, ...), the entry point of this stage
- facets: which actions carry each value of each filter (the registry in vocabularies.yaml)
- ordering: the orders the catalogue offers (most evidence, last changed, title)
- views, cards, action_details: what templates show, as dataclasses (Views makes the
  cards, dates and citations; an entry page's facts, outcomes and details)
- related: the actions a page suggests
- pages, listings: the pages of entries, and of the catalogue, facets and stories
- home, editorial: the parts of the home page and of the editorial pages that come from
  the catalogue (placed by macros, hooks/macros.py)
- card_data, fact_sheet: the JSON the page scripts read (every card for the catalogue's
  filters; an action's facts for comparing and "Mijn plan")
- script_facts: the addresses and limits the page scripts get on every page
- proposal_page: the page of the proposal form, whose description the contribute stage
  makes (handed in by the hook: this stage never imports a later one)
- feeds, follow: Atom feeds, and /volgen/ that lists them
- export, opendata, linked_data: the /api/ exports, the Dutch workbook and CSV, and their
  description for machines (DCAT-AP-NL, schema.org)
- embed: lists another site shows in an <iframe>
- redirects: pages at old addresses that send the visitor on
- search, search_index: what site search knows about a page, and the Pagefind index
- images: web-sized image variants and Open Graph cards, cached
- render: the one Jinja environment; templates/: what it renders
- csp: the Content-Security-Policy of every page
"""
