"""SQLite storage: the connection, the migration runner and one repository per domain area."""
