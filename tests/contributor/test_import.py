"""`actiebank import`: a proposal from the form (the downloaded file, a plain-text e-mail,
an .eml message) becomes an entry in content/ under a name of its own, and the editor
reads its problems as `actiebank validate` words them."""

from __future__ import annotations

import io
import os
from email.message import EmailMessage
from pathlib import Path

import pytest

from actiebank.cli import main
from actiebank.contribute.importer import NoProposalError, import_command, import_proposal
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
ACTION_SLUG = "orientatiebaan-voor-herintreders-in-de-thuiszorg"
STORY = {
    "title": "Marieke koos na haar oriëntatiebaan voor de wijk",
    "date": "2024-05-02",
    "summary": "Na twintig jaar buiten de zorg liep Marieke drie maanden mee in een wijkteam.",
    "organisations": [{"name": "Thuiszorg Testland"}],
    "regions": ["twente"],
    "actions": ["carintreggeland-orientatiebaan-zij-instromers"],
    "body": {"het-verhaal": "„Ik wist na een week al dat ik wilde blijven,” zegt Marieke."},
}


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


def test_a_downloaded_file_is_imported_under_a_name_of_its_own(project, inbox):
    text = entry(ACTION)
    download = inbox / "voorstel (1).md"
    download.write_text(text, encoding="utf-8")

    first = import_proposal(download, project)
    assert (first.kind, first.slug) == ("action", ACTION_SLUG)
    assert first.path == project.content_dir / "actions" / f"{ACTION_SLUG}.md"
    assert first.display == f"content/actions/{ACTION_SLUG}.md"
    assert first.path.read_text("utf-8") == text
    assert first.problems == []

    # The same proposal again never overwrites the first: it gets the next free name
    # (and the validator then finds the title twice, at the second file).
    second = import_proposal(download, project)
    assert second.slug == f"{ACTION_SLUG}-2"
    assert first.path.read_text("utf-8") == text
    assert [p.field for p in second.problems] == ["title"]
    assert second.problems[0].message == (
        f"De titel {ACTION['title']!r} staat ook in {first.display}. Kies een andere titel."
    )


def test_a_plain_text_email_is_imported_without_greeting_and_signature(project, inbox):
    text = entry(ACTION)
    mail = (
        "Van: Anneke de Vries <anneke@example.org>\n"
        "Aan: redactie@actiebank.example\n"
        "Onderwerp: Voorstel voor de Actiebank\n"
        "\n"
        "Beste redactie,\n\nHierbij mijn voorstel.\n\n" + text + "\n\n-- \nAnneke de Vries\n"
    )
    saved = inbox / "voorstel.txt"
    saved.write_bytes(mail.replace("\n", "\r\n").encode("utf-8"))
    result = import_proposal(saved, project)
    assert result.path.read_text("utf-8") == text
    assert result.problems == []


def message_with(text: str, cte: str, **extra) -> bytes:
    message = EmailMessage()
    message["From"] = "Anneke de Vries <anneke@example.org>"
    message["To"] = "redactie@actiebank.example"
    message["Subject"] = "Voorstel voor de Actiebank"
    message.set_content(f"Beste redactie,\n\n{text}", cte=cte, **extra)
    return bytes(message)


def test_an_eml_in_quoted_printable_is_decoded(project, inbox):
    text = entry(ACTION)
    raw = message_with(text, "quoted-printable")
    # Really quoted-printable: soft line breaks and encoded letters.
    assert b"=\n" in raw and b"Ori=C3=ABntatiebaan" in raw
    saved = inbox / "voorstel.eml"
    saved.write_bytes(raw)
    result = import_proposal(saved, project)
    assert result.path.read_text("utf-8") == text
    assert result.problems == []


def test_an_eml_in_base64_with_a_story_goes_to_the_stories(project, inbox):
    text = entry(STORY, "case")
    saved = inbox / "verhaal.eml"
    saved.write_bytes(message_with(text, "base64"))
    result = import_proposal(saved, project)
    assert result.kind == "case"
    assert result.path.parent == project.content_dir / "cases"
    assert result.path.read_text("utf-8") == text
    assert result.problems == []


def test_an_eml_with_the_file_attached_reads_the_attachment(project, inbox):
    text = entry(ACTION)
    message = EmailMessage()
    message["Subject"] = "Voorstel voor de Actiebank"
    message.set_content(
        f"Mijn voorstel staat in het bijgevoegde bestand {ACTION_SLUG}.md.\n\n---\nGroet"
    )
    message.add_attachment(
        text.encode("utf-8"), maintype="text", subtype="markdown", filename=f"{ACTION_SLUG}.md"
    )
    saved = inbox / "bijlage.eml"
    saved.write_bytes(bytes(message))
    result = import_proposal(saved, project)
    assert result.path.read_text("utf-8") == text


