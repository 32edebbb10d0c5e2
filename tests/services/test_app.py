"""The Heartbeat facade itself: what it tells the status bar about the database."""

from sqlalchemy.engine import make_url

from heartbeat_desktop.core.database import Database
from heartbeat_desktop.core.settings import normalize_database_url


def test_database_label_names_the_place(hb, database_url):
    url = make_url(normalize_database_url(database_url))
    if url.get_backend_name() == "sqlite":
        assert hb.database_label == f"This computer: {url.database}"
    else:
        assert hb.database_label == f"Server {url.username}@{url.host}:{url.port or 5432}/{url.database}"


def test_server_place_leaves_the_password_out():
    db = Database.connect("postgresql+psycopg://clinic:s3cret@db.example/heartbeat")
    try:
        assert db.place == "Server clinic@db.example:5432/heartbeat"
    finally:
        db.dispose()
