"""A small catalogue written for the build tests.

The entries cover what the site must handle: a region under a province, outcomes with
numbers, an image, a contributor body with template braces, a title with characters
that need escaping, case stories that link to actions.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ACTIONS = {
    "buddy-haaglanden": """\
---
title: "Buddy's & <starters> in Haaglanden"
summary: Elke nieuwe wijkverpleegkundige krijgt het eerste halfjaar een ervaren collega als vast aanspreekpunt.
organisations:
  - name: Voorbeeldzorg Haaglanden
    url: https://example.org/voorbeeldzorg
regions: [haaglanden]
sectors: [vvt]
success_factors: [onboarding]
interventions: [buddy, starter-support]
status: running
target_groups: [starters]
started: "2022-03"
outcomes:
  - measure: outflow
    result: improved
    value: 4
    unit: percentage-points
    baseline: 12
    period: 2022-2023
    source: https://example.org/rapport
costs:
  level: medium
  amount_eur: 12500
  per: year
  note: vooral uren van de buddy's
evidence:
  level: measured
  source: https://example.org/rapport
funding: [IZA]
contact:
  name: Anna de Vries
  email: anna@example.org
image:
  src: ../images/buddy.png
  alt: Twee collega's lopen samen een wijkronde
updated: 2024-05-01
---
## Aanpak

De buddy plant elke week een kort gesprek. Accolades als {{ config.site_name }} en {% raw %} blijven tekst.

<details><summary>Meer</summary><p>Een <a href="https://example.org">link</a>.</p></details>
""",
    "flexpool-twente": """\
---
title: Regionale flexpool in Twente
summary: Zorgorganisaties in Twente delen een flexpool zodat invallers bij de regio blijven werken.
organisations:
  - name: Flexzorg Twente
regions: [twente]
sectors: [disability-care, vvt]
success_factors: [organisational-climate]
interventions: [flexpool]
status: pilot
related: [buddy-haaglanden]
updated: 2023-01-10
---
## Aanpak

Een gedeelde pool van invallers, zoals de [buddy in Haaglanden](../actions/buddy-haaglanden.md#aanpak).
""",
    "leerhuis-landelijk": """\
---
title: Leerhuis voor het hele land
summary: Een landelijk leerhuis waar medewerkers zich kunnen ontwikkelen tot verpleegkundige.
organisations:
  - name: Leerhuis Nederland
regions: [national]
sectors: [hospitals]
success_factors: [development-opportunities]
interventions: [learning-house]
status: completed
outcomes:
  - measure: retention
    result: improved
updated: 2025-02-02
---
Het leerhuis.
""",
}

CASES = {
    "verhaal-buddy": """\
---
title: Hoe de buddy starters hielp landen
date: 2024-02-01
summary: Een verhaal over het eerste jaar van het buddyprogramma bij Voorbeeldzorg in Haaglanden.
organisations: [{name: Voorbeeldzorg Haaglanden}]
regions: [haaglanden]
actions: [buddy-haaglanden]
featured: true
image:
  src: ../images/buddy.png
  alt: Twee collega's lopen samen een wijkronde
---
Het verhaal van de buddy.
""",
    "verhaal-flexpool": """\
---
title: Invallen zonder gedoe in Twente
date: 2024-06-15
summary: Hoe een regionale flexpool invallers en organisaties in Twente bij elkaar bracht.
organisations: [{name: Flexzorg Twente}]
regions: [twente]
actions: [flexpool-twente]
---
Het verhaal van de flexpool.
""",
}

HOME = """\
---
template: home.html
---
# Actiebank

Het open overzicht van wat zorg- en welzijnsorganisaties doen om medewerkers te behouden.

{{ zoekveld() }}

{{ succesfactoren() }}

{{ provinciekaart() }}

{{ landelijk() }}

{{ kerncijfers() }}

{{ uitgelichte_verhalen() }}

{{ nieuwste_verhalen() }}

{{ nieuwste_acties() }}
"""


def write_sample(
    content: Path, actions: dict[str, str] = ACTIONS, cases: dict[str, str] = CASES
) -> None:
    for folder in ("actions", "cases", "images"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    for slug, text in actions.items():
        (content / "actions" / f"{slug}.md").write_text(text, encoding="utf-8")
    for slug, text in cases.items():
        (content / "cases" / f"{slug}.md").write_text(text, encoding="utf-8")
    picture = Image.new("RGB", (2000, 1000), (30, 120, 110))
    picture.paste((240, 200, 80), (200, 200, 900, 800))
    picture.save(content / "images" / "buddy.png")
    (content / "index.md").write_text(HOME, encoding="utf-8")
    # The editorial pages the navigation names; their real text belongs to others.
    example = " [Een verhaal](cases/verhaal-buddy.md)." if "verhaal-buddy" in cases else ""
    (content / "over.md").write_text(
        f"# Over Actiebank\n\nOver dit project.{example}\n", encoding="utf-8"
    )
    (content / "bewijs.md").write_text(
        "# Bewijs\n\n{{ bewijsladder() }}\n\n{{ kostenniveaus() }}\n", encoding="utf-8"
    )
    for name, title in (
        ("data", "Open data"),
        ("privacy", "Privacyverklaring"),
        ("toegankelijkheid", "Toegankelijkheidsverklaring"),
    ):
        (content / f"{name}.md").write_text(f"# {title}\n\nTekst.\n", encoding="utf-8")
    (content / "bijdragen").mkdir(exist_ok=True)
    (content / "bijdragen" / "index.md").write_text(
        "# Bijdragen\n\nZo draagt u bij.\n", encoding="utf-8"
    )
