"""`lkjip-xl template` writes double-click launchers: the .bat content is checked line by line (no
Windows here), the .sh launcher is run end to end with the venv's lkjip-xl on PATH."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from builders import officer_fills

from lkjip_xl.report.launchers import BAT, COMMAND, SH, bat_text, sh_text
from lkjip_xl.report.template import write_templates


def test_bat_content():
    raw = bat_text(r"C:\Program Files\LKjIP 100%\.venv\Scripts\python.exe")
    raw.decode("ascii")                                  # cmd.exe reads it in the OEM code page
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.decode().split("\r\n")
    assert lines[0] == "@echo off"
    text = "\n".join(lines)
    # the folder of the .bat itself, quoted so that spaces work, with a dot so \" does not eat the quote
    assert 'cd /d "%~dp0"' in lines
    assert '    lkjip-xl build "%~dp0."' in lines
    assert '    "%LKJIP_PY%" -m lkjip_xl build "%~dp0."' in lines
    assert '    py -m lkjip_xl build "%~dp0."' in lines
    assert r'set "LKJIP_PY=C:\Program Files\LKjIP 100%%\.venv\Scripts\python.exe"' in lines
    # order: build, summary of the exit code, pause, then the hasil folder opens in Explorer
    build = text.index('lkjip-xl build "%~dp0."')
    summary = text.index('if "%KODE%"=="1" echo')
    pause = lines.index("pause")
    assert build < summary < text.index("\npause\n")
    assert lines[pause + 1] == 'if exist "%~dp0hasil\\" explorer "%~dp0hasil"'
    assert lines[pause + 2] == "exit /b %KODE%"


def test_sh_quotes_the_python_path():
    text = sh_text("/home/o'brien/lkjip venv/bin/python").decode()
    assert text.startswith("#!/bin/sh\n")
    assert "LKJIP_PY='/home/o'\\''brien/lkjip venv/bin/python'\n" in text


def test_template_writes_launchers(tmp_path):
    paths = write_templates(tmp_path / "kantor")
    names = [p.name for p in paths]
    assert names[-3:] == [BAT, SH, COMMAND]
    for name in (SH, COMMAND):
        assert os.access(tmp_path / "kantor" / name, os.X_OK)
    assert (tmp_path / "kantor" / SH).read_bytes() == (tmp_path / "kantor" / COMMAND).read_bytes()
    assert f'set "LKJIP_PY={sys.executable}"'.encode() in (tmp_path / "kantor" / BAT).read_bytes()


@pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell")
def test_sh_launcher_builds_its_own_folder(tmp_path):
    venv_bin = Path(sys.executable).parent
    if not (venv_bin / "lkjip-xl").exists():
        pytest.skip("lkjip-xl is not installed beside this Python")
    folder = tmp_path / "Kantor Camat Contoh"          # a space in the path, as on an office PC
    write_templates(folder, 2024)
    officer_fills(folder)                              # the example rows deleted, the office's own typed
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    env = {"PATH": f"{venv_bin}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    run = subprocess.run(["sh", str(folder / SH)], cwd=elsewhere, env=env, stdin=subprocess.DEVNULL,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    out = folder / "hasil" / "LKjIP-Kecamatan-Contoh-2024.xlsx"
    assert out.is_file()
    assert f"Buku kerja ditulis: {out}" in run.stdout
    assert "Selesai: tidak ada kesalahan." in run.stdout
    assert "Tekan Enter" not in run.stdout                  # no terminal: no pause
    assert not list(elsewhere.iterdir())
    wb = openpyxl.load_workbook(out, read_only=True)
    assert "Tabel 3.9" in wb.sheetnames
