"""Images named by an entry: on disk inside the content folder, small enough, and
decodable as the build will decode them (a damaged file is refused here, not half-way
through a build)."""

from __future__ import annotations

import warnings
from pathlib import Path

from ..problems import FieldPath, Problem
from ..vocabulary import nearest
from .frontmatter import Source

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# WebP cannot encode a side over 16,383 pixels; a web image needs far less.
MAX_IMAGE_SIDE = 10_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}


def check_image(source: Source, content_root: Path) -> list[Problem]:
    image = (source.data or {}).get("image")
    if not isinstance(image, dict) or not isinstance(image.get("src"), str):
        return []
    src = image["src"]
    parts = ("image", "src")
    if src.startswith(("/", "\\")) or "://" in src:
        return [
            source.problem(
                parts, f"'{src}' must be a path relative to this file, e.g. ../images/name.jpg"
            )
        ]
    path = (source.path.parent / src).resolve()
    root = content_root.resolve()
    if root not in path.parents:
        return [
            source.problem(
                parts,
                f"'{src}' points outside the content folder; put the image in content/images/",
            )
        ]
    if not path.is_file():
        candidates = sorted(p.name for p in path.parent.glob("*")) if path.parent.is_dir() else []
        guess = nearest(path.name, candidates)
        tip = (
            f" (did you mean '{Path(src).parent.as_posix()}/{guess}'?)"
            if guess
            else "; add the image to content/images/ or correct the path"
        )
        return [source.problem(parts, f"the image '{src}' does not exist{tip}")]
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return [
            source.problem(
                parts,
                f"the image is {size / 1048576:.1f} MB; at most 5 MB is "
                "allowed: save it smaller (2000 pixels wide is plenty)",
            )
        ]
    # Many entries may show one picture: it is decoded once per version of the file.
    version = (path, path.stat().st_mtime_ns, size)
    if version in _decoded_images:
        return []
    problems = _check_image_file(source, parts, src, path)
    if not problems:
        _decoded_images.add(version)
    return problems


# Images that decoded whole, by (path, modification time, size), for this process.
_decoded_images: set[tuple[Path, int, int]] = set()


def _check_image_file(source: Source, parts: FieldPath, src: str, path: Path) -> list[Problem]:
    """Decode the whole image as the build will: a damaged file is refused here, not
    half-way through a build."""
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                fmt, (width, height) = img.format, img.size
                if fmt not in IMAGE_FORMATS:
                    return [
                        source.problem(parts, f"'{src}' is a {fmt} image; use JPEG, PNG or WebP")
                    ]
                if width * height > MAX_IMAGE_PIXELS:
                    return [
                        source.problem(
                            parts,
                            f"the image is {width}x{height} pixels; at most "
                            f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels: scale it down",
                        )
                    ]
                if max(width, height) > MAX_IMAGE_SIDE:
                    return [
                        source.problem(
                            parts,
                            f"the image is {width}x{height} pixels; each "
                            f"side may be at most {MAX_IMAGE_SIDE:,} pixels: "
                            "crop or scale it",
                        )
                    ]
                img.load()
                # What the build does next: turn it upright and into RGB(A).
                upright = ImageOps.exif_transpose(img)
                upright.convert("RGBA" if "A" in upright.getbands() else "RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return [
            source.problem(
                parts,
                "the image has far too many pixels; scale it down to at most 2000 pixels wide",
            )
        ]
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a damaged or fake file
        return [
            source.problem(
                parts,
                f"'{src}' is not a readable JPEG, PNG or WebP image (it may "
                "be damaged or cut off); export it again from an image editor",
            )
        ]
    return []
