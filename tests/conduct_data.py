"""Texts for the conduct tests: the hand-written conduct cases, the project's risk cases, and the shared sets."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from bot.domain.risk.learn import read_cases

DATA = Path(__file__).resolve().parent / "data"
ROOT = DATA.parents[1]
# The shared sets sit beside the repository (CI, the main checkout) or beside the worktrees' folder.
SHARED = next((p for p in (ROOT.parent / "shared" / "data" / "risk", ROOT.parents[1] / "shared" / "data" / "risk")
               if p.exists()), ROOT.parent / "shared" / "data" / "risk")
DISTRESS_LABELS = {
    "cssrs_reddit": {"Indicator", "Ideation", "Behavior", "Attempt"},
    "sdcnl": {"0", "1"},  # r/depression and r/SuicideWatch: both are distress
    "twitter_suicidal_intention": {"1"},
}


def conduct_cases() -> list[tuple[set[str], bool, str]]:
    with (DATA / "conduct_cases.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(set() if r["expected"] == "none" else set(r["expected"].split("+")), r["reply"] == "1", r["text"])
            for r in rows]


def project_texts() -> list[tuple[str, str, str]]:
    """(source, tier, text) for the risk cases and every held-out chat set."""
    rows = []
    for path in sorted(DATA.glob("chat_*.tsv")):
        rows += [(path.name, tier, text) for tier, text in read_cases(path)]
    return rows


def shared_distress() -> list[tuple[str, str]]:
    """(set, text) for every row the shared sets label as distress; [] when the sets are absent."""
    csv.field_size_limit(sys.maxsize)
    rows = []
    for name, labels in DISTRESS_LABELS.items():
        path = SHARED / name / "data.csv"
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                rows += [(name, r["text"]) for r in csv.DictReader(handle) if r["label"] in labels]
    return rows
