"""Ctrl-C that Python would otherwise swallow.

Python turns SIGINT into a KeyboardInterrupt wherever the program happens to be. When that is
inside a finaliser (a generator closed as it is dropped, an object's ``__del__``), Python
cannot raise it: it prints "Exception ignored" and carries on, and the command would finish as
if it had never been interrupted, writing its file. The entry point records every SIGINT here,
so one that was swallowed still ends the run, exit 130, before any file is replaced.

It imports only :mod:`signal` and :mod:`sys`, which Python has loaded already: it is installed
before anything else is imported, and importing even :mod:`typing` runs finalisers.
"""

from __future__ import annotations

import signal
import sys

_pending = [False]  # a Ctrl-C has arrived (a list: no global statement needed to set it)
_previous = [sys.unraisablehook]  # how Python reports the other exceptions it cannot raise


def check() -> None:
    """Raise KeyboardInterrupt now if a Ctrl-C arrived and was swallowed by a finaliser."""
    if _pending[0]:
        raise KeyboardInterrupt


def install() -> None:
    """Record every Ctrl-C, and keep Python from reporting one it swallowed."""
    _previous[0] = sys.unraisablehook
    sys.unraisablehook = _report
    signal.signal(signal.SIGINT, _on_sigint)


def _on_sigint(signum: int, frame: object) -> None:
    _pending[0] = True
    raise KeyboardInterrupt


def _report(unraisable: sys.UnraisableHookArgs) -> None:
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        return  # recorded by _on_sigint: the run ends at the next safe point
    _previous[0](unraisable)
