"""Documents and calendars built from DTOs."""
