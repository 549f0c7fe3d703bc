"""Sessions: the model of what a workshop run captured, and its files on disk.

Never imports textual (a test keeps it so).
"""

from samen_tui.session.index import SessionIndex
from samen_tui.session.lock import LockInfo, SessionLock, pid_alive
from samen_tui.session.model import (
    SCHEMA,
    NewerSchemaError,
    Session,
    SessionFormatError,
)
from samen_tui.session.store import (
    MAX_SIZE,
    SaveError,
    SessionReadError,
    SessionStore,
    SessionSummary,
    Unreadable,
    dumps_session,
    list_sessions,
    load_session,
    loads_session,
    save_session,
    session_filename,
    unique_path,
)

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
