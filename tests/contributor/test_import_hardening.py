"""`actiebank import` of a stranger's message (issue 24): refused in bounded time and memory
when it is built to exhaust the mail parser, never with a traceback; a story never takes
the name of the list of stories; a line '-- ' in the form's own text stays; and what is
imported is what the e-mail showed its reader."""

from __future__ import annotations

import html
import io
import os
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from actiebank.contribute.importer import (
    MessageTooComplexError,
    NoProposalError,
    import_command,
    import_proposal,
)
from actiebank.contribute.proposal import entry_text, form_spec
from support import SCHEMA_DIR, copy_project, project_at

SPEC = form_spec(SCHEMA_DIR)
ACTION = {
    "title": "Oriëntatiebaan voor herintreders in de thuiszorg",
    "summary": (
        "Herintreders werken drie maanden mee in een wijkteam, met een vaste begeleider en "
        "een opleidingsplan, voordat ze kiezen. Zo weten ze waar ze aan beginnen."
    ),
    "organisations": [{"name": "Thuiszorg Testland", "url": "https://example.org/thuiszorg"}],
    "regions": ["twente"],
    "sectors": ["vvt"],
    "success_factors": ["onboarding"],
    "interventions": ["orientation-job"],
    "status": "pilot",
    "started": "2024-02",
    "contact": {"name": "Anneke de Vries", "email": "anneke@example.org"},
    "body": {
        "aanpak": "Elke herintreder krijgt een begeleider: één vaste collega voor drie maanden.",
        "lessen": "Plan de gesprekken vooraf in; anders schieten ze erbij in.",
    },
}
SLUG = "orientatiebaan-voor-herintreders-in-de-thuiszorg"
STORY = {
    "title": "Index",
    "date": "2024-05-02",
    "summary": "Na twintig jaar buiten de zorg liep Marieke drie maanden mee in een wijkteam.",
    "organisations": [{"name": "Thuiszorg Testland"}],
    "regions": ["twente"],
    "actions": ["carintreggeland-orientatiebaan-zij-instromers"],
    "body": {"het-verhaal": "„Ik wist na een week al dat ik wilde blijven,” zegt Marieke."},
}
LIMIT = 10.0  # seconds for a whole `actiebank import` in a child process
MEMORY = 1024**3  # its address space: the 2.6 MB message once took more than 23 GB


@pytest.fixture
def project(real_content_copy):
    return project_at(real_content_copy)


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def entry(values: dict, kind: str = "action") -> str:
    return entry_text(kind, values, spec=SPEC)


def attachment_named_in_encoded_words(size: int) -> bytes:
    """A message whose attachment name is `size` bytes of RFC 2047 encoded words: Python's
    parser (policy.default, iter_attachments) took memory with the square of it."""
    word = "=?utf-8?q?a?= "
    name = (word * (size // len(word))).strip()
    return (
        "From: a@example.org\r\nSubject: Voorstel\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=XX\r\n\r\n"
        "--XX\r\nContent-Type: text/plain\r\n\r\nZie de bijlage.\r\n"
        f'--XX\r\nContent-Type: text/markdown\r\nContent-Disposition: attachment; filename="{name}"'
        "\r\n\r\n---\r\ntitle: x\r\n---\r\n--XX--\r\n"
    ).encode("ascii")


# The child: runs `actiebank import FILE` under an address-space limit, then prints the
# peak memory of that one process (its own children are the only ones it waits for).
MEASURE = """
import resource, subprocess, sys
limit = int(sys.argv[1])
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
done = subprocess.run(sys.argv[2:], preexec_fn=cap, capture_output=True, text=True)
sys.stdout.write(done.stdout)
sys.stderr.write(done.stderr)
print("PEAK_KB", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(done.returncode)
"""


def test_a_message_with_a_huge_encoded_attachment_name_is_refused_quickly(tmp_path):
    root = copy_project(tmp_path / "project")
    message = tmp_path / "voorstel.eml"
    message.write_bytes(attachment_named_in_encoded_words(2_600_000))
    assert 2_500_000 < message.stat().st_size < 5_000_000  # under the size limit
    start = time.monotonic()
    command = [sys.executable, "-m", "actiebank.cli", "import", str(message)]
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(MEMORY), *command],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ACTIEBANK_ROOT": str(root)},
    )
    took = time.monotonic() - start
    peak_mb = int(done.stdout.rsplit("PEAK_KB", 1)[1]) / 1024
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    assert done.stderr.splitlines() == [
        f"{message}: niet ingelezen: de kopregel 'Content-Disposition' is 2.600.041 tekens "
        "lang (hoogstens 16.000); zo'n bericht leest Actiebank niet in. Sla de tekst van het "
        "voorstel op als tekstbestand (.txt) en lees dat in."
    ]
    assert took < LIMIT, took
    assert peak_mb < 300, peak_mb  # the command itself, with the catalogue's libraries
    assert not (root / "content" / "actions" / "x.md").exists()


