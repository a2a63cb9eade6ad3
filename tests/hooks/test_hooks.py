"""The MkDocs hooks as MkDocs calls them, with a stand-in for its configuration: what they
do needs no full build to show."""

from __future__ import annotations

import logging
import types
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from actiebank.content.catalogue import Catalogue
from actiebank.problems import Problem
from actiebank.project import Project
from actiebank.site.pages import Page
from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR
from support.hooks import load_hook


def fake_config(folder: Path, **settings) -> types.SimpleNamespace:
    values = {
        "docs_dir": str(folder / "content"),
        "config_file_path": str(folder / "mkdocs.yml"),
        "site_url": "https://example.org/",
        "repo_url": None,
        "edit_uri": None,
        "extra": {},
        **settings,
    }
    config = types.SimpleNamespace(**values)
    config.get = values.get
    return config


def test_the_site_hook_logs_warnings_at_info_and_refuses_errors(monkeypatch, tmp_path, caplog):
    hook = load_hook("site")
    problems = [
        Problem(
            "content/actions/a.md", 3, 1, "updated", "Meer dan 2 jaar niet bijgewerkt", "warning"
        )
    ]
    project = Project.at(tmp_path, schema_dir=SCHEMA_DIR)
    monkeypatch.setattr(
        hook,
        "load_catalogue",
        lambda *a, **k: Catalogue(
            content_dir=tmp_path,
            vocabularies=load_vocabularies(SCHEMA_DIR / "vocabularies.yaml"),
            project=project,
            problems=list(problems),
        ),
    )
    config = fake_config(tmp_path)
    with caplog.at_level(logging.DEBUG, logger="mkdocs"):
        assert hook.on_config(config) is config
    [record] = [r for r in caplog.records if "niet bijgewerkt" in r.getMessage()]
    assert record.levelno == logging.INFO
    assert record.getMessage().endswith(
        "content/actions/a.md:3:1: waarschuwing: updated: Meer dan 2 jaar niet bijgewerkt"
    )
    problems.append(Problem("content/actions/b.md", 7, 5, "regions[1]", "'brabant' is geen regio."))
    caplog.clear()
    with (
        caplog.at_level(logging.DEBUG, logger="mkdocs"),
        pytest.raises(
            PluginError,
            match=r"^1 fout in de inhoud; er is niets gebouwd\. Los de fouten hierboven op en "
            r"bouw de site opnieuw\.$",
        ),
    ):
        hook.on_config(config)
    [record] = [r for r in caplog.records if "brabant" in r.getMessage()]
    assert record.levelno == logging.WARNING
    assert record.getMessage().endswith(
        "content/actions/b.md:7:5: regions[1]: 'brabant' is geen regio."
    )


def test_the_site_hook_removes_a_macro_switch_before_macros_read_the_page():
    hook = load_hook("site")
    page = types.SimpleNamespace(
        meta={"title": "Over", "render_macros": True}, file=types.SimpleNamespace(src_uri="over.md")
    )

    hook.on_page_markdown("tekst", page, config=None, files=None)

    assert "render_macros" not in page.meta
    # It runs before mkdocs-macros (priority 0) looks at the page.
    assert hook.on_page_markdown.mkdocs_priority > 0


def test_material_settings_are_written_by_the_hook_not_the_core():
    hook = load_hook("site")
    listing = Page(
        src_uri="acties/index.md",
        url="acties/",
        title="Acties & <meer>",
        description="Alle acties.",
        template="catalogue.html",
        searchable=False,
    )
    entry = Page(
        src_uri="acties/x.md",
        url="acties/x/",
        title="X",
        description="Y",
        template="action.html",
        markdown="## Aanpak\n",
    )

    assert hook.front_matter(listing) == (
        '---\n{"description": "Alle acties.", "hide": ["navigation", "toc"], '
        '"search": {"exclude": true}, "title": "Acties &amp; &lt;meer&gt;"}\n---\n\n'
    )
    # No menu or table of contents beside an action either: the tabs are the menu.
    assert hook.front_matter(entry) == (
        '---\n{"description": "Y", "hide": ["navigation", "toc"], "title": "X"}\n---\n\n## Aanpak\n'
    )


def test_only_pages_the_nav_names_enter_the_navigation():
    hook = load_hook("site")
    nav = [
        {"Home": "index.md"},
        {"Acties": "acties/index.md"},
        {"Meer": [{"Over": "over.md"}, "bijdragen/index.md"]},
    ]
    assert hook.nav_sources(nav) == {"index.md", "acties/index.md", "over.md", "bijdragen/index.md"}


def test_the_publish_hook_builds_aside_and_swaps_only_on_success(tmp_path):
    hook = load_hook("publish")
    site = tmp_path / "site"
    site.mkdir()
    (site / "oud.html").write_text("oud")
    config = types.SimpleNamespace(site_dir=str(site))

    hook.on_startup(command="build", dirty=False)
    hook.on_config(config)
    partial = Path(config.site_dir)
    assert partial != site and partial.parent == site.parent
    partial.mkdir()  # as MkDocs does when it starts writing
    (partial / "nieuw.html").write_text("nieuw")
    hook.on_build_error(RuntimeError("kapot"))
    assert not partial.exists() and (site / "oud.html").read_text() == "oud"

    config = types.SimpleNamespace(site_dir=str(site))  # MkDocs reads its config anew
    hook.on_config(config)
    Path(config.site_dir).mkdir()
    (Path(config.site_dir) / "nieuw.html").write_text("nieuw")
    hook.on_post_build(config)
    assert Path(config.site_dir) == site.resolve()
    assert [p.name for p in site.iterdir()] == ["nieuw.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_under_mkdocs_serve_the_publish_hook_leaves_the_folder_alone(tmp_path):
    hook = load_hook("publish")
    config = types.SimpleNamespace(site_dir=str(tmp_path / "serve"))
    hook.on_startup(command="serve", dirty=False)
    hook.on_config(config)
    assert config.site_dir == str(tmp_path / "serve")


def test_a_project_can_override_a_core_template_from_its_theme_folder(tmp_path):
    from actiebank.site.render import Renderer

    (tmp_path / "actiebank").mkdir()
    (tmp_path / "actiebank" / "card.html").write_text("<li>{{ card }}</li>", encoding="utf-8")
    assert str(Renderer.for_theme(tmp_path).render("card.html", card="eigen")) == "<li>eigen</li>"
    # Without the folder, the core's own card.
    default = Renderer.for_theme(tmp_path / "geen-map")
    source, _, _ = default.environment.loader.get_source(default.environment, "card.html")
    assert "action_card" in source


def test_a_typo_in_a_template_fails_instead_of_printing_nothing():
    import jinja2

    from actiebank.site.render import Renderer

    renderer = Renderer(jinja2.DictLoader({"t.html": "{{ card.titel }}"}))
    with pytest.raises(jinja2.UndefinedError):
        renderer.render("t.html", card={"title": "x"})
