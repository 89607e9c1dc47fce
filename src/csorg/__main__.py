"""``python -m csorg`` and the ``csorg`` console script.

The entry point imports nothing but built-in modules (:mod:`sys`, :mod:`signal`, :mod:`gc`)
before it can catch Ctrl-C, so an interrupt even during start-up imports ends with exit 130
and no traceback. :mod:`csorg.interrupts` then records every Ctrl-C, so one that Python
swallowed in a finaliser ends the run too.
"""

import gc
import signal
import sys

# Sizing builds and drops many small trees of seats, and none of them holds a reference
# cycle: for a command that lives a second, the cyclic collector's frequent passes are pure
# overhead (about a tenth of a forecast plan). Collect far less often, as mypy does.
GC_THRESHOLD = 100_000


def run() -> None:
    """Run csorg with ``sys.argv`` and exit with its exit code."""
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    code: int | None
    try:
        from csorg import interrupts

        interrupts.install()
        from csorg.cli import main
        from csorg.errors import EXIT_INTERRUPTED  # loaded by the command line already

        code = main()
        if code != EXIT_INTERRUPTED:  # (130: the command line has said so already)
            interrupts.check()  # a Ctrl-C a finaliser swallowed still ends the run
    except KeyboardInterrupt:
        code = None
    if code is None:
        from csorg.errors import interrupted

        code = interrupted()
    # a second Ctrl-C while Python shuts down (flushing output) would print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)


if __name__ == "__main__":
    run()
