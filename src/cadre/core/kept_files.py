"""Files the server keeps for a while on someone's behalf: uploads waiting for their
import's confirmation, finished exports waiting to be fetched."""

import datetime
import time
from pathlib import Path


def drop_older_than(directory: Path, lifetime: datetime.timedelta):
    """Remove the files in `directory` last written longer than `lifetime` ago.

    Another request may remove its own file while this one looks (an import confirmed, an
    upload dropped), so a file gone before its age is read is passed over."""
    stale = time.time() - lifetime.total_seconds()
    for path in directory.iterdir():
        try:
            written = path.stat().st_mtime
        except FileNotFoundError:
            continue
        if written < stale:
            path.unlink(missing_ok=True)
