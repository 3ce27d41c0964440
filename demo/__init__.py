"""Demo data for development and screenshots; no domain app imports it."""
