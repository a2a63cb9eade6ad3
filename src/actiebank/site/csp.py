"""A Content-Security-Policy for every page: the site itself, nothing else.

GitHub Pages cannot send headers, so the policy travels as a <meta> element at the top of
<head>. Scripts come only from the site's own files. The few inline scripts the theme
needs (Material writes two, the site one) are allowed by their SHA-256 hashes, and only
those: `template_scripts` reads the inline scripts the templates write (the theme's
folders and the core's templates), and a script on a page is hashed only when it is one of
them, character for character, with at most a plain relative address where the template
prints a value (Material's `base_url`). A script that reached a page any other way (a
contributor's text, a plugin) is not in the policy, so the browser does not run it.
Styles, images, fonts, requests and frames are the site's own too; `data:` images are the
theme's icons. Site search runs Pagefind's WebAssembly, fetched from the site itself:
'wasm-unsafe-eval' lets a script of the site compile WebAssembly, and nothing else (no
eval, no inline code).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("frame-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# /admin/ runs Decap CMS, a prebuilt editor for the editors, not a page of the site. Decap
# compiles its config checks with new Function() and writes its styles at run time, so its
# page allows 'unsafe-eval' for scripts and inline styles; it still runs no inline script
# (a script smuggled into an entry's preview does not run) and reaches only the site,
# GitHub's API (the editors' backend, avatars) and a decap-server on the editor's own
# machine.
ADMIN_POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'unsafe-eval'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data: blob: https://avatars.githubusercontent.com"),
    ("font-src", "'self' data:"),
    # blob:: Decap reads the media library's images (content/images/) through object
    # URLs it made itself in the page.
    ("connect-src", "'self' blob: https://api.github.com http://localhost:* http://127.0.0.1:*"),
    ("frame-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# The pages are read in one pass: from a script's start tag to the next "</script", then on
# from there (a page is the site's own markup: a contributor's text reaches it escaped and
# sanitised, so it holds no "<script" of its own).
_SCRIPT_OPEN = re.compile(r"<script\b([^<>]*)>", re.I)
_SCRIPT_CLOSE = re.compile(r"</script", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
# Script types a browser runs; JSON (Material's settings, JSON-LD) is data and needs no hash.
_RUNNABLE = {"", "text/javascript", "application/javascript", "module"}
# In a template: Jinja comments go first; a printed value ({{ ... }}) becomes a hole.
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_JINJA_VALUE = re.compile(r"\{\{.*?\}\}", re.S)
# What a template may print inside a script: an address on the site itself ('.', '../..',
# '/actiebank' on the 404 page), never a quote, a backslash, a '<', white space, a scheme
# or a '//' that leads to another host, so a value cannot end the script's string or send
# the reader elsewhere.
_HOLE = r"(?!//)[A-Za-z0-9._~/-]*"
# The core's own templates (site/templates/), besides the theme's folders.
CORE_TEMPLATES = Path(__file__).parent / "templates"


def _inline_scripts(html: str) -> Iterator[tuple[str, str]]:
    """(attributes, text) of every script element of a page, in page order."""
    at = 0
    while (opening := _SCRIPT_OPEN.search(html, at)) is not None:
        closing = _SCRIPT_CLOSE.search(html, opening.end())
        if closing is None:
            return
        yield opening.group(1), html[opening.end() : closing.start()]
        at = closing.end()


def _runnable(attributes: str) -> bool:
    """An inline script the browser would run: no src, a JavaScript type."""
    if _SRC.search(attributes):
        return False
    kind = _TYPE.search(attributes)
    return (kind.group(1).lower() if kind else "") in _RUNNABLE


def template_scripts(folders: Iterable[Path | str]) -> tuple[re.Pattern[str], ...]:
    """The inline scripts the templates in `folders` (and the core's) write, each as a
    pattern a script on a page must match whole: the template's text, with a hole for
    each value it prints. A script with template logic inside ({% ... %}) is left out."""
    found: dict[str, re.Pattern[str]] = {}
    for folder in [*folders, CORE_TEMPLATES]:
        for path in sorted(Path(folder).rglob("*.html")):
            template = _JINJA_COMMENT.sub("", path.read_text(encoding="utf-8"))
            for attributes, text in _inline_scripts(template):
                if not _runnable(attributes) or "{%" in text:
                    continue
                pattern = _HOLE.join(re.escape(part) for part in _JINJA_VALUE.split(text))
                found.setdefault(pattern, re.compile(pattern))
    return tuple(found[key] for key in sorted(found))


def inline_script_hashes(html: str, scripts: Sequence[re.Pattern[str]] = ()) -> list[str]:
    """'sha256-...' of every inline script of the page that the browser would run and
    that is one of `scripts` (template_scripts), in page order."""
    hashes = []
    for attributes, body in _inline_scripts(html):
        if not _runnable(attributes) or not any(p.fullmatch(body) for p in scripts):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(hashes))


def policy_for(html: str, scripts: Sequence[re.Pattern[str]] = ()) -> str:
    hashes = inline_script_hashes(html, scripts)
    parts = []
    for directive, sources in POLICY:
        if directive == "script-src" and hashes:
            sources = " ".join([sources, *hashes])
        parts.append(f"{directive} {sources}")
    return "; ".join(parts)


def admin_policy() -> str:
    """The policy of the /admin/ page (see ADMIN_POLICY)."""
    return "; ".join(f"{directive} {sources}" for directive, sources in ADMIN_POLICY)


def with_policy(html: str, scripts: Sequence[re.Pattern[str]] = ()) -> str:
    """The page with its policy as the first element after the charset declaration; the
    inline scripts it allows are those of `scripts` (template_scripts), none by default.

    A page without a <head> (a fragment) is returned as it is.
    """
    policy = policy_for(html, scripts)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    match = _CHARSET.search(html)
    if match:
        return html[: match.end()] + "\n    " + meta + html[match.end() :]
    head = re.search(r"<head\b[^>]*>", html, re.I)
    if head is None:
        return html
    return html[: head.end()] + meta + html[head.end() :]
