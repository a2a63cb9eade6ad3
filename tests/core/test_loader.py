"""Reading an entry: positions, encodings and the bounds that keep YAML safe."""

from actiebank.content.frontmatter import MAX_FILE_BYTES, read_source


def write(tmp_path, data: bytes, name="actie.md"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_every_field_has_its_line_and_column(tmp_path):
    source = read_source(
        write(
            tmp_path,
            b"---\ntitle: Iets\nregions:\n  - haaglanden\n"
            b"  - rijnmond\ncontact: {name: Jan}\n---\nBody\n",
        )
    )
    assert source.problems == []
    assert source.positions[("title",)] == (2, 8)
    assert source.positions[("regions", 1)] == (5, 5)
    assert source.positions[("contact", "name")] == (6, 17)
    assert source.key_positions[("contact",)] == (6, 1)
    assert source.body == "Body\n" and source.body_line == 8


def test_bom_and_crlf_are_accepted_and_normalised(tmp_path):
    source = read_source(
        write(tmp_path, b"\xef\xbb\xbf---\r\ntitle: Iets\r\n---\r\nRegel 1\r\nRegel 2\r\n")
    )
    assert source.problems == []
    assert source.data == {"title": "Iets"}
    assert source.body == "Regel 1\nRegel 2\n"
    assert source.positions[("title",)] == (2, 8)


def test_dates_stay_iso_strings_as_written(tmp_path):
    source = read_source(
        write(tmp_path, b"---\nupdated: 2024-01-15\ndate: 2023-05-02T09:53:54Z\n---\n")
    )
    assert source.data == {"updated": "2024-01-15", "date": "2023-05-02T09:53:54Z"}


def test_a_field_given_twice_is_an_error(tmp_path):
    source = read_source(write(tmp_path, b"---\ntitle: Een\ntitle: Twee\n---\n"))
    assert source.data is None
    assert source.problems[0].line == 3 and source.problems[0].message == (
        "Het veld 'title' staat er twee keer in. Laat er één staan."
    )


def test_an_oversized_file_is_refused_before_it_is_parsed(tmp_path):
    source = read_source(write(tmp_path, b"---\ntitle: x\n---\n" + b"a" * MAX_FILE_BYTES))
    assert source.data is None
    assert source.problems[0].message == (
        "Het bestand is 1.000.017 bytes groot; hoogstens 1.000.000 bytes mag. Zet lange stukken "
        "in een apart document en verwijs ernaar met een link."
    )


def test_a_nul_character_is_refused(tmp_path):
    source = read_source(write(tmp_path, b"---\ntitle: x\x00\n---\n"))
    assert source.problems[0].line == 2
    assert source.problems[0].message.startswith("Het bestand bevat een NUL-teken. Verwijder het;")


def test_merge_keys_are_refused(tmp_path):
    source = read_source(write(tmp_path, b"---\nbase: &b {name: x}\ncontact:\n  <<: *b\n---\n"))
    assert source.data is None
    assert source.problems[0].message == "Samenvoegen met '<<' kan niet. Schrijf de velden voluit."


def test_a_few_aliases_are_fine(tmp_path):
    source = read_source(write(tmp_path, b"---\na: &r [haaglanden]\nregions: *r\n---\n"))
    assert source.problems == [] and source.data["regions"] == ["haaglanden"]


def test_an_empty_front_matter_is_an_error(tmp_path):
    source = read_source(write(tmp_path, b"---\n---\nBody\n"))
    assert source.problems[0].message == (
        "Er staan geen gegevens tussen de regels '---'. Zet daar de verplichte velden."
    )


def test_not_a_number_is_refused(tmp_path):
    source = read_source(write(tmp_path, b"---\ncosts: {amount_eur: .nan}\n---\n"))
    assert source.problems[0].field == "costs.amount_eur"
