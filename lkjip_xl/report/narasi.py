"""Ready-to-paste paragraphs of Bab III and IV, with amounts in figures and in words."""
from __future__ import annotations

from decimal import Decimal

from lkjip_xl.read.codes import jenis_sorted
from lkjip_xl.check.indicators import serapan
from lkjip_xl.report.layout import Column, Table
from lkjip_xl.messages import Text, month_name
from lkjip_xl.report.tables import Context
from lkjip_xl.report.terbilang import BATAS, format_angka, format_rupiah, terbilang, terbilang_rupiah


def rp(amount) -> str:
    """Rp19.422.400.000,00 (sembilan belas miliar … rupiah); an amount beyond the words Indonesian has
    (10^18, surely a typing slip that the findings point at) in figures only."""
    return f"{format_rupiah(amount)} ({terbilang_rupiah(amount)})" if abs(amount) < BATAS else format_rupiah(amount)


def pct(x: Decimal | None) -> str:
    return "-" if x is None else f"{format_angka(x, 2)}%"


def angka(x) -> str:
    if x is None:
        return "-"
    if isinstance(x, Decimal) and x != x.to_integral_value():
        return format_angka(x, 2)
    return format_angka(int(x))


def trend(rose: bool, negative: bool, year: int, before: str, now: str, lang: str = "id") -> str:
    """This year's realisasi against last year's, read with the polarity: for a lower-is-better
    indicator (angka kemiskinan, waktu layanan) a rise is a worsening, not progress."""
    better = rose != negative
    code = f"narasi-trend-{'up' if rose else 'down'}-{'better' if better else 'worse'}"
    return Text(code, section="labels", year=str(year), before=before, now=now).render(lang)


def count(n: int) -> str:
    return f"{n} ({terbilang(n)})"


