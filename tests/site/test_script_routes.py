"""The page scripts get the site's addresses and limits from the build, not from a copy.

routes.py decides every address and script_facts.py every limit the scripts keep (the
catalogue's 48 cards at a time, 4 actions to compare, 100 in a shared plan). Every page
carries them as data-ab-site; actiebank.js reads them there. These tests fail the moment
a script writes one of them itself again.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from actiebank import routes
from actiebank.site import script_facts
from actiebank.site.script_facts import script_facts_json

SCRIPTS = Path(__file__).parents[2] / "overrides/assets/javascripts"
SLUG = "voorbeeld-actie"


def test_the_facts_for_the_scripts_are_the_routes_and_limits_of_the_core() -> None:
    facts = json.loads(script_facts_json())
    filled = {name: path.replace("{slug}", SLUG) for name, path in facts["routes"].items()}
    assert filled == {
        "action": routes.action_url(SLUG),
        "factSheet": routes.fact_sheet_url(SLUG),
        "cards": routes.catalogue_data_url(),
        "catalogue": routes.catalogue_url(),
        "compare": routes.compare_url(),
        "plan": routes.plan_url(),
        "evidence": routes.evidence_url(),
        "csv": routes.csv_nl_url(),
    }
    assert facts["limits"] == {
        "firstCards": script_facts.FIRST_CARDS,
        "compareMost": script_facts.COMPARE_MOST,
        "planMost": script_facts.PLAN_MOST,
    }


def test_every_page_carries_them_and_the_scripts_hold_no_copy(built_site: Path) -> None:
    expected = json.loads(script_facts_json())
    pages = sorted(built_site.rglob("index.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text or "assets/javascripts/actiebank.js" not in text:
            continue  # an old address that moves on, or a page without the scripts
        found = re.search(r'data-ab-site="([^"]*)"', text)
        assert found, f"{page} loads the scripts but does not carry data-ab-site"
        assert json.loads(html.unescape(found.group(1))) == expected, page

    for script in sorted(SCRIPTS.glob("*.js")):
        code = script.read_text(encoding="utf-8")
        for path in expected["routes"].values():
            assert f'"{path}"' not in code, f"{script.name} writes the address {path} itself"
        for name in ("COMPARE_MOST", "PLAN_MOST", "FIRST_CARDS", "PAGE"):
            assigned = re.search(rf"\b{name}\s*[:=]\s*\d", code)
            assert not assigned, f"{script.name} fixes {name} itself: {assigned.group(0)}"
