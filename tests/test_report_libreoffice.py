"""Open the report in a real spreadsheet program (LibreOffice, recalculation forced on load) and
check that every formula recalculates to the value the workbook cached."""
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from lkjip_xl.pipeline import build

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def convert(src: Path, outdir: Path, profile: Path, fmt: str = "xlsx") -> Path:
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE)
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt,
                    "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=300)
    out = outdir / (src.stem + "." + fmt)
    assert out.is_file()
    return out


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory, sample_dir):
    tmp = tmp_path_factory.mktemp("lo")
    _, report = build([sample_dir], output=tmp / "report.xlsx")
    probe = tmp / "probe.xlsx"
    wb = xlsxwriter.Workbook(probe)
    wb.add_worksheet("S").write_formula("A1", "=1+1", None, 5)     # a deliberately wrong cached value
    wb.close()
    outdir = tmp / "converted"
    return report, convert(report, outdir, tmp / "profile"), convert(probe, outdir, tmp / "profile"), tmp


def test_libreoffice_really_recalculates(recalculated):
    probe = recalculated[2]
    assert openpyxl.load_workbook(probe, data_only=True)["S"]["A1"].value == 2


def _same(a, b) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1, abs(a))
    return a == b


def test_every_recalculated_value_equals_the_cached_one(recalculated):
    report, converted, _, _ = recalculated
    formulas = openpyxl.load_workbook(report, data_only=False)
    cached = openpyxl.load_workbook(report, data_only=True)
    again = openpyxl.load_workbook(converted, data_only=True)
    checked, wrong = 0, []
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    checked += 1
                    a, b = cached[ws.title][c.coordinate].value, again[ws.title][c.coordinate].value
                    if not _same(a, b):
                        wrong.append((ws.title, c.coordinate, c.value, a, b))
    assert checked > 200
    assert wrong == []


def test_renders_to_pdf(recalculated):
    report, _, _, tmp = recalculated
    pdf = convert(report, tmp / "pdf", tmp / "profile", "pdf")
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert pages >= 14          # at least one page per sheet
