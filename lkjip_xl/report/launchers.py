"""Double-click launchers that `lkjip-xl template` writes into the office folder.

`jalankan-lkjip.bat` (Windows), `jalankan-lkjip.sh` (Linux) and `jalankan-lkjip.command` (macOS
Finder runs .command files in Terminal) each run `build` on the folder they sit in, show the summary,
wait for a key and open the `hasil` folder, so an officer never needs a terminal.

The launcher looks for `lkjip-xl` on PATH first, then for the Python that wrote it (the one the
office installed lkjip-xl into, written into the file), so it keeps working from a desktop shortcut
where no virtual environment is active.
"""
from __future__ import annotations

import sys
from pathlib import Path

BAT = "jalankan-lkjip.bat"
SH = "jalankan-lkjip.sh"
COMMAND = "jalankan-lkjip.command"
LAUNCHERS = (BAT, SH, COMMAND)

# cmd.exe reads a .bat in the console's code page: the text stays ASCII, the lines end in CRLF
_BAT = r"""@echo off
rem Klik dua kali berkas ini untuk menjalankan lkjip-xl pada folder tempat berkas ini berada.
rem Buku kerja LKjIP ditulis ke subfolder "hasil". Dibuat oleh: lkjip-xl template
setlocal
cd /d "%~dp0"
set "LKJIP_PY={python}"
rem "%~dp0." and not "%~dp0": a path that ends in \" would swallow its closing quote
where lkjip-xl >nul 2>nul
if not errorlevel 1 (
    lkjip-xl build "%~dp0."
) else if exist "%LKJIP_PY%" (
    "%LKJIP_PY%" -m lkjip_xl build "%~dp0."
) else (
    py -m lkjip_xl build "%~dp0."
)
set "KODE=%errorlevel%"
echo.
if "%KODE%"=="0" echo Selesai: tidak ada kesalahan. Buku kerja LKjIP ada di folder hasil.
if "%KODE%"=="1" echo Selesai, tetapi ada kesalahan di berkas masukan: lihat daftar di atas atau lembar Rekonsiliasi.
if not "%KODE%"=="0" if not "%KODE%"=="1" echo Tidak dapat diproses: baca pesan di atas, perbaiki, lalu klik dua kali lagi.
echo.
pause
if exist "%~dp0hasil\" explorer "%~dp0hasil"
exit /b %KODE%
"""

_SH = """#!/bin/sh
# Klik dua kali (atau jalankan) berkas ini untuk menjalankan lkjip-xl pada folder tempat berkas ini
# berada. Buku kerja LKjIP ditulis ke subfolder "hasil". Dibuat oleh: lkjip-xl template
cd "$(dirname "$0")" || exit 2
DIR=$(pwd)
LKJIP_PY={python}
if command -v lkjip-xl >/dev/null 2>&1; then
    lkjip-xl build "$DIR"
    KODE=$?
elif [ -x "$LKJIP_PY" ]; then
    "$LKJIP_PY" -m lkjip_xl build "$DIR"
    KODE=$?
else
    echo "lkjip-xl tidak ditemukan. Pasang dulu (lihat README), lalu jalankan lagi." >&2
    KODE=2
fi
echo
case $KODE in
    0) echo "Selesai: tidak ada kesalahan. Buku kerja LKjIP ada di folder hasil." ;;
    1) echo "Selesai, tetapi ada kesalahan di berkas masukan: lihat daftar di atas atau lembar Rekonsiliasi." ;;
    *) echo "Tidak dapat diproses: baca pesan di atas, perbaiki, lalu jalankan lagi." ;;
esac
# wait and open the folder only for a person at a terminal, not when run from a script
if [ -t 0 ]; then
    printf "Tekan Enter untuk menutup dan membuka folder hasil... "
    read -r _
    if [ -d "$DIR/hasil" ]; then
        if command -v open >/dev/null 2>&1 && [ "$(uname)" = Darwin ]; then
            open "$DIR/hasil"
        elif command -v xdg-open >/dev/null 2>&1; then
            xdg-open "$DIR/hasil" >/dev/null 2>&1 &
        fi
    fi
fi
exit $KODE
"""


def _sh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def bat_text(python: str | None = None) -> bytes:
    python = sys.executable if python is None else python
    # inside set "…" only % is special: it is doubled
    text = _BAT.replace("{python}", python.replace("%", "%%"))
    return text.replace("\n", "\r\n").encode("ascii", "replace")


def sh_text(python: str | None = None) -> bytes:
    python = sys.executable if python is None else python
    return _SH.replace("{python}", _sh_quote(python)).encode("utf-8")


def write_launchers(folder: Path) -> list[Path]:
    """The three launchers in folder (replacing older ones: they hold no work of the office)."""
    folder = Path(folder)
    out = []
    for name, data in ((BAT, bat_text()), (SH, sh_text()), (COMMAND, sh_text())):
        path = folder / name
        path.write_bytes(data)
        if name != BAT:
            path.chmod(0o755)
        out.append(path)
    return out
