from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbooks" / "contoh-blora-2024"


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    """The sample office as shipped: a copy without the `hasil/` a user's own `lkjip-xl build` of it
    (the README's first command) leaves in the checkout, so that a test sees only the inputs."""
    import shutil

    copy = tmp_path_factory.mktemp("sample") / SAMPLE.name
    shutil.copytree(SAMPLE, copy, ignore=shutil.ignore_patterns("hasil", "~$*"))
    return copy


@pytest.fixture(scope="session")
def sample_result():
    from lkjip_xl.pipeline import check

    return check([SAMPLE])
