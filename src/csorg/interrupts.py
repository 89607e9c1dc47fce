"""Ctrl-C that Python would otherwise swallow.

Python turns SIGINT into a KeyboardInterrupt wherever the program happens to be. When that is
inside a finaliser (a generator closed as it is dropped, an object's ``__del__``), Python
cannot raise it: it prints "Exception ignored" and carries on, and the command would finish as
if it had never been interrupted, writing its file. The entry point records every SIGINT here,
so one that was swallowed still ends the run, exit 130, before any file is replaced. Built-in
modules only: this is installed before anything else is imported.
"""

import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

_pending = [False]  # a Ctrl-C has arrived (a list: no global statement needed to set it)


def pending() -> bool:
    return _pending[0]


def check() -> None:
    """Raise KeyboardInterrupt now if a Ctrl-C arrived and was swallowed by a finaliser."""
    if _pending[0]:
        raise KeyboardInterrupt


def install() -> None:
    """Record every Ctrl-C, and keep Python from reporting one it swallowed."""
    signal.signal(signal.SIGINT, _on_sigint)
    sys.unraisablehook = _quiet_about_interrupts(sys.unraisablehook)


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    _pending[0] = True
    raise KeyboardInterrupt


def _quiet_about_interrupts(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    def report(unraisable: Any) -> object:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            return None  # recorded by _on_sigint: the run ends at the next safe point
        return hook(unraisable)

    return report
