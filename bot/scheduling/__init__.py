"""Timed work: APScheduler jobs derived from database rows, keyed by domain ids."""
