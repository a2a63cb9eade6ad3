"""Web-sized image variants and Open Graph cards, drawn with Pillow and cached.

Every output is named after a hash of what it was made from, and kept under
`.cache/actiebank/` at the project root: a rebuild with unchanged content redraws
nothing, and the same input always gives the same bytes.

Open Graph cards are the bulk of a cold build (one per action). They are drawn in a
process pool while the rest of the site is planned: `open_graph` answers with the card's
address at once, and reading `ImageStore.files` waits until every card is on disk. Each
card is a file of its own drawn by the same function, so the pool gives the same bytes as
drawing them one by one (tests/site/test_image_pool.py).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import textwrap
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont, ImageOps

from ..routes import image_url, open_graph_url

WIDTHS = (480, 960, 1600)
OG_SIZE = (1200, 630)
# Grey levels of a card's text and chips: four are enough for antialiased letters of
# this size, and give a 2-bit PNG less than half the size of a 256-level one.
OG_LEVELS = 4
# Bump when the drawing changes, so cached cards are redrawn.
OG_VERSION = "3"
IMAGE_VERSION = "4"
# Cards to draw before a pool is worth starting; fewer are drawn in this process.
POOL_THRESHOLD = 16


def image_workers() -> int:
    """How many processes draw images: $ACTIEBANK_IMAGE_WORKERS, else the processors this
    process may run on. 1 draws everything in the building process."""
    chosen = os.environ.get("ACTIEBANK_IMAGE_WORKERS", "")
    if chosen.strip():
        return max(1, int(chosen))
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def lato(weight: str = "Regular") -> Path:
    # Pillow's built-in font has no 'ë' or '–'; Lato ships with the font-lato package.
    import font_lato

    return Path(font_lato.font_directory) / f"Lato-{weight}.ttf"


@lru_cache(maxsize=8)
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(lato(weight)), size)


@dataclass
class Variant:
    uri: str
    width: int
    height: int
    format: str


@dataclass
class ResponsiveImage:
    """A contributor image as <picture>: WebP variants and a JPEG or PNG fallback."""

    alt: str
    width: int
    height: int
    webp: list[Variant]
    fallback: list[Variant]

    @property
    def src(self) -> str:
        return self.fallback[-1].uri

    def srcset(self, variants: list[Variant], root: str) -> str:
        return ", ".join(f"{root}{v.uri} {v.width}w" for v in variants)


@dataclass
class ImageStore:
    """Makes variants on demand and remembers which files the site must publish.

    `files` (address -> file in the cache) is complete once read: reading it waits for
    the cards still being drawn.
    """

    cache_dir: Path
    workers: int = field(default_factory=image_workers)
    _files: dict[str, Path] = field(default_factory=dict, repr=False)
    # Cards not drawn yet, by the file they are drawn into.
    _waiting: dict[Path, tuple[str, list[str], str]] = field(default_factory=dict, repr=False)
    _drawing: list[Future[None]] = field(default_factory=list, repr=False)
    _pool: ProcessPoolExecutor | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.cache_dir = Path(self.cache_dir)

    @property
    def files(self) -> dict[str, Path]:
        self.finish()
        return self._files

    def responsive(self, source: Path, alt: str) -> ResponsiveImage:
        data = source.read_bytes()
        digest = hashlib.sha256(data + IMAGE_VERSION.encode()).hexdigest()[:20]
        folder = self.cache_dir / "images"
        manifest_path = folder / f"{digest}.json"
        manifest = _read_manifest(manifest_path)
        if manifest is None or not all(
            (folder / v["file"]).is_file() for v in manifest["variants"]
        ):
            manifest = _make_variants(source, digest, folder)
            folder.mkdir(parents=True, exist_ok=True)
            manifest_path.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
        webp: list[Variant] = []
        fallback: list[Variant] = []
        for item in manifest["variants"]:
            uri = image_url(item["file"])
            self._files[uri] = folder / item["file"]
            variant = Variant(uri, item["width"], item["height"], item["format"])
            (webp if item["format"] == "webp" else fallback).append(variant)
        return ResponsiveImage(
            alt=alt,
            width=manifest["width"],
            height=manifest["height"],
            webp=webp,
            fallback=fallback,
        )

    def open_graph(self, slug: str, title: str, labels: list[str], brand: str) -> str:
        """The card's address; a card not in the cache yet is drawn before `files` is read."""
        key = json.dumps([OG_VERSION, title, labels, brand], ensure_ascii=False)
        digest = hashlib.sha256(key.encode()).hexdigest()[:20]
        path = self.cache_dir / "og" / f"{digest}.png"
        if path not in self._waiting and not path.is_file():
            self._waiting[path] = (title, list(labels), brand)
            self._submit()
        uri = open_graph_url(slug)
        self._files[uri] = path
        return uri

    def _submit(self) -> None:
        """Hand waiting cards to the pool, starting it once there are enough of them."""
        if self._pool is None:
            if len(self._waiting) < POOL_THRESHOLD or self.workers < 2:
                return
            self._pool = ProcessPoolExecutor(self.workers, mp_context=_pool_context())
        for path, card in self._waiting.items():
            self._drawing.append(self._pool.submit(write_open_graph, path, *card))
        self._waiting.clear()

    def finish(self) -> None:
        """Wait for the pool's cards and draw any still waiting; raises what drawing raised."""
        try:
            for path, card in self._waiting.items():
                write_open_graph(path, *card)
            self._waiting.clear()
            for drawing in self._drawing:
                drawing.result()
        finally:
            self._drawing.clear()
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


