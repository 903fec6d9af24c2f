"""Logs on stderr: ``edunews: message`` lines, or one JSON object per line for schedulers.

With ``--log-format json`` nothing else may reach stderr (issue 14): Python warnings
are routed through logging, and worker processes (which start with no logging set
up) call ``setup_logging`` too, so a library's warning in a worker is a JSON line.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for schedulers and log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "level": record.levelname.lower(),
            "message": record.getMessage(),
        }
        if hasattr(record, "summary"):
            entry.update(record.summary)
        if record.exc_info and record.exc_info[0] is not None:  # --debug: the traceback as a field
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def setup_logging(fmt: str) -> None:
    """Send every log record (and Python warning) to stderr in ``fmt`` (text or json)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter("edunews: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
