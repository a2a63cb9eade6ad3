"""The browser scripts build addresses from a table in actiebank.js: it must match routes.py.

routes.py is the one place addresses are decided. The scripts cannot import it, so
actiebank.js keeps a copy of the few it needs; this test fails the moment they differ.
"""

from __future__ import annotations

import re
from pathlib import Path

from actiebank import routes

SCRIPT = Path(__file__).parents[2] / "overrides/assets/javascripts/actiebank.js"
SLUG = "voorbeeld-actie"


def script_routes() -> dict[str, str]:
    table = re.search(r"var ROUTES = \{(.*?)\};", SCRIPT.read_text(encoding="utf-8"), re.S)
    assert table, "actiebank.js has no ROUTES table"
    return dict(re.findall(r'(\w+): "([^"]*)"', table.group(1)))


def test_the_scripts_address_table_matches_routes() -> None:
    expected = {
        "action": routes.action_url(SLUG),
        "factSheet": routes.fact_sheet_url(SLUG),
        "cards": routes.catalogue_data_url(),
        "catalogue": routes.catalogue_url(),
        "compare": routes.compare_url(),
        "plan": routes.plan_url(),
        "evidence": routes.evidence_url(),
        "csv": routes.csv_nl_url(),
    }
    actual = {name: path.replace("{slug}", SLUG) for name, path in script_routes().items()}
    assert actual == expected
