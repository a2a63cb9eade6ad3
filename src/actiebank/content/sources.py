"""What counts as a web address and as a source (the content model, "Sources").

These two patterns are the one definition: `actiebank schema` writes them into the
schemas (`$defs.url`, `$defs.source`), the proposal form reads them from there, and the
site asks `is_web_address` before it makes a value a link.

Both run on contributor text, so both match in linear time: no part of them can match the
same characters in two ways (a host is labels of letters and digits joined by single dots
and runs of hyphens; a citation is one pass over the text).
"""

from __future__ import annotations

import re

# A host name of ASCII labels (punycode for others) with a top-level domain of letters: no
# user name or password (no '@' before the path), no backslash, quote or space anywhere.
_LABEL = "[A-Za-z0-9]+(-+[A-Za-z0-9]+)*"
_HOST = f"({_LABEL}\\.)+([A-Za-z]{{2,63}}|xn--{_LABEL})"
# After the host: a port, path segments, a query and a fragment of the characters RFC 3986
# allows there (others percent-encoded, as JSON Schema's "uri" format requires: an "ë" is
# %C3%AB). A segment starts at its '/', which no segment contains, so each character has
# one place to go.
_PCHAR = "([A-Za-z0-9._~!$&()*+,;=:@-]|%[0-9A-Fa-f]{2})"
_QCHAR = "([A-Za-z0-9._~!$&()*+,;=:@/?-]|%[0-9A-Fa-f]{2})"
_REST = f"(:[0-9]{{1,5}})?(/{_PCHAR}*)*(\\?{_QCHAR}*)?(#{_QCHAR}*)?"
WEB_ADDRESS = f"^https?://{_HOST}{_REST}$"

# A short citation: three letters in a row somewhere, and not an address of another kind
# ("javascript:...", "http:/x"): text that starts like a scheme must be a web address.
_LETTERS = "[A-Za-zÀ-ÖØ-öø-ÿ]{3}"
_NOT_A_SCHEME = "(?![A-Za-z][A-Za-z0-9+.-]*:[^\\s])"
SOURCE = f"^(https?://{_HOST}{_REST}|{_NOT_A_SCHEME}.*{_LETTERS}.*)$"
SOURCE_MIN, SOURCE_MAX = 10, 300

_web_address = re.compile(WEB_ADDRESS)
_source = re.compile(SOURCE)


def is_web_address(value: object) -> bool:
    """An http(s) address with a real host: what may become a link on a page."""
    return isinstance(value, str) and len(value) <= 2000 and bool(_web_address.fullmatch(value))


def is_source(value: object) -> bool:
    """A web address or a short citation of 10 to 300 characters with letters in it."""
    return (
        isinstance(value, str)
        and SOURCE_MIN <= len(value) <= SOURCE_MAX
        and bool(_source.fullmatch(value))
    )


SOURCE_RULE = (
    "Geef een webadres dat begint met https:// of een korte bronvermelding van "
    f"{SOURCE_MIN} tot {SOURCE_MAX} tekens, zoals 'Jaarverslag Zorggroep Noord 2023, p. 12'."
)
