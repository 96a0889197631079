"""Collect every message of the code (`_("…")` calls and the vocabulary codes) and merge them
into resources/locale/*/LC_MESSAGES/messages.po, keeping existing translations.

python scripts/update_catalog.py    (then translate the new empty entries)
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def messages() -> list[str | tuple[str, str]]:
    """Every message: a text, or (singular, plural) for the ngettext calls."""
    from hospitality_app import vocab

    found: list[str | tuple[str, str]] = []
    for path in sorted((ROOT / "hospitality_app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)
                if (
                    name in ("_", "N_")
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.append(node.args[0].value)
                if (  # its template is translated in the window (hospitality_app.errors)
                    name == "ValidationError"
                    and len(node.args) >= 2
                    and isinstance(node.args[1], ast.Constant)
                    and isinstance(node.args[1].value, str)
                ):
                    found.append(node.args[1].value)
                if (
                    name in ("ngettext", "n_")  # n_: the readiness rules' plural
                    and len(node.args) >= 2
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
                ):
                    found.append((node.args[0].value, node.args[1].value))
    # Every vocabulary: a code the window shows is shown through its translation (i18n.label).
    for name in dir(vocab):
        codes = getattr(vocab, name)
        if name.isupper() and isinstance(codes, tuple) and all(isinstance(c, str) for c in codes):
            found.extend(codes)
    return list(dict.fromkeys(found))


def main() -> int:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    for po in sorted((ROOT / "resources" / "locale").glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as handle:
            old = read_po(handle)
        new = Catalog(locale=old.locale, project="Hospitality", charset="utf-8")
        for msgid in messages():
            existing = old.get(msgid[0] if isinstance(msgid, tuple) else msgid)
            if isinstance(msgid, tuple):
                string = existing.string if existing and isinstance(existing.string, tuple) else ("",)
            else:
                string = existing.string if existing and isinstance(existing.string, str) else ""
            new.add(msgid, string)
        with po.open("wb") as handle:
            write_po(handle, new, width=100, omit_header=False)
        missing = [m.id for m in new if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
        print(f"{po.relative_to(ROOT)}: {len(new)} messages, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