def paragraphs(ctx: Context) -> list[str]:
    b, perf, tahun = ctx.budget, ctx.perf, ctx.tahun or "-"
    out = []
    pagu, real = b.total("pagu"), b.total("realisasi")
    if pagu:
        until = f" s.d. bulan {month_name(b.latest_month)}" if b.latest_month and b.latest_month < 12 else ""
        text = (f"Dalam rangka mendukung pelaksanaan tugas pokok dan fungsi {ctx.instansi} pada Tahun Anggaran {tahun}, "
                f"tersedia anggaran sebesar {rp(pagu)}.")
        if b.has_realisasi:
            text += f" Realisasi anggaran{until} sebesar {rp(real)} atau {pct(serapan(pagu, real))} dari pagu."
        out.append(text)
    if b.jenis:
        parts = [f"{i}. {name} sebesar {format_rupiah(v)}" for i, (name, v) in enumerate(jenis_sorted(b.jenis), start=1)]
        out.append("Secara ringkas, komposisi anggaran menurut jenis belanja adalah sebagai berikut: " + "; ".join(parts) + ".")
    if pagu and b.has_realisasi and ctx.running:
        # the year is still running: what is not yet spent is not a "sisa" of a closed year
        out.append(f"Sampai dengan bulan {ctx.running}, dari pagu sebesar {format_rupiah(pagu)} telah terealisasi "
                   f"{format_rupiah(real)}, sehingga anggaran yang belum direalisasikan sebesar {rp(pagu - real)}. "
                   f"Angka ini masih akan berubah sampai akhir Tahun Anggaran {tahun}.")
    elif pagu and b.has_realisasi:
        out.append(f"Dari pagu sebesar {format_rupiah(pagu)} dengan penyerapan sebesar {format_rupiah(real)}, "
                   f"terdapat sisa anggaran sebesar {rp(pagu - real)}.")
    for iku in perf.ikus:
        m = iku.at(ctx.tahun)
        if not m:
            continue
        s = (f"Indikator {iku.ind.indikator} pada sasaran \"{iku.ind.sasaran}\" dengan target {angka(m.target)} "
             f"terealisasi {angka(m.realisasi)}")
        if m.capaian is not None:
            s += f", sehingga capaian kinerjanya {pct(m.capaian)} dengan predikat {m.predikat}."
        else:
            # every blank capaian says why: an empty or zero target, or no realisasi yet
            s += ("; capaian kinerjanya tidak dapat dihitung karena targetnya kosong atau nol." if not m.target else
                  "; capaian kinerjanya belum dapat dihitung karena belum ada realisasi." if m.realisasi is None else
                  "; capaian kinerjanya tidak dapat dihitung (lihat lembar Rekonsiliasi).")
        prev = iku.at(ctx.tahun - 1) if isinstance(ctx.tahun, int) else None
        if prev and prev.realisasi is not None and m.realisasi is not None and prev.realisasi != m.realisasi:
            s += " " + trend(m.realisasi > prev.realisasi, iku.ind.negative, ctx.tahun - 1,
                             angka(prev.realisasi), angka(m.realisasi))
        out.append(s)
    for sas in perf.sasaran:
        if sas.efisiensi is None:
            continue
        if ctx.running:
            out.append(f"Pada sasaran \"{sas.text}\", capaian kinerja {pct(sas.capaian)} dan serapan anggaran program "
                       f"pendukungnya s.d. bulan {ctx.running} {pct(sas.serapan)} ({format_rupiah(sas.realisasi)} dari "
                       f"{format_rupiah(sas.pagu)}); selisihnya {angka(sas.efisiensi)} masih sementara, dan kategori "
                       "efisiensinya baru dapat ditetapkan setelah realisasi anggaran bulan Desember.")
            continue
        out.append(f"Pada sasaran \"{sas.text}\", capaian kinerja {pct(sas.capaian)} dan serapan anggaran program "
                   f"pendukungnya {pct(sas.serapan)} ({format_rupiah(sas.realisasi)} dari {format_rupiah(sas.pagu)}), "
                   f"sehingga tingkat efisiensinya {angka(sas.efisiensi)} dan termasuk kategori {sas.kategori_efisiensi}.")
    office = perf.office
    if office is not None and office.efisiensi is not None:
        # programs not linked to sasaran: one office-wide sentence, not the whole budget once per sasaran
        code = "narasi-office-efisiensi-sd" if ctx.running else "narasi-office-efisiensi"
        out.append(Text(code, section="labels", instansi=ctx.instansi, n=str(len(perf.sasaran)),
                        capaian=pct(office.capaian), serapan=pct(office.serapan), realisasi=format_rupiah(office.realisasi),
                        pagu=format_rupiah(office.pagu), efisiensi=angka(office.efisiensi),
                        kategori=office.kategori_efisiensi or "-", month=ctx.running or "").render("id"))
    n_ikus = sum(1 for i in perf.ikus if i.at(ctx.tahun))
    if n_ikus:
        parts = [f"{label}: {count(n)} indikator" if n else f"{label}: -" for label, n in perf.counts.items()]
        out.append(f"Pada tahun {tahun}, {ctx.instansi} melaksanakan {count(len(perf.sasaran))} sasaran dengan "
                   f"{count(n_ikus)} indikator kinerja utama, dengan tingkat capaian sebagai berikut: "
                   + "; ".join(parts) + ".")
    return out


def narasi(ctx: Context) -> Table:
    year = f"Tahun {ctx.tahun or '-'}" + (f", realisasi s.d. {ctx.running}" if ctx.running else "")
    t = Table("Narasi", ["NARASI SIAP TEMPEL (BAB III DAN IV)", ctx.org(), year],
              [Column("teks", "Paragraf", "wrap", 80)], landscape=False)
    for p in paragraphs(ctx):
        t.add({"teks": p})
    t.notes.append("Angka dihitung dari berkas masukan; periksa kembali lembar Rekonsiliasi sebelum menempel.")
    return t
