"""Logging to a rotating file in the user's log folder: what failed, with its traceback, stays on
record even when the window that showed it is gone."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FILE_NAME = "hospitality.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"


def setup(folder: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Send the application's log records to `folder`/hospitality.log (rotated at 1 MB, five
    kept); returns the file's path. Safe to call again: the handler is installed once."""
    if folder is None:
        from hospitality_app.config import log_folder

        folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    root = logging.getLogger("hospitality_app")
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path
