"""What a rule reports: a stable code, a severity, a message, and the part of the plan."""

from __future__ import annotations

from typing import NamedTuple

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


# A NamedTuple rather than a frozen dataclass: a large visit makes thousands of findings, and a
# tuple is built in a third of the time.
class Finding(NamedTuple):
    code: str
    severity: str
    message: str
    target: str  # a path into the plan, as in the JSON format: "meals[0].dishes[2]"
    subject: str = ""  # the same for people: meal 1 (lunch) / dish "…" / visitor "…"
    # Other parts the finding concerns (the first of two items that overlap), for the planner to
    # mark as well; the JSON keeps one target, and names these only when there are any.
    related: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        found = self._asdict()
        if not self.related:
            del found["related"]
        else:
            found["related"] = list(self.related)
        return found
