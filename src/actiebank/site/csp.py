"""A Content-Security-Policy for every page: the site itself, nothing else.

GitHub Pages cannot send headers, so the policy travels as a <meta> element at the top of
<head>. Scripts come only from the site's own files; the few inline scripts the theme
needs (Material writes two) are allowed by their SHA-256 hashes, computed from the page
itself, so a script that a contributor's text smuggled in would not run. Styles, images,
fonts, requests and frames are the site's own too; `data:` images are the theme's icons.
Site search runs Pagefind's WebAssembly, fetched from the site itself: 'wasm-unsafe-eval'
lets a script of the site compile WebAssembly, and nothing else (no eval, no inline code).
"""

from __future__ import annotations

import base64
import hashlib
import re

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
    ("connect-src", "'self' https://api.github.com http://localhost:* http://127.0.0.1:*"),
    ("frame-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
# Script types a browser runs; JSON (Material's settings, JSON-LD) is data and needs no hash.
_RUNNABLE = {"", "text/javascript", "application/javascript", "module"}


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-...' of every inline script the browser would run, in page order."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") not in _RUNNABLE:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(hashes))


def policy_for(html: str) -> str:
    hashes = inline_script_hashes(html)
    parts = []
    for directive, sources in POLICY:
        if directive == "script-src" and hashes:
            sources = " ".join([sources, *hashes])
        parts.append(f"{directive} {sources}")
    return "; ".join(parts)


def admin_policy() -> str:
    """The policy of the /admin/ page (see ADMIN_POLICY)."""
    return "; ".join(f"{directive} {sources}" for directive, sources in ADMIN_POLICY)


def with_policy(html: str) -> str:
    """The page with its policy as the first element after the charset declaration.

    A page without a <head> (a fragment) is returned as it is.
    """
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    match = _CHARSET.search(html)
    if match:
        return html[: match.end()] + "\n    " + meta + html[match.end() :]
    head = re.search(r"<head\b[^>]*>", html, re.I)
    if head is None:
        return html
    return html[: head.end()] + meta + html[head.end() :]
