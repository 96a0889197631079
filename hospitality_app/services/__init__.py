"""Use cases: functions (session, *, ...) -> DTOs. They never commit; the caller does."""
