"""Sessions: the model of what a workshop run captured, and its files on disk.

Never imports textual (a test keeps it so). The names below are imported on first
use (PEP 562): importing one module of the package (the model, at start-up) does not
load the others (sqlite3 for the index).
"""

from __future__ import annotations

from samen_tui.lazy import lazy_names

_WHERE = {
    "SessionIndex": "index",
    "LockInfo": "lock",
    "SessionLock": "lock",
    "pid_alive": "lock",
    "SCHEMA": "model",
    "NewerSchemaError": "model",
    "Session": "model",
    "SessionFormatError": "model",
    "SaveError": "errors",
    "SessionReadError": "errors",
    "list_sessions": "listing",
    "session_filename": "naming",
    "unique_path": "naming",
    "MAX_SIZE": "reading",
    "dumps_session": "reading",
    "load_session": "reading",
    "loads_session": "reading",
    "save_session": "saving",
    "SessionStore": "store",
    "SessionSummary": "summary",
    "Unreadable": "summary",
}


__getattr__ = lazy_names(__name__, _WHERE)


__all__ = [
    "MAX_SIZE",
    "SCHEMA",
    "LockInfo",
    "NewerSchemaError",
    "SaveError",
    "Session",
    "SessionFormatError",
    "SessionIndex",
    "SessionLock",
    "SessionReadError",
    "SessionStore",
    "SessionSummary",
    "Unreadable",
    "dumps_session",
    "list_sessions",
    "load_session",
    "loads_session",
    "pid_alive",
    "save_session",
    "session_filename",
    "unique_path",
]
