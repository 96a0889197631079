"""The command line as the tests drive it: a run's exit code and output."""

from __future__ import annotations

from hospitality_app.app import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
