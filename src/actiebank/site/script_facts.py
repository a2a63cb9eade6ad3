"""What the page scripts need to know of the site, handed to them by the build.

The scripts cannot import Python, so the addresses they build (routes.py) and the limits
they keep (how many cards the catalogue lays out at a time, how many actions the compare
page and "Mijn plan" hold) reach them as one JSON attribute on every page:
`data-ab-site` on the page's content (overrides/main.html; hooks/site.py puts it in the
theme's templates). actiebank.js reads it once. Nothing here is written a second time in
JavaScript.
"""

from __future__ import annotations

import json

from .. import routes

# The cards the catalogue page carries itself, and draws at a time after "Toon meer".
FIRST_CARDS = 48
# The cards on each page of a filter value's list.
FACET_PAGE_SIZE = 48
# The actions the compare page puts side by side.
COMPARE_MOST = 4
# The actions a shared "Mijn plan" address (?acties=a,b) may carry.
PLAN_MOST = 100

# "{slug}" stands for an action's name in an address the scripts fill in.
SLUG = "{slug}"


def script_facts() -> dict[str, dict[str, str] | dict[str, int]]:
    return {
        "routes": {
            "action": routes.action_url(SLUG),
            "factSheet": routes.fact_sheet_url(SLUG),
            "cards": routes.catalogue_data_url(),
            "catalogue": routes.catalogue_url(),
            "compare": routes.compare_url(),
            "plan": routes.plan_url(),
            "evidence": routes.evidence_url(),
            "csv": routes.csv_nl_url(),
        },
        "limits": {
            "firstCards": FIRST_CARDS,
            "compareMost": COMPARE_MOST,
            "planMost": PLAN_MOST,
        },
    }


def script_facts_json() -> str:
    """The attribute's value (the template escapes it), the same bytes on every build."""
    return json.dumps(script_facts(), sort_keys=True, separators=(",", ":"))