def _pool_context() -> multiprocessing.context.BaseContext:
    """Fork: a worker is a copy of this process, with Pillow and the fonts loaded. A
    process that runs other threads (`mkdocs serve`, a test server) is not forked, as a
    lock another thread holds would stay locked in the copy: the workers then come from
    a fresh server process that has loaded this module (or, where there is none, from
    fresh interpreters)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def write_open_graph(path: Path, title: str, labels: list[str], brand: str) -> None:
    """Draw a card into `path` (through a file of this process's own, then renamed, so a
    half-written card is never taken for a cached one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    draw_open_graph(title, labels, brand).save(partial, format="PNG", bits=_bits(OG_LEVELS))
    partial.replace(path)


def _bits(levels: int) -> int:
    """The smallest PNG palette depth (1, 2, 4 or 8 bits) that holds `levels` colours."""
    return next(bits for bits in (1, 2, 4, 8) if levels <= 1 << bits)


def _read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return manifest
    except (OSError, ValueError):
        return None


def _make_variants(source: Path, digest: str, folder: Path) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as opened:
        drawing = opened.format == "PNG"
        image = ImageOps.exif_transpose(opened)
        image.load()
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    # A PNG is usually a diagram or screenshot with text: lossless WebP and a PNG
    # fallback keep the letters sharp. Photographs get lossy WebP and a JPEG fallback.
    formats: tuple[tuple[str, str, dict[str, Any]], ...]
    if drawing or has_alpha:
        formats = (
            ("webp", "webp", {"lossless": True, "quality": 60, "method": 2}),
            ("png", "png", {"optimize": True}),
        )
    else:
        formats = (
            ("webp", "webp", {"quality": 80, "method": 2}),
            ("jpeg", "jpg", {"quality": 82, "optimize": True, "progressive": True}),
        )
    widths = sorted({w for w in WIDTHS if w < image.width} | {min(image.width, WIDTHS[-1])})
    variants: list[dict[str, Any]] = []
    for width in widths:
        height = max(1, round(image.height * width / image.width))
        resized = (
            image
            if width == image.width
            else image.resize((width, height), Image.Resampling.LANCZOS)
        )
        for fmt, ext, options in formats:
            name = f"{digest}-{width}.{ext}"
            resized.save(folder / name, format=fmt.upper(), **options)
            variants.append({"file": name, "width": width, "height": height, "format": fmt})
    # A flat diagram scaled down gains in-between colours and can outgrow the full-size
    # file: such a variant helps no one, so it is dropped.
    full = {
        v["format"]: (folder / v["file"]).stat().st_size
        for v in variants
        if v["width"] == widths[-1]
    }
    variants = [
        v
        for v in variants
        if v["width"] == widths[-1] or (folder / v["file"]).stat().st_size < full[v["format"]]
    ]
    largest = variants[-1]
    return {"width": largest["width"], "height": largest["height"], "variants": variants}


BACKGROUND = (0, 105, 92)


def draw_open_graph(title: str, labels: list[str], brand: str) -> Image.Image:
    """A 1200x630 card: the action's title and its success factors, on the site's colours.

    Drawn as grey levels and coloured by a palette of OG_LEVELS colours running from the
    background to white: antialiased text stays smooth, and the PNG is small and quick
    to encode.
    """
    width, height = OG_SIZE
    image = Image.new("L", OG_SIZE, 0)
    draw = ImageDraw.Draw(image)
    bold, regular, heavy = font("Bold", 64), font("Regular", 32), font("Black", 36)
    margin = 72
    draw.text((margin, 56), brand, font=heavy, fill=255)
    y = 150
    for line in _wrap(title, bold, width - 2 * margin, draw)[:4]:
        draw.text((margin, y), line, font=bold, fill=255)
        y += 78
    x, y = margin, height - 110
    for label in labels:
        chip = round(draw.textlength(label, font=regular)) + 40
        if x + chip > width - margin:
            break
        draw.rounded_rectangle((x, y, x + chip, y + 56), radius=28, fill=255)
        draw.text((x + 20, y + 10), label, font=regular, fill=0)
        x += chip + 16
    return _coloured(image, OG_LEVELS)


def _coloured(grey: Image.Image, levels: int) -> Image.Image:
    """The grey drawing with `levels` evenly spaced levels, as a palette image whose
    colours run from the background (level 0) to white."""
    top = levels - 1
    indexed = grey.point([round(value * top / 255) for value in range(256)])
    image = Image.frombytes("P", grey.size, indexed.tobytes())
    palette: list[int] = []
    for level in range(levels):
        palette += [round(c + (255 - c) * level / top) for c in BACKGROUND]
    image.putpalette(palette)
    return image


def _wrap(
    text: str, font: ImageFont.FreeTypeFont, limit: int, draw: ImageDraw.ImageDraw
) -> list[str]:
    for columns in range(40, 8, -2):
        lines = textwrap.wrap(text, columns)
        if all(draw.textlength(line, font=font) <= limit for line in lines):
            if len(lines) > 4:
                lines = [
                    *lines[:3],
                    textwrap.shorten(" ".join(lines[3:]), columns, placeholder=" …"),
                ]
            return lines
    return textwrap.wrap(text, 10)
