"""The default output name carries the month while the year is running, so each month's run is kept."""
from pathlib import Path

from lkjip_xl.read.files import Inputs, default_output


def _inputs(tmp_path):
    return Inputs(files=(), base=tmp_path, config=None)


def test_year_end_name(tmp_path):
    assert default_output(_inputs(tmp_path), "Kecamatan Blora", 2024, 12) == tmp_path / "hasil" / "LKjIP-Kecamatan-Blora-2024.xlsx"
    assert default_output(_inputs(tmp_path), "Kecamatan Blora", 2024) == tmp_path / "hasil" / "LKjIP-Kecamatan-Blora-2024.xlsx"


def test_mid_year_name(tmp_path):
    assert default_output(_inputs(tmp_path), "Kecamatan Blora", 2024, 6).name == "LKjIP-Kecamatan-Blora-2024-sd-06.xlsx"
    assert default_output(_inputs(tmp_path), "Dinas A/B", 2024, 1).name == "LKjIP-Dinas-A-B-2024-sd-01.xlsx"