def nested_parts(depth: int) -> bytes:
    text = "Subject: Voorstel\r\nMIME-Version: 1.0\r\n"
    for level in range(depth):
        text += f"Content-Type: multipart/mixed; boundary=b{level}\r\n\r\n--b{level}\r\n"
    text += "Content-Type: text/plain\r\n\r\n---\r\ntitle: x\r\n---\r\n"
    text += "".join(f"--b{level}--\r\n" for level in reversed(range(depth)))
    return text.encode("ascii")


def refused(path: Path, project) -> str:
    """What `actiebank import` says about a file it does not take (exit code 2)."""
    out, err = io.StringIO(), io.StringIO()
    assert import_command([path], project, out=out, err=err) == 2
    assert out.getvalue() == ""
    (line,) = err.getvalue().splitlines()
    assert line.startswith(f"{path}: niet ingelezen: ")
    return line.split(": niet ingelezen: ", 1)[1]


@pytest.mark.parametrize(
    "name, raw, reason",
    [
        (
            "3000-lagen.eml",
            nested_parts(3000),
            "het bericht heeft meer dan 12 delen die zelf weer uit delen bestaan",
        ),
        (
            "11-lagen.eml",
            nested_parts(11),
            "de delen van het bericht zitten meer dan 10 lagen diep in elkaar",
        ),
        (
            "haakjes.eml",
            b"Subject: x\r\nContent-Type: text/plain; name=a" + b"(" * 100_000 + b"\r\n\r\nx\r\n",
            "de kopregel 'Content-Type' is 100.034 tekens lang (hoogstens 16.000)",
        ),
        (
            "haakjes-kort.eml",
            b"Subject: x\r\nContent-Type: text/plain; name=a" + b"(" * 1500 + b"\r\n\r\nx\r\n",
            "de kopregel 'Content-Type' heeft meer dan 20 haakjes binnen elkaar",
        ),
        (
            "delen.eml",
            b"Content-Type: multipart/mixed; boundary=XX\r\n\r\n"
            + b"--XX\r\nContent-Type: text/plain\r\n\r\nx\r\n" * 500
            + b"--XX--\r\n",
            "het bericht heeft meer dan 100 delen",
        ),
        (
            "kopregels.eml",
            b"X-Veld: a\r\n" * 1000 + b"Content-Type: text/plain\r\n\r\nx\r\n",
            "een deel van het bericht heeft meer dan 300 kopregels",
        ),
        (
            "regels.eml",
            b"Content-Type: text/plain\r\n\r\n" + b"\r\n" * 150_000,
            "het bericht heeft meer dan 100.000 regels",
        ),
    ],
)
def test_a_message_built_to_exhaust_the_parser_is_refused_without_a_traceback(
    project, inbox, name, raw, reason
):
    path = inbox / name
    path.write_bytes(raw)
    before = sorted(os.listdir(project.content_dir / "actions"))
    start = time.monotonic()
    with pytest.raises(MessageTooComplexError):
        import_proposal(path, project)
    said = refused(path, project)
    assert time.monotonic() - start < LIMIT
    assert said == (
        f"{reason}; zo'n bericht leest Actiebank niet in. Sla de tekst van het voorstel op "
        "als tekstbestand (.txt) en lees dat in."
    )
    assert sorted(os.listdir(project.content_dir / "actions")) == before


def test_an_ordinary_message_with_parts_is_still_read(project, inbox):
    message = EmailMessage()
    message["From"] = "Anneke de Vries <anneke@example.org>"
    message["Subject"] = "Voorstel voor de Actiebank"
    message.set_content("Beste redactie,\n\nHet voorstel zit in de bijlage.\n\n-- \nAnneke\n")
    message.add_alternative("<p>Beste redactie,</p><p>Het voorstel zit in de bijlage.</p>", "html")
    message.add_attachment(
        entry(ACTION).encode("utf-8"), maintype="text", subtype="markdown", filename=f"{SLUG}.md"
    )
    path = inbox / "bijlage.eml"
    path.write_bytes(bytes(message))
    result = import_proposal(path, project)
    assert result.path.read_text("utf-8") == entry(ACTION)
    assert result.problems == []


# --------------------------------------------------------------------------- slugs


def test_a_story_titled_index_gets_a_name_of_its_own(project, inbox):
    path = inbox / "verhaal.md"
    path.write_text(entry(STORY, "case"), "utf-8")
    result = import_proposal(path, project)
    assert (result.kind, result.slug) == ("case", "index-verhaal")
    assert result.path == project.content_dir / "cases" / "index-verhaal.md"
    assert result.problems == []


def test_an_action_titled_like_a_page_of_the_catalogue_gets_a_name_of_its_own(project, inbox):
    path = inbox / "actie.md"
    path.write_text(entry({**ACTION, "title": "Vergelijk"}), "utf-8")
    result = import_proposal(path, project)
    assert result.slug == "vergelijk-actie"


