"""The page of the proposal form (/bijdragen/voorstellen/) and the form's description
beside it. The contribute stage describes the form from the schemas; this stage places it
on a page with the ways to send it (e-mail, GitHub)."""

from __future__ import annotations

import json
from typing import Any

from ..project import Project, repo_from_url
from ..routes import listing_source, proposal_spec_url, proposal_url
from .listings import newest_date
from .pages import Page
from .views import Views


def proposal_page(views: Views, newest: list[str], spec: dict[str, Any]) -> Page:
    """The form on which anyone proposes an action or a story, without a GitHub account.

    `spec` is the form's description, made by the contribute stage (`form_spec` in
    actiebank.contribute.proposal) and handed in by the hook.
    """
    project = views.catalogue.project
    return Page(
        src_uri=listing_source(proposal_url()),
        url=proposal_url(),
        title="Een actie of verhaal voorstellen",
        description="Stel een actie of verhaal voor de Actiebank voor, zonder GitHub-account: "
        "vul het formulier in en stuur het per e-mail of als bestand.",
        template="proposal.html",
        searchable=False,
        date=newest_date(views, newest),
        context={
            "spec": spec,
            "editors_email": project.editors_email,
            "repo": repo_from_url(project.repo_url),
            # The field reference, where the project has it (an editorial page).
            "fields_page": "bijdragen/velden/"
            if _has_page(project, "bijdragen/velden.md")
            else None,
        },
    )


def _has_page(project: Project, source: str) -> bool:
    return source in project.pages and (project.content_dir / source).is_file()


def proposal_files(page: Page) -> dict[str, bytes]:
    """The form's description for its script, beside the page (a file, not an inline
    script: the Content-Security-Policy allows scripts from files only)."""
    text = json.dumps(page.context["spec"], ensure_ascii=False, separators=(",", ":"))
    return {proposal_spec_url(): text.encode("utf-8")}
