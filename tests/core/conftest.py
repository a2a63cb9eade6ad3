import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def content(tmp_path) -> Path:
    """A valid content folder (two actions, one case, one image) in a temporary project."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", folder)
    return folder
