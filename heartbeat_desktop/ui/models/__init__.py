"""Qt table models over the services' plain records."""
