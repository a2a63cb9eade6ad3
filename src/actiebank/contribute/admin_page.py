"""The web form's page at /admin/: Decap CMS's script and its files from node_modules, the
form's own stylesheet and script, and the page that loads them with the site's styles
for the preview. Its configuration (config.yml) is made in webform.py."""

from __future__ import annotations

import re
from pathlib import Path

from ..site.csp import admin_policy
from ..site.render import Renderer

ADMIN_DIR = "admin"
# decap-cms.js loads its lazy chunks (*.decap-cms.js) and two WebAssembly files from its
# own folder; its licence notice travels with it.
DECAP_PATTERNS = ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")


def decap_files(node_modules: Path) -> dict[str, Path]:
    """Site path -> file in node_modules for everything the form's script loads.

    Raises FileNotFoundError, naming the fix, when decap-cms is not installed.
    """
    dist = Path(node_modules).resolve() / "decap-cms" / "dist"
    if not (dist / "decap-cms.js").is_file():
        raise FileNotFoundError(
            f"{dist / 'decap-cms.js'} is missing; run `scripts/install site` in the "
            "project folder to install the web form's script"
        )
    found: dict[str, Path] = {}
    for pattern in DECAP_PATTERNS:
        for path in sorted(dist.glob(pattern)):
            found[f"{ADMIN_DIR}/{path.name}"] = path
    return found


# The form's own files, beside decap-cms.js: its phone layout, its additions to Decap and
# the preview's layout.
ADMIN_ASSETS = ("admin.css", "admin.js", "preview.css")
ASSETS_DIR = Path(__file__).resolve().parent / "assets"
# The theme's compiled stylesheets carry a hash in their name (main.57a0d79d.min.css).
THEME_STYLESHEET = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css")


def admin_files() -> dict[str, Path]:
    """Site path -> file for the form's own stylesheet and script."""
    return {f"{ADMIN_DIR}/{name}": ASSETS_DIR / name for name in ADMIN_ASSETS}


def preview_stylesheets(site_paths: list[str], extra_css: list[str]) -> list[str]:
    """The stylesheets the preview loads, as addresses from /admin/: the theme's own
    (from the site's files, in their order), the site's extra_css, then preview.css."""
    theme = sorted(p for p in site_paths if THEME_STYLESHEET.fullmatch(p))
    theme.sort(key=lambda p: not p.startswith("assets/stylesheets/main."))
    return [f"../{p}" for p in [*theme, *extra_css]] + ["preview.css"]


def render_admin_page(
    renderer: Renderer,
    site_name: str,
    contribute_url: str = "../bijdragen/",
    preview_styles: list[str] | None = None,
) -> str:
    page = renderer.render(
        "contribute/admin.html",
        site_name=site_name,
        contribute_url=contribute_url,
        preview_styles=preview_styles or ["preview.css"],
        policy=admin_policy(),
    )
    return str(page).removesuffix("\n")  # written as the page has always been
