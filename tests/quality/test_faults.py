"""A broken contribution stops the build with a clear message and never destroys what
was published before: the command and `mkdocs build` both say what is wrong and where."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from support import build_site, copy_project
from support.gates import differences

pytestmark = pytest.mark.slow  # every test builds a project of its own

PLANTED_ACTION = """\
---
title: Geplante actie met een foto
summary: Een actie die alleen bestaat om te laten zien dat een kapotte foto de bouw stopt.
organisations:
  - name: Testzorg
regions: [utrecht]
sectors: [vvt]
success_factors: [onboarding]
interventions: [buddy]
status: pilot
image:
  src: ../images/{image}
  alt: Een foto van twee collega's
---
## Aanpak

Een buddy voor elke nieuwe collega.
"""


def actiebank(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = Path(sys.executable).with_name("actiebank")
    return subprocess.run(
        [str(command), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "ACTIEBANK_ROOT": str(cwd)},
    )


def output(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def fake_jpeg(path: Path) -> None:
    path.write_bytes(b"Dit is een tekstbestand met de naam van een foto.\n" * 20)


def heavy_png(path: Path) -> None:
    # Noise does not compress: 1400 x 1400 RGB is 5.9 MB as PNG, over the 5 MB limit.
    Image.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3)).save(path, compress_level=0)


def giant_png(path: Path) -> None:
    # One colour compresses to a few kB, but 8000 x 6000 is 48 megapixels to decode.
    Image.new("L", (8000, 6000), 200).save(path, optimize=False)


@pytest.mark.parametrize(
    "image, make, message",
    [
        (
            "nep.jpg",
            fake_jpeg,
            "'../images/nep.jpg' is geen leesbare JPEG-, PNG- of WebP-afbeelding (misschien is "
            "het bestand beschadigd of maar half opgeslagen). Sla de afbeelding opnieuw op met "
            "een fotoprogramma.",
        ),
        ("zwaar.png", heavy_png, "MB groot; hoogstens 5 MB mag. Sla haar kleiner op"),
        (
            "reus.png",
            giant_png,
            "De afbeelding is 8000x6000 pixels; hoogstens 40 megapixels mag. Maak haar kleiner.",
        ),
    ],
    ids=["not-an-image", "too-many-bytes", "too-many-pixels"],
)
def test_a_bad_image_is_a_clear_error_in_validate_and_build(tmp_path, image, make, message):
    site = copy_project(tmp_path / "project")
    make(site / "content" / "images" / image)
    entry = site / "content" / "actions" / "geplante-foto.md"
    entry.write_text(PLANTED_ACTION.format(image=image), encoding="utf-8")
    where = "content/actions/geplante-foto.md:12:8: image.src:"

    checked = actiebank("validate", cwd=site)
    assert checked.returncode == 1, output(checked)
    assert where in checked.stdout and message in checked.stdout, output(checked)
    assert "Traceback" not in output(checked)

    built = build_site(site, check=False)
    assert built.returncode != 0, output(built)
    assert "geplante-foto.md" in output(built) and message in output(built), output(built)
    assert "Traceback" not in output(built)
    assert not (site / "site" / "acties" / "geplante-foto").exists()


def test_an_empty_content_folder_is_a_clear_error(tmp_path):
    site = copy_project(tmp_path / "project", with_content=False)
    message = "In de map content staan geen acties of verhalen."

    checked = actiebank("validate", cwd=site)
    assert checked.returncode == 1, output(checked)
    assert message in output(checked)
    assert "Traceback" not in output(checked)

    built = build_site(site, check=False)
    assert built.returncode != 0, output(built)
    assert message in output(built), output(built)
    assert "Traceback" not in output(built)


def test_a_broken_entry_stops_the_build_and_keeps_the_published_site(built_site, tmp_path):
    site = copy_project(tmp_path / "project")
    # What the last good build published stays in site/ until a build succeeds.
    shutil.copytree(built_site, site / "site")
    broken = sorted((site / "content" / "actions").glob("*.md"))[0]
    text = broken.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("\nstatus:", "\nstatus: misschien\nvroeger_status:", 1), encoding="utf-8"
    )

    built = build_site(site, check=False)
    assert built.returncode != 0, output(built)
    assert f"content/actions/{broken.name}" in output(built), output(built)
    assert "status: 'misschien' is geen status. Kies uit: " in output(built), output(built)
    assert "Traceback" not in output(built)
    assert differences(built_site, site / "site") == [], (
        "the failed build changed the published site"
    )


def test_a_build_that_fails_after_validation_keeps_the_published_site(built_site, tmp_path):
    site = copy_project(tmp_path / "project")
    shutil.copytree(built_site, site / "site")
    # Not a content problem but a bug while pages are written, long after site/ would
    # have been emptied: the build writes into a folder of its own until it succeeds.
    template = site / "overrides" / "main.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{{ super() }}", "{{ super() }}{{ geen_functie() }}", 1
        ),
        encoding="utf-8",
    )

    built = build_site(site, check=False)

    assert built.returncode != 0, output(built)
    assert "geen_functie" in output(built)
    assert differences(built_site, site / "site") == [], (
        "the failed build changed the published site"
    )
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".site")) == []
