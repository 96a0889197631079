"""A validation error in the interface language: the domain raises English templates with their
values (the command line shows them so); the window translates the template, then fills it."""

from __future__ import annotations

from hospitality_app.errors import ValidationError
from hospitality_app.i18n import _


def error_text(exc: ValidationError) -> str:
    if not exc.params:
        return _(exc.template)
    # "what" names a kind of thing ("visitor", "a host"): a word of the catalog, not a user's.
    params = {key: _(value) if key == "what" and isinstance(value, str) else value for key, value in exc.params.items()}
    try:
        return _(exc.template).format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return exc.message
