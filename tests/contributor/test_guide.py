"""The contributor guide (/bijdragen/) shows a message of the check as `actiebank validate`
really prints it for a real mistake, whole and in Dutch: when the wording changes, this
test fails until the page shows the new wording."""

from __future__ import annotations

import re

from support import ROOT, copy_project, run_cli

GUIDE = ROOT / "content" / "bijdragen" / "index.md"
SECTION = "## Zo leest u een melding van de controle"

# The mistake the guide explains: a region written as people say it ('brabant'), second
# in the list, on line 7.
MISTAKE = """\
---
title: Buddy voor nieuwe collega's in de thuiszorg
summary: Elke nieuwe collega krijgt een vaste buddy uit het team, het hele eerste jaar.
organisations: [{name: Thuiszorg Voorbeeld}]
regions:
  - utrecht
  - brabant
sectors: [vvt]
success_factors: [onboarding]
interventions: [buddy]
status: pilot
---
## Aanpak

Een buddy voor elke nieuwe collega.
"""


def guide_example() -> str:
    """The message in the code block of the guide's section on reading a message."""
    section = GUIDE.read_text(encoding="utf-8").split(SECTION, 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```text\n(.*?)\n```", section, re.S)
    assert found, f"no example message under '{SECTION}'"
    return found.group(1)


def test_the_guide_shows_the_message_validate_prints_for_the_mistake(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "content" / "actions" / "buddy.md").write_text(MISTAKE, encoding="utf-8")

    result = run_cli("validate", "content/actions/buddy.md", cwd=project)

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == guide_example() + "\n"


def test_the_guide_explains_each_part_of_its_example():
    example = guide_example()
    path, line, column, field = re.match(r"([^:]+):(\d+):(\d+): ([^:]+):", example).groups()
    section = GUIDE.read_text(encoding="utf-8").split(SECTION, 1)[1]
    assert f"`{path}` is het bestand met de fout." in section
    assert f"`{line}:{column}` is de plek in het bestand: regel {line}," in section
    assert f"`{field}` is het veld." in section
    assert "Bedoelt u" in example, "the example shows the suggestion the guide mentions"
