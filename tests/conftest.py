from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbooks" / "contoh-blora-2024"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_result():
    from lkjip_xl.pipeline import check

    return check([SAMPLE])
