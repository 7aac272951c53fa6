"""The input files loaded ahead, in a background thread, in their order.

grid.load checks each file (guard.py) and reads its small sheets and the heads of its large ones
before anything else can look at it. Started as soon as the files are known, it runs while the
rest of the program still imports (pandas alone takes a quarter of a second) and while the file
before is being read: zlib and numpy leave the GIL while they work. Each file's answer, a value or
the exception grid.load raised, is taken in order by the thread that asked for it, so a run says
exactly what it says without the loading ahead.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path

from lkjip_xl.xlsx import grid


class Loading:
    def __init__(self, paths: list[Path]):
        self._ahead: dict[Path, Future] = {Path(p): Future() for p in paths}
        self._stop = threading.Event()
        # a daemon: an interrupted run does not wait for a large file's check to end
        threading.Thread(target=self._run, daemon=True, name="lkjip-load").start()

    def _run(self) -> None:
        for path, future in list(self._ahead.items()):
            if self._stop.is_set() or not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(grid.load(path))
            except BaseException as exc:       # said where it is taken, as grid.load would have
                future.set_exception(exc)

    def take(self, path: Path) -> list[grid.RawSheet]:
        """grid.load(path), loaded ahead when it was among the paths (once: a second take loads again)."""
        future = self._ahead.pop(Path(path), None)
        return grid.load(path) if future is None else future.result()

    def stop(self) -> None:
        """Load nothing more (the run ends early: an unreadable file, an error)."""
        self._stop.set()
        for future in self._ahead.values():
            future.cancel()
