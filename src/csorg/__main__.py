"""``python -m csorg`` and the ``csorg`` console script.

The entry point imports nothing but :mod:`sys` and :mod:`signal` before it can catch Ctrl-C,
so an interrupt even during start-up imports ends with exit 130 and no traceback.
"""

import signal
import sys


def run() -> None:
    """Run csorg with ``sys.argv`` and exit with its exit code."""
    try:
        from csorg.cli import main

        code = main()
    except KeyboardInterrupt:
        from csorg.errors import interrupted

        code = interrupted()
    # a second Ctrl-C while Python shuts down (flushing output) would print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)


if __name__ == "__main__":
    run()
