"""Connection settings: the password goes to the keyring, never to the settings file; the test
button says whether the database answers."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings

from hospitality_app.team_connection import KEYRING_SERVICE, TeamConnection
from tests.conftest import PG_URL


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.store = {}

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def get_password(self, service, username):
        return self.store.get((service, username))

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def dialog(qtbot, db):
    from hospitality_app.services.documents import LETTERHEAD_KEYS
    from hospitality_app.ui.dialogs.preferences import PreferencesDialog
    from hospitality_app.ui.ops import Ops

    ops = Ops(db)
    d = PreferencesDialog(ops, dict.fromkeys(LETTERHEAD_KEYS, ""))
    qtbot.add_widget(d)
    yield d
    ops.shutdown()


def test_password_goes_to_the_keyring_only(dialog, memory_keyring):
    dialog.use_team.setChecked(True)
    dialog.host.setText("db.example.internal")
    dialog.database.setText("hospitality")
    dialog.user.setText("alice")
    dialog.password.setText("s3cret-Pässwort")
    assert dialog.save().wait()
    settings = QSettings()
    stored = {key: settings.value(key) for key in settings.allKeys()}
    assert "s3cret-Pässwort" not in repr(stored)
    assert stored["team/user"] == "alice" and stored["team/host"] == "db.example.internal"
    key = TeamConnection("db.example.internal", 5432, "hospitality", "alice").key
    assert memory_keyring.store[(KEYRING_SERVICE, key)] == "s3cret-Pässwort"


def test_no_keyring_is_reported_not_raised(dialog):
    # The machine's own backend here is keyring's "fail" backend (no Secret Service).
    dialog.user.setText("alice")
    dialog.password.setText("pw")
    assert dialog.save().wait()
    assert dialog.result() == 1
    assert QSettings().value("team/user") == "alice"


def test_test_connection_reports_failure(dialog, memory_keyring):
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.database.setText("nothing")
    dialog.user.setText("nobody")
    assert dialog.test_team_connection() is False
    assert dialog.test_result.text()


@pytest.mark.skipif(not PG_URL, reason="HOSPITALITY_TEST_PG_URL is not set")
def test_test_connection_reaches_the_team_database(dialog, memory_keyring):
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    dialog.host.setText(url.host or "127.0.0.1")
    dialog.port.setValue(url.port or 5432)
    dialog.database.setText(url.database or "")
    dialog.user.setText(url.username or "")
    assert dialog.test_team_connection() is True
    assert dialog.test_result.text() == "Connected."
