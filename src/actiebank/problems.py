"""A content problem: what a contributor reads when an entry is wrong.

The message is Dutch, in short sentences addressed to "u": what is wrong, then what to do.
Field names and values stay as the file writes them ('brabant', `evidence.level`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
# Where a field stands in an entry: ('outcomes', 0, 'unit') is outcomes[0].unit.
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        tag = " waarschuwing:" if self.severity == "warning" else ""
        return f"{where}:{tag}{field} {self.message}"


def field_path(parts: FieldPath) -> str:
    """('outcomes', 0, 'unit') -> 'outcomes[0].unit'."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
