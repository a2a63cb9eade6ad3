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


def _dutch(number: float, spec: str) -> str:
    """A number as Dutch writes it: 10.000 and 5,4."""
    return format(number, spec).translate(str.maketrans(",.", ".,"))


def check_image(source: Source, content_root: Path) -> list[Problem]:
    image = (source.data or {}).get("image")
    if not isinstance(image, dict) or not isinstance(image.get("src"), str):
        return []
    src = image["src"]
    parts = ("image", "src")
    if src.startswith(("/", "\\")) or "://" in src:
        return [
            source.problem(
                parts,
                f"'{src}' is een webadres of begint bij de hoofdmap. Schrijf het pad vanaf "
                "dit bestand, bijvoorbeeld ../images/naam.jpg.",
            )
        ]
    try:
        path = (source.path.parent / src).resolve()
        exists = path.is_file()
    except (ValueError, OSError):  # a NUL character, a name too long for the system
        return [
            source.problem(
                parts,
                "Dit pad kan geen bestandsnaam zijn. Schrijf het pad vanaf dit bestand, "
                "bijvoorbeeld ../images/naam.jpg.",
            )
        ]
    root = content_root.resolve()
    if root not in path.parents:
        return [
            source.problem(
                parts,
                f"'{src}' wijst naar een plek buiten de map content. Zet de afbeelding in "
                "content/images/.",
            )
        ]
    if not exists:
        candidates = sorted(p.name for p in path.parent.glob("*")) if path.parent.is_dir() else []
        guess = nearest(path.name, candidates)
        tip = (
            f"Bedoelt u '{Path(src).parent.as_posix()}/{guess}'?"
            if guess
            else "Zet de afbeelding in content/images/, of verbeter het pad."
        )
        return [source.problem(parts, f"De afbeelding '{src}' bestaat niet. {tip}")]
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return [
            source.problem(
                parts,
                f"De afbeelding is {_dutch(size / 1048576, '.1f')} MB groot; hoogstens 5 MB "
                "mag. Sla haar kleiner op (2000 pixels breed is ruim genoeg).",
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
                        source.problem(
                            parts, f"'{src}' is een {fmt}-afbeelding. Gebruik JPEG, PNG of WebP."
                        )
                    ]
                if width * height > MAX_IMAGE_PIXELS:
                    return [
                        source.problem(
                            parts,
                            f"De afbeelding is {width}x{height} pixels; hoogstens "
                            f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels mag. Maak haar kleiner.",
                        )
                    ]
                if max(width, height) > MAX_IMAGE_SIDE:
                    return [
                        source.problem(
                            parts,
                            f"De afbeelding is {width}x{height} pixels; elke zijde mag "
                            f"hoogstens {_dutch(MAX_IMAGE_SIDE, ',')} pixels zijn. Snijd haar "
                            "bij, of maak haar kleiner.",
                        )
                    ]
                img.load()
                # What the build does next: turn it upright and into RGB(A). In place, and
                # no conversion when it is RGB(A) already: copies of a decoded image would
                # double the time of this check and prove nothing more.
                ImageOps.exif_transpose(img, in_place=True)
                if img.mode not in ("RGB", "RGBA"):
                    img.convert("RGBA" if "A" in img.getbands() else "RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return [
            source.problem(
                parts,
                "De afbeelding heeft veel te veel pixels. Maak haar kleiner: hoogstens 2000 "
                "pixels breed.",
            )
        ]
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a damaged or fake file
        return [
            source.problem(
                parts,
                f"'{src}' is geen leesbare JPEG-, PNG- of WebP-afbeelding (misschien is het "
                "bestand beschadigd of maar half opgeslagen). Sla de afbeelding opnieuw op "
                "met een fotoprogramma.",
            )
        ]
    return []