def test_a_flowed_message_is_joined_again(project, inbox):
    text = entry(ACTION)
    # format=flowed: long lines broken after a space, which stays at the end of the line.
    flowed = []
    for line in text.split("\n"):
        while len(line) > 60 and " " in line[40:60]:
            cut = line.index(" ", 40) + 1
            flowed.append(line[:cut])
            line = line[cut:]
        flowed.append((" " + line) if line.startswith(" ") else line)  # space-stuffed
    raw = (
        "Subject: Voorstel\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8; format=flowed\n"
        "Content-Transfer-Encoding: 8bit\n\n" + "\n".join(flowed)
    ).encode("utf-8")
    saved = inbox / "flowed.eml"
    saved.write_bytes(raw)
    result = import_proposal(saved, project)
    assert result.path.read_text("utf-8") == text


def test_a_forwarded_proposal_loses_its_quote_marks(project, inbox):
    text = entry(ACTION)
    quoted = "\n".join(("> " + line) if line else ">" for line in text.rstrip("\n").split("\n"))
    saved = inbox / "doorgestuurd.txt"
    saved.write_text(f"Zie hieronder.\n\nAnneke schreef:\n{quoted}\n\nGroet, Piet\n", "utf-8")
    result = import_proposal(saved, project)
    assert result.path.read_text("utf-8") == text


def test_problems_are_reported_as_validate_reports_them(project, inbox, monkeypatch, capsys):
    broken = {**ACTION, "summary": "Te kort", "status": "stopped"}
    saved = inbox / "voorstel.md"
    saved.write_text(entry(broken), "utf-8")
    monkeypatch.chdir(project.root)
    result = import_proposal(saved, project, display_base=Path.cwd())
    assert {p.field for p in result.errors} == {"summary", "stopped_because"}
    assert all(p.path == f"content/actions/{ACTION_SLUG}.md" for p in result.problems)

    assert main(["validate", result.display]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed == [str(p) for p in result.problems]


def test_a_text_without_an_entry_is_refused_and_nothing_is_written(project, inbox):
    saved = inbox / "vraag.txt"
    saved.write_text("Hallo, ik heb een idee voor een actie. Bel me even?\n", "utf-8")
    before = sorted(os.listdir(project.content_dir / "actions"))
    with pytest.raises(NoProposalError):
        import_proposal(saved, project)
    unclosed = inbox / "half.txt"
    unclosed.write_text("---\ntitle: Een half voorstel\n", "utf-8")
    with pytest.raises(NoProposalError, match="niet afgesloten met een tweede regel '---'"):
        import_proposal(unclosed, project)
    assert sorted(os.listdir(project.content_dir / "actions")) == before


def test_the_command_imports_each_file_and_exits_by_the_worst(project, inbox):
    good = inbox / "goed.md"
    good.write_text(entry(ACTION), "utf-8")
    broken = inbox / "fout.md"
    broken.write_text(entry({**ACTION, "title": "Een ander voorstel", "regions": []}), "utf-8")
    empty = inbox / "leeg.txt"
    empty.write_text("geen voorstel\n", "utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = import_command([good, broken, empty], project, out=out, err=err)
    assert status == 2
    lines = out.getvalue().splitlines()
    assert lines[0] == f"{good}: de actie staat nu in content/actions/{ACTION_SLUG}.md"
    assert lines[1] == f"{broken}: de actie staat nu in content/actions/een-ander-voorstel.md"
    assert (
        lines[2].startswith("content/actions/een-ander-voorstel.md:") and " regions: " in lines[2]
    )
    assert err.getvalue().splitlines() == [
        "content/actions/een-ander-voorstel.md: 1 fout om op te lossen voordat het op de site kan",
        f"{empty}: niet ingelezen: er is geen regel '---' waarmee een actie of verhaal begint",
    ]
    status = import_command([good], project, out=io.StringIO(), err=io.StringIO())
    assert status == 1  # the second copy has the same title


def test_editors_run_it_as_actiebank_import(tmp_path, monkeypatch, capsys):
    """The command an editor types: the proposal lands in content/actions/ and the
    catalogue still validates."""
    root = copy_project(tmp_path / "project")
    monkeypatch.setenv("ACTIEBANK_ROOT", str(root))
    monkeypatch.chdir(root)
    proposal = tmp_path / "voorstel.txt"
    proposal.write_text("Beste redactie,\n\n" + entry(ACTION) + "\n-- \nAnneke\n", "utf-8")
    assert main(["import", str(proposal)]) == 0
    assert f"de actie staat nu in content/actions/{ACTION_SLUG}.md" in capsys.readouterr().out
    assert (root / "content" / "actions" / f"{ACTION_SLUG}.md").is_file()
    assert main(["validate"]) == 0
    assert main(["import", str(tmp_path / "weg.txt")]) == 2
    assert "weg.txt: niet ingelezen: dit bestand bestaat niet" in capsys.readouterr().err
