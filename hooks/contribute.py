"""MkDocs adapter for contributors: the web form at /admin/ and the field reference.

The meaning lives in `actiebank.contribute`; this file hands its output to MkDocs.
/admin/ is written as static files (not pages), so it stays out of the sitemap, the
search index and the navigation. Only `mkdocs serve` (what `scripts/site` runs) points the
form at a local decap-server (`local_backend`); a build, what deploy.yml publishes, never.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from actiebank.contribute.admin_page import (
    ADMIN_DIR,
    admin_files,
    decap_files,
    preview_stylesheets,
    render_admin_page,
)
from actiebank.contribute.reference import fill_reference
from actiebank.contribute.webform import decap_config, render_config
from actiebank.project import project_from_settings, repo_from_url
from actiebank.site.render import Renderer

log = get_plugin_logger("actiebank.contribute")

REFERENCE_PAGE = "bijdragen/velden.md"

# The command that runs (`build`, `serve`, `gh-deploy`), told by MkDocs before the build.
_run: dict[str, str] = {}


def on_startup(command: str, dirty: bool) -> None:
    _run["command"] = command


def _schema_dir(config: MkDocsConfig) -> Path:
    return project_from_settings(Path(config.config_file_path).parent, config).schema_dir


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = Path(config.config_file_path).parent
    try:
        scripts = {**decap_files(project / "node_modules"), **admin_files()}
    except FileNotFoundError as exc:
        # A plain `mkdocs serve` without npm still shows the catalogue; `--strict` (CI,
        # scripts/site build) turns this warning into a failed build.
        log.warning(f"the web form /{ADMIN_DIR}/ is left out: {exc}")
        return files
    generated = {
        f"{ADMIN_DIR}/index.html": render_admin_page(
            Renderer.for_theme(config.theme.custom_dir),
            config.site_name,
            preview_styles=preview_stylesheets(
                [f.src_uri for f in files], [str(css) for css in config.extra_css]
            ),
        ),
        f"{ADMIN_DIR}/config.yml": render_config(
            decap_config(
                repo=repo_from_url(config.repo_url),
                site_url=config.site_url or None,
                # GitHub login from a static site needs an OAuth service; see CONTRIBUTING.md.
                auth_url=config.extra.get("decap_auth_url"),
                # Editing on one's own machine: the form saves through `npx decap-server`.
                local_backend=_run.get("command") == "serve",
                schema_dir=_schema_dir(config),
            )
        ),
    }
    for uri in [*generated, *scripts]:
        if (present := files.get_file_from_path(uri)) is not None:
            files.remove(present)
    for uri, text in generated.items():
        files.append(File.generated(config, uri, content=text))
    for uri, path in scripts.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != REFERENCE_PAGE:
        return markdown
    try:
        return fill_reference(
            markdown, _schema_dir(config), Renderer.for_theme(config.theme.custom_dir)
        )
    except ValueError as exc:
        raise PluginError(f"{REFERENCE_PAGE}: {exc}") from exc
