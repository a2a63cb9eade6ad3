"""Writes the site search's index with Pagefind, byte-identical for the same pages.

Pagefind splits the index into small files (word chunks, one file per result, one per
filter), so a visitor's query fetches a few of them whatever the size of the catalogue.

`SearchIndexWriter` runs Pagefind's indexer as a service beside the build and hands it each
page as soon as the page is made, so indexing runs on the second core while MkDocs renders
the next page; the pages keep the build's order, so the same site gives the same index.
(Pagefind's own Python wrapper polls for each answer every 0.1 s: 500 s at 5,000 pages.
This speaks the same messages: base64 JSON, each followed by a comma, both ways.)

Pagefind 1.5 writes the values inside a filter file, and the filters in its metadata file,
in an order that changes from run to run; `canonicalise` rewrites those two kinds of file
with the values sorted and names them after their new content. The files are asked for and
written here, so the index is complete when the build goes on. It decodes only what it
needs of Pagefind's format (CBOR: integers, text and lists) and refuses a file it could not
write back exactly as Pagefind wrote it.

Only what the site's search script loads is kept: Pagefind's ready-made interfaces are
removed (the site has its own, overrides/assets/javascripts/search.js).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

from pagefind.service import get_executable

# Pagefind also writes ready-made interfaces; the site does not serve them.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


class SearchIndexError(RuntimeError):
    """Pagefind refused a page or could not write the index."""


class SearchIndexWriter:
    """One index, built page by page: `add` each page, then `write` or `close`."""

    def __init__(self) -> None:
        executable = get_executable()
        if executable is None:
            raise SearchIndexError("the Pagefind binary is missing: install pagefind[bin]")
        self._process = subprocess.Popen(
            [str(executable), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
        )
        self._answers: list[dict[str, Any]] = []
        self._answered = threading.Condition()
        self._reader = threading.Thread(target=self._read_answers, daemon=True)
        self._reader.start()
        self._sent = 0
        self.pages = 0
        self._index_id = self._ask({"type": "NewIndex", "config": None})["index_id"]

    def add(self, path: str, html: str) -> None:
        """Index a page found at `path` from the site root ('' is the home page)."""
        self._send(
            {
                "type": "AddFile",
                "index_id": self._index_id,
                "url": "/" + path,
                "file_contents": html,
                "file_path": None,
            }
        )
        self.pages += 1

    def write(self, out_dir: Path) -> None:
        """Write the index into out_dir (replacing it) in a fixed order; ends the service.

        The files are asked for, not written by Pagefind: its own writer may still be
        writing when it answers, and the service ends right after.
        """
        try:
            answer = self._ask({"type": "GetFiles", "index_id": self._index_id})
        finally:
            self.close()
        files = {
            f["path"]: base64.b64decode(f["content"])
            for f in answer["files"]
            if f["path"] not in UNUSED
        }
        out_dir = Path(out_dir).resolve()
        shutil.rmtree(out_dir, ignore_errors=True)
        for name, content in sorted(canonicalise(files).items()):
            (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (out_dir / name).write_bytes(content)

    def close(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._reader.join(timeout=10)

    def _send(self, payload: dict[str, Any]) -> int:
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload})
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
        except BrokenPipeError as exc:
            raise SearchIndexError("the Pagefind service stopped") from exc
        return self._sent

    def _ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a message and wait until every message so far has its answer."""
        sent = self._send(payload)
        with self._answered:
            self._answered.wait_for(
                lambda: len(self._answers) >= sent or self._process.poll() is not None
            )
            answers = list(self._answers)
        errors = [a["payload"] for a in answers if a["payload"].get("type") == "Error"]
        if errors:
            raise SearchIndexError(f"Pagefind: {errors[0].get('message')}")
        if len(answers) < sent:
            raise SearchIndexError("the Pagefind service stopped before it answered")
        answer: dict[str, Any] = next(a for a in answers if a["message_id"] == sent)["payload"]
        return answer

    def _read_answers(self) -> None:
        assert self._process.stdout is not None
        pending = bytearray()  # the answer being read: the index's files come in one
        while chunk := os.read(self._process.stdout.fileno(), 1 << 20):
            complete = []
            start = 0
            while (comma := chunk.find(b",", start)) >= 0:
                pending += chunk[start:comma]
                complete.append(json.loads(base64.b64decode(pending)))
                pending.clear()
                start = comma + 1
            pending += chunk[start:]
            with self._answered:
                self._answers.extend(complete)
                self._answered.notify_all()
        with self._answered:
            self._answered.notify_all()


# ------------------------------------------------------------------ a fixed order


def canonicalise(files: dict[str, bytes]) -> dict[str, bytes]:
    """The index files (path -> content) with every filter's values and every language's
    filters sorted; a rewritten file is named after its new content."""
    files = dict(files)
    entry = json.loads(files[ENTRY])
    for language, info in entry["languages"].items():
        meta_name = f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_name, files.pop(meta_name))
        filters = meta[3]
        if not all(isinstance(f, list) and len(f) == 2 for f in filters):
            raise ValueError(f"{meta_name}: unexpected filter list")
        meta[3] = [[name, _sort_filter(files, language, old)] for name, old in sorted(filters)]
        info["hash"] = _add(files, "pagefind.{}.pf_meta", language, 10, meta)
    files[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
    return files


def _sort_filter(files: dict[str, bytes], language: str, old_hash: str) -> str:
    name = f"filter/{old_hash}.pf_filter"
    filter_name, values = _read(name, files.pop(name))
    ordered = [[value, sorted(pages)] for value, pages in sorted(values)]
    return _add(files, "filter/{}.pf_filter", language, 7, [filter_name, ordered])


def _read(name: str, content: bytes) -> Any:
    data = gzip.decompress(content)
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{name} is not a Pagefind index file")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data) or _encode(value) != data[len(SIGNATURE) :]:
        raise ValueError(f"{name}: Pagefind's file format is not the one expected")
    return value


def _add(files: dict[str, bytes], pattern: str, language: str, length: int, value: Any) -> str:
    """Add value as a Pagefind file named after its content; returns its hash."""
    data = SIGNATURE + _encode(value)
    new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:length]}"
    files[pattern.format(new_hash)] = gzip.compress(data, 9, mtime=0)
    return new_hash


# ------------------------------------------------------------------ CBOR, the part used


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    major, argument, at = _head(data, at)
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major == 3:
        return data[at : at + argument].decode("utf-8"), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"unexpected CBOR type {major}")


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    first = data[at]
    major, info = first >> 5, first & 0x1F
    if info < 24:
        return major, info, at + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise ValueError("CBOR of indefinite length")
    return major, int.from_bytes(data[at + 1 : at + 1 + size], "big"), at + 1 + size


def _encode(value: Any) -> bytes:
    if isinstance(value, bool):
        raise TypeError("CBOR booleans are not used here")
    if isinstance(value, int):
        return _encode_head(0, value) if value >= 0 else _encode_head(1, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _encode_head(4, len(value)) + b"".join(_encode(item) for item in value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def _encode_head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError("integer too large for CBOR")