# --------------------------------------------------------------------------- signatures


BODY_WITH_DASHES = {
    **ACTION,
    "body": {
        "aanpak": "Eerst dit.\n-- \nEn daarna dit, want een streepje hoort bij de tekst.",
        "lessen": "Plan de gesprekken vooraf in.",
    },
}


def test_a_line_dash_dash_space_in_the_forms_download_is_text(project, inbox):
    text = entry(BODY_WITH_DASHES)
    assert "\n-- \n" in text
    path = inbox / f"{SLUG}.md"
    path.write_text(text, "utf-8")
    result = import_proposal(path, project)
    assert result.path.read_text("utf-8") == text


def test_in_a_mail_only_the_real_signature_is_left_out(project, inbox):
    text = entry(BODY_WITH_DASHES)
    mail = inbox / "voorstel.txt"
    mail.write_text(
        f"Beste redactie,\n\n{text}\n-- \nAnneke de Vries\nThuiszorg Testland\n06 1234 5678\n",
        "utf-8",
    )
    result = import_proposal(mail, project)
    assert result.path.read_text("utf-8") == text


# --------------------------------------------------------------------------- HTML


def html_of(text: str) -> str:
    """An entry as a mail program writes it in HTML: a <div> for each line, <div><br></div>
    for an empty one, the spaces that indent a line as no-break spaces."""

    def div(line: str) -> str:
        indent = len(line) - len(line.lstrip(" "))
        return (
            f"<div>{'&nbsp;' * indent}{html.escape(line[indent:])}</div>\n"
            if line
            else ("<div><br></div>\n")
        )

    lines = "".join(div(line) for line in text.rstrip("\n").split("\n"))
    head = "<head><title>Voorstel</title><style>p { color: red }</style></head>"
    return f"<html>{head}<body>\n{lines}</body></html>"


def html_message(html: str, plain: str | None = None) -> bytes:
    message = EmailMessage()
    message["Subject"] = "Voorstel voor de Actiebank"
    if plain is None:
        message.set_content(html, subtype="html")
    else:
        message.set_content(plain)
        message.add_alternative(html, subtype="html")
    return bytes(message)


def test_an_html_mail_imports_what_it_shows_and_not_what_it_hides(project, inbox):
    text = entry(ACTION)
    hidden = [
        '<div style="display:none">VERBORGEN-1</div>',
        "<div hidden>VERBORGEN-2</div>",
        '<span style="font-size:0px; color:#fff">VERBORGEN-3</span>',
        "<!-- VERBORGEN-4 -->",
        '<div style="max-height: 0; overflow: hidden">VERBORGEN-5<p>VERBORGEN-6</p></div>',
        '<p style="visibility:hidden">VERBORGEN-7',
    ]
    html = html_of(text).replace("<div>## Aanpak</div>", "".join(hidden) + "<div>## Aanpak</div>")
    path = inbox / "html.eml"
    path.write_bytes(html_message(html))
    result = import_proposal(path, project)
    imported = result.path.read_text("utf-8")
    assert "VERBORGEN" not in imported and "color: red" not in imported
    assert "Voorstel\n" not in imported  # the <title>
    assert imported.split("\n## Aanpak\n")[1] == text.split("\n## Aanpak\n")[1]


def test_of_two_versions_the_one_the_reader_saw_is_imported(project, inbox):
    seen = entry(ACTION)
    other = entry({**ACTION, "summary": ACTION["summary"].replace("drie", "vier")})
    path = inbox / "twee.eml"
    path.write_bytes(html_message(html_of(seen), plain=other))
    result = import_proposal(path, project)
    assert "drie maanden" in result.path.read_text("utf-8")
    assert "vier maanden" not in result.path.read_text("utf-8")


def test_of_two_versions_that_agree_the_plain_lines_are_kept(project, inbox):
    text = entry(ACTION)
    path = inbox / "gelijk.eml"
    path.write_bytes(html_message(html_of(text), plain=f"Beste redactie,\n\n{text}"))
    result = import_proposal(path, project)
    assert result.path.read_text("utf-8") == text


def test_a_plain_version_with_an_entry_the_html_does_not_show_is_refused(project, inbox):
    path = inbox / "stiekem.eml"
    path.write_bytes(html_message("<p>Beste redactie, ik bel u nog.</p>", plain=entry(ACTION)))
    with pytest.raises(NoProposalError, match="de tekstversie van het bericht heeft een voorstel"):
        import_proposal(path, project)


def test_hostile_html_is_read_in_linear_time(project, inbox):
    text = entry(ACTION)
    junk = "<a b " * 40_000  # HTMLParser.close() took minutes on this
    path = inbox / "traag.eml"
    path.write_bytes(html_message(html_of(text) + junk))
    start = time.monotonic()
    result = import_proposal(path, project)
    assert time.monotonic() - start < LIMIT
    assert result.path.read_text("utf-8") == text
