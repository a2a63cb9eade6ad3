"""The quality gates, each a plain function over a built site or a browser page.

Every gate returns the list of what is wrong (empty when the gate passes), so the same
function serves the test over the real site and the test that plants a fault and shows
the gate catches it. The gates read what the build wrote (`sitemap.xml`, the files under
`site/`), so they cover every page that exists now or lands later.
"""

from __future__ import annotations

import base64
import filecmp
import hashlib
import json
import posixpath
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from . import ROOT
from .browser import AXE_SCRIPT, axe_now
from .sitemap import site_root_url, sitemap_urls

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


# --------------------------------------------------------------------------- accessibility


def axe_violations(page, url: str, *, status: int = 200) -> list[str]:
    """axe-core's violations on one page, as one line per rule with the elements it hit.

    The page is loaded fresh (a full page load, so its scripts have run) and axe runs
    over the whole document. axe is injected once per page load: by the context's init
    script when the page comes from `audit_context` (no 550 kB transfer per page), or
    here. A page that answers with another HTTP status than `status` is a violation.
    """
    response = page.goto(url, wait_until="load")
    if response is None or response.status != status:
        return [f"{url}: HTTP {response.status if response else 'no response'}, expected {status}"]
    return axe_now(page, url)


def audit_context(browser, viewport: dict, **options):
    """A browser context whose every page load carries axe-core already."""
    context = browser.new_context(viewport=viewport, **options)
    context.add_init_script(path=str(AXE_SCRIPT))
    return context


# --------------------------------------------------------------------------- valid HTML


def html_errors(site_dir: Path) -> list[str]:
    """Every error the Nu Html Checker finds in the site's HTML files, unfiltered."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError(
            "java is not installed: the HTML gate cannot run (apt-get install default-jre-headless)"
        )
    if not VNU_JAR.is_file():
        raise RuntimeError(f"{VNU_JAR} is missing: run `npm ci`")
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--skip-non-html",
            "--errors-only",
            "--format",
            "json",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(
            f"the Nu Html Checker did not answer in JSON ({error}):\n"
            f"{result.stdout}\n{result.stderr}"
        ) from None
    errors = []
    # vnu names files as file:/abs/path (one slash); keep the path inside the site.
    base = re.compile(r"^file:/*" + re.escape(site_dir.resolve().as_posix().lstrip("/")) + "/")
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        where = base.sub("", message.get("url", ""))
        line = message.get("lastLine", message.get("firstLine", 0))
        column = message.get("firstColumn", message.get("lastColumn", 0))
        errors.append(f"{unquote(where)}:{line}:{column}: {message['message']}")
    if result.returncode != 0 and not errors:
        raise RuntimeError(f"the Nu Html Checker failed:\n{result.stderr[-2000:]}")
    return errors


# --------------------------------------------------------------------------- links and anchors

# Attributes that make the browser fetch or navigate to another address.
LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "script": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "input": ("src",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
    "blockquote": ("cite",),
    "q": ("cite",),
}
# <meta> values that are addresses of the site's own pages and images.
LINK_METAS = {"og:url", "og:image", "twitter:image", "twitter:url"}
# Rel values that name a host to warm up, not a page.
NOT_A_LINK_RELS = {"preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


class _PageReader(HTMLParser):
    """Collects a page's anchor targets and the addresses it points at (with lines)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("id",) + (("name",) if tag == "a" else ()):
            if values.get(name):
                self.ids.add(values[name])
        line = self.getpos()[0]
        if tag == "meta":
            kind = values.get("property") or values.get("name") or ""
            if kind in LINK_METAS and values.get("content"):
                self.links.append((line, values["content"]))
            return
        if tag == "link" and NOT_A_LINK_RELS & set((values.get("rel") or "").split()):
            return
        for name in LINK_ATTRIBUTES.get(tag, ()):
            value = values.get(name)
            if value is None:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((line, candidate.split()[0]))
            else:
                self.links.append((line, value))

    handle_startendtag = handle_starttag


