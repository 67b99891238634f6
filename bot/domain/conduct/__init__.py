"""Conduct: the versioned code of conduct members accept (code.py), and upholding it without ever acting on
distress: the screener (screener.py, rules/), the distress gate (distress.py), cases and actions."""
