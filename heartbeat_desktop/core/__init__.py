"""Settings, database engine and sessions, security. No Qt here."""
