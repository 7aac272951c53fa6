"""One indicator, one polarity: a PK form without a Polaritas column computes the capaian of a
lower-is-better indicator with the polarity its IKU sheet states (and the other way round); two
sheets that state different polarities are one polaritas-mismatch, not a capaian-mismatch."""
from decimal import Decimal as D

from builders import TAHUN, Sheet, check, clean_office, iku, iku_sheet

ADUAN = "Jumlah aduan masyarakat yang tidak tertangani"
IKM = "Indeks Kepuasan Masyarakat"
IKU_HEAD = ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis", f"Target {TAHUN}",
            f"Realisasi {TAHUN}", f"Capaian {TAHUN}", f"Predikat {TAHUN}", f"Target {TAHUN - 1}",
            f"Realisasi {TAHUN - 1}"]
# the IKU table: aduan lower is better, 10 targeted, 8 left: (2×10 − 8)/10 = 120%
ROWS = [{"indikator": IKM, "target": 95, "realisasi": 89.5, "capaian": 94.21, "predikat": "Baik"},
        {"indikator": ADUAN, "polaritas": "negatif", "target": 10, "realisasi": 8, "capaian": 120,
         "predikat": "Sangat Baik"}]


def pk_sheet(capaian_aduan, polaritas=None, name="PK") -> Sheet:
    """A PK form as the regions fill it: no Polaritas column (unless `polaritas` is given for aduan);
    the indicator names written in capitals, as PK forms often do."""
    head = ["No", "Sasaran", "Indikator Kinerja", "Satuan", *(["Polaritas"] if polaritas else []),
            "Target", "Realisasi", "Capaian (%)"]
    s = Sheet(name, head, title=f"PERJANJIAN KINERJA TAHUN {TAHUN}")
    for n, (ind, t, r, c, pol) in enumerate([(IKM, 95, 89.5, 94.21, "positif"),
                                            (ADUAN, 10, 8, capaian_aduan, polaritas)], 1):
        s.add([n, "Sasaran A", ind.upper(), "%", *([pol] if polaritas else []), t, r, c], key=ind)
    return s


def test_pk_without_polaritas_takes_the_iku_sheets_negatif(tmp_path):
    clean_office(tmp_path)
    iku(tmp_path, iku_sheet(ROWS, header=IKU_HEAD), pk_sheet(120))
    r = check(tmp_path)
    assert r.findings == []
    assert [i.at(TAHUN).capaian for i in r.performance.ikus] == [D("94.21"), D("120.00")]
    assert r.totals["pagu"] == 8_039_930_000 and r.totals["realisasi"] == 7_843_149_873


def test_iku_without_polaritas_takes_the_pk_files_negatif(tmp_path):
    # the other way round, across files: the IKU table states none, the PK file says negatif
    clean_office(tmp_path)
    head = [h for h in IKU_HEAD if h != "Polaritas"]
    table = Sheet("IKU", head, title=f"INDIKATOR KINERJA UTAMA TAHUN {TAHUN}")
    for n, row in enumerate(ROWS, 1):
        table.add([n, "Sasaran A", row["indikator"], "%", "nilai akhir", row["target"], row["realisasi"],
                   row["capaian"], row["predikat"], None, None], key=row["indikator"])
    iku(tmp_path, table)
    iku(tmp_path, pk_sheet(120, polaritas="negatif"), name="PK 2024.xlsx")
    r = check(tmp_path)
    assert r.findings == []
    assert [i.at(TAHUN).capaian for i in r.performance.ikus] == [D("94.21"), D("120.00")]


def test_pk_stating_another_polarity_is_one_polaritas_mismatch(tmp_path):
    # the PK says positif and computed its capaian so (8/10 = 80%): one finding at its Polaritas cell,
    # no capaian-mismatch on either sheet; the report keeps the IKU table's negatif
    clean_office(tmp_path)
    pk = pk_sheet(80, polaritas="positif")
    iku(tmp_path, iku_sheet(ROWS, header=IKU_HEAD), pk)
    r = check(tmp_path)
    assert [(f.code, f.severity, f.file, f.sheet, f.cell, f.expected, f.actual) for f in r.findings] == [
        ("polaritas-mismatch", "error", "IKU 2024.xlsx", "PK", pk.cell(ADUAN, "Polaritas"), "negatif", "positif")]
    msg = r.findings[0].message()
    assert f"di IKU 2024.xlsx › IKU E5 negatif" in msg and "laporan memakai polaritas dari IKU 2024.xlsx › IKU" in msg
    assert "lower is better" in r.findings[0].message("en")
    assert r.performance.ikus[1].at(TAHUN).capaian == D("120.00")
