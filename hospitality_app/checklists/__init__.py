"""Checklist templates and the due-time engine (no Qt)."""