def _read_page(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    reader.close()
    return reader


def broken_links(site_dir: Path) -> list[str]:
    """Every internal link or anchor in the built site that leads nowhere.

    Covers every HTML file (templates, Markdown and raw HTML alike), the stylesheets'
    `url()`s and the sitemap. An address is internal when it is relative, root-relative,
    or starts with the site's own published address; anything else is another site's
    business and is not fetched.
    """
    site_dir = site_dir.resolve()
    root = site_root_url(site_dir)
    prefix = urlsplit(root).path if root else "/"
    pages: dict[Path, _PageReader] = {}

    def page(path: Path) -> _PageReader:
        if path not in pages:
            pages[path] = _read_page(path)
        return pages[path]

    def check(source: str, address: str) -> str | None:
        """Why `address`, found in the file at site path `source`, is broken (or None)."""
        address = address.strip()
        if not address or address.startswith(("data:", "mailto:", "tel:", "javascript:", "blob:")):
            return None
        if root and address.startswith(root):
            address = prefix + address[len(root) :]
        parts = urlsplit(address)
        if parts.scheme or parts.netloc:
            return None
        if not parts.path:
            target_path = source
        elif parts.path.startswith("/"):
            if not (parts.path + "/").startswith(prefix):
                return f"points outside the site's path {prefix}"
            target_path = parts.path[len(prefix) :]
        else:
            target_path = urljoin("/" + source, parts.path)[1:]
        normal = posixpath.normpath("/" + unquote(target_path))
        if normal.startswith("/.."):
            return "points above the site root"
        target = site_dir / normal.lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return "no such file"
        fragment = unquote(parts.fragment)
        if (
            fragment
            and target.suffix == ".html"
            and fragment.lower() != "top"
            and fragment not in page(target).ids
        ):
            return f"no element with id '{fragment}' in {target.relative_to(site_dir)}"
        return None

    problems = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        if path.suffix == ".html":
            links = page(path).links
        elif path.suffix == ".css":
            links = [
                (text.count("\n", 0, match.start()) + 1, match.group(2))
                for text in [path.read_text(encoding="utf-8", errors="replace")]
                for match in CSS_URL.finditer(text)
            ]
        else:
            continue
        for line, address in links:
            reason = check(relative, address)
            if reason:
                problems.append(f"{relative}:{line}: {address}: {reason}")
    if (site_dir / "sitemap.xml").is_file():
        for url in sitemap_urls(site_dir):
            reason = check("sitemap.xml", url)
            if reason:
                problems.append(f"sitemap.xml: {url}: {reason}")
    return problems


# --------------------------------------------------------------------------- determinism


def differences(site_a: Path, site_b: Path) -> list[str]:
    """Files that differ between two builds, sorted by path; empty when byte-identical.

    The first entry says where the first differing file first differs, to find the
    clock, the random number or the unsorted set that leaked into the output.
    """

    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    in_a, in_b = files(site_a), files(site_b)
    found = [f"{name}: only in the first build" for name in sorted(in_a - in_b)]
    found += [f"{name}: only in the second build" for name in sorted(in_b - in_a)]
    changed = [
        name
        for name in sorted(in_a & in_b)
        if not filecmp.cmp(site_a / name, site_b / name, shallow=False)
    ]
    for index, name in enumerate(changed):
        if index == 0:
            found.insert(0, f"{name}: differs {_first_difference(site_a / name, site_b / name)}")
        else:
            found.append(f"{name}: differs")
    return found


def _first_difference(a: Path, b: Path) -> str:
    data_a, data_b = a.read_bytes(), b.read_bytes()
    offset = next(
        (i for i, (x, y) in enumerate(zip(data_a, data_b, strict=False)) if x != y),
        min(len(data_a), len(data_b)),
    )
    line = data_a.count(b"\n", 0, offset) + 1
    window = slice(max(0, offset - 40), offset + 40)
    return f"at byte {offset} (line {line}): {data_a[window]!r} != {data_b[window]!r}"


# --------------------------------------------------------------------------- content security


# Sources that would let in more than the site itself.
LOOSE_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "*"}
# Recorded by the page itself from its first script on, so nothing the page does escapes it.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || "inline"} ` +
    `at ${e.sourceFile || "?"}:${e.lineNumber}`));
