"""Open Graph cards drawn in a process pool: the same bytes as drawn one by one, all on
disk once the store's files are read, and a failure in the pool fails the build."""

from __future__ import annotations

import threading

import pytest
from PIL import Image

from actiebank.site.images import OG_SIZE, POOL_THRESHOLD, ImageStore

TITLES = [
    "Oriëntatiebaan voor zij-instromers – ouderenzorg",
    "Buddy voor elke nieuwe collega in de wijkverpleging van Twente",
    "Flexpool met vaste roosters",
    "Leiderschap dichtbij: de teamleider op de werkvloer in Zuid-Limburg en omgeving",
]
LABELS = [["Onboarding", "Begeleiding"], ["Roosters"], [], ["Leiderschap", "Ontwikkeling"]]


def cards(count: int) -> list[tuple[str, str, list[str]]]:
    return [
        (f"actie-{n}", f"{TITLES[n % len(TITLES)]} {n}", LABELS[n % len(LABELS)])
        for n in range(count)
    ]


def draw(store: ImageStore, wanted) -> dict[str, bytes]:
    for slug, title, labels in wanted:
        store.open_graph(slug, title, labels, "Actiebank")
    return {uri: path.read_bytes() for uri, path in store.files.items()}


def test_the_pool_draws_the_same_bytes_as_one_process(tmp_path):
    wanted = cards(POOL_THRESHOLD + 9)
    pooled = ImageStore(tmp_path / "pool", workers=2)
    for slug, title, labels in wanted:
        pooled.open_graph(slug, title, labels, "Actiebank")
    assert pooled._pool is not None, "enough cards to draw start the pool"
    from_pool = {uri: path.read_bytes() for uri, path in pooled.files.items()}
    assert pooled._pool is None, "reading the files waits for the pool and ends it"

    one_by_one = draw(ImageStore(tmp_path / "serial", workers=1), wanted)
    assert len(from_pool) == len(wanted)
    assert from_pool == one_by_one


def test_a_card_is_a_small_four_colour_png_of_the_open_graph_size(tmp_path):
    drawn = draw(ImageStore(tmp_path, workers=1), cards(1))
    (data,) = drawn.values()
    path = next((tmp_path / "og").glob("*.png"))
    with Image.open(path) as card:
        assert card.size == OG_SIZE
        assert card.mode == "P" and len(card.getcolors()) <= 4
    assert len(data) < 20_000


def test_cached_cards_are_not_drawn_again(tmp_path):
    draw(ImageStore(tmp_path, workers=2), cards(POOL_THRESHOLD + 1))
    made = {p: p.stat().st_mtime_ns for p in (tmp_path / "og").iterdir()}
    again = ImageStore(tmp_path, workers=2)
    draw(again, cards(POOL_THRESHOLD + 1))
    assert again._pool is None, "nothing to draw, no pool started"
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "og").iterdir()} == made


def test_a_card_the_pool_cannot_draw_fails_when_the_files_are_read(tmp_path):
    (tmp_path / "og").write_text("a file where the cards' folder belongs", encoding="utf-8")
    store = ImageStore(tmp_path, workers=2)
    for slug, title, labels in cards(POOL_THRESHOLD):
        store.open_graph(slug, title, labels, "Actiebank")
    with pytest.raises(OSError):
        store.files  # noqa: B018 -- reading the files is what waits for the pool


def test_a_process_running_threads_draws_in_a_pool_it_does_not_fork_from(tmp_path):
    # Forking a process that runs other threads (mkdocs serve) could deadlock the copy:
    # the workers then come from a fresh process, and draw the same bytes.
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        store = ImageStore(tmp_path / "threads", workers=2)
        for slug, title, labels in cards(POOL_THRESHOLD + 1):
            store.open_graph(slug, title, labels, "Actiebank")
        assert store._pool is not None
        assert store._pool._mp_context.get_start_method() != "fork"
        drawn = {uri: path.read_bytes() for uri, path in store.files.items()}
    finally:
        stop.set()
        other.join()
    assert drawn == draw(ImageStore(tmp_path / "serial", workers=1), cards(POOL_THRESHOLD + 1))