"""


def csp_violations(page, url: str | None = None, *, status: int = 200) -> list[str]:
    """What the page's Content-Security-Policy blocked since the page loaded, and a page
    without a policy. With `url`, the page is loaded fresh first. The page's context must
    carry CSP_RECORDER as an init script."""
    if url is not None:
        response = page.goto(url, wait_until="load")
        if response is None or response.status != status:
            return [f"{url}: HTTP {response.status if response else 'no response'}"]
        page.wait_for_timeout(50)  # late violations are reported asynchronously
    found = [f"{page.url}: {v}" for v in page.evaluate("window.__cspViolations || []")]
    policy = page.evaluate(
        "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content"
    )
    if not policy:
        found.append(f"{page.url}: no Content-Security-Policy")
    elif LOOSE_SOURCES & set(policy.split()):
        found.append(f"{page.url}: the policy allows more than the site itself: {policy}")
    return found


# What each fetching attribute is governed by: the policy's directive for it.
FETCHED = {
    ("img", "src"): "img-src",
    ("img", "srcset"): "img-src",
    ("source", "src"): "img-src",
    ("source", "srcset"): "img-src",
    ("video", "poster"): "img-src",
    ("input", "src"): "img-src",
    ("image", "href"): "img-src",
    ("use", "href"): "img-src",
    ("script", "src"): "script-src",
    ("iframe", "src"): "frame-src",
    ("frame", "src"): "frame-src",
    ("embed", "src"): "object-src",
    ("object", "data"): "object-src",
    ("video", "src"): "media-src",
    ("audio", "src"): "media-src",
    ("track", "src"): "media-src",
    ("form", "action"): "form-action",
}
# <link> relations whose address the browser fetches.
FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}


class _PolicyReader(HTMLParser):
    """A page's policy, its inline scripts, inline styles and the addresses it fetches."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.policy: str | None = None
        self.scripts: list[tuple[int, str]] = []  # line, text of a runnable inline script
        self.handlers: list[tuple[int, str]] = []  # line, an inline handler or javascript:
        self.inline_styles: list[tuple[int, str]] = []  # line, what carries it
        self.fetched: list[tuple[int, str, str]] = []  # line, directive, address
        self._script: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        line = self.getpos()[0]
        if tag == "meta" and (values.get("http-equiv") or "").lower() == (
            "content-security-policy"
        ):
            self.policy = values.get("content") or ""
        for name, value in attrs:
            if name.startswith("on") or (
                name == "href" and (value or "").strip().lower().startswith("javascript:")
            ):
                self.handlers.append((line, f"<{tag} {name}=...>"))
            elif name == "style":
                self.inline_styles.append((line, f'<{tag} style="{value}">'))
            elif (tag, name) in FETCHED and value:
                directive = FETCHED[(tag, name)]
                for address in value.split(",") if name == "srcset" else [value]:
                    if address.strip():
                        self.fetched.append((line, directive, address.split()[0]))
        if tag == "link" and FETCHED_LINKS & set((values.get("rel") or "").lower().split()):
            directive = "style-src" if "stylesheet" in values.get("rel", "") else "default-src"
            self.fetched.append((line, directive, values.get("href") or ""))
        if tag == "style":
            self.inline_styles.append((line, "<style>"))
        if tag == "script" and not values.get("src"):
            kind = (values.get("type") or "").lower()
            if kind in ("", "text/javascript", "application/javascript", "module"):
                self._script = (line, [])

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None


def _directives(policy: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            found[words[0].lower()] = words[1:]
    return found


def _allowed(policy: dict[str, list[str]], directive: str) -> list[str] | None:
    """The sources a policy allows for a directive; None when it sets no limit there
    (form-action does not fall back to default-src)."""
    if directive in policy:
        return policy[directive]
    if directive == "form-action" or "default-src" not in policy:
        return None
    return policy["default-src"]


def policy_breaches(site_dir: Path, paths: list[str]) -> list[str]:
    """What in the built pages at site paths `paths` ('' is the home, '404.html' a file)
    the page's own Content-Security-Policy would block, read from the files: no policy or
    a loose one, an inline script the policy has no hash for, an inline style or event
    handler, an address fetched from another host. What runs later (the scripts' own
    requests) is the browser test's business (`csp_violations`)."""
    found = []
    for path in paths:
        file = site_dir / path if path.endswith(".html") else site_dir / path / "index.html"
        reader = _PolicyReader()
        reader.feed(file.read_text(encoding="utf-8"))
        reader.close()
        where = file.relative_to(site_dir).as_posix()
        if not reader.policy:
            found.append(f"{where}: no Content-Security-Policy")
            continue
        policy = _directives(reader.policy)
        loose = [w for words in policy.values() for w in words if w in LOOSE_SOURCES]
        if loose:
            found.append(f"{where}: the policy allows more than the site itself: {loose}")
        scripts = _allowed(policy, "script-src")
        if scripts is not None and "'unsafe-inline'" not in scripts:
            for line, text in reader.scripts:
                digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest())
                if f"'sha256-{digest.decode()}'" not in scripts:
                    found.append(f"{where}:{line}: an inline script the policy has no hash for")
            found += [f"{where}:{line}: script-src blocks {what}" for line, what in reader.handlers]
        styles = _allowed(policy, "style-src")
        if styles is not None and "'unsafe-inline'" not in styles:
            found += [
                f"{where}:{line}: style-src blocks {what}" for line, what in reader.inline_styles
            ]
        for line, directive, address in reader.fetched:
            parts = urlsplit(address)
            sources = _allowed(policy, directive)
            if sources is None:
                continue  # a directive the policy does not set, with no default
            if parts.scheme == "data" and "data:" in sources:
                continue
            if parts.scheme or parts.netloc or "'none'" in sources:
                found.append(f"{where}:{line}: {directive} blocks {address}")
    return found
