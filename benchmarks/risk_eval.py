"""Recall and precision of the risk screener on every labelled set that is present.

Run: .venv/bin/python benchmarks/risk_eval.py
The last line printed is one JSON object: per set, per tier, recall and precision, plus the three target figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import (
    CHAT_HOLDOUT,
    CHAT_HOLDOUT_B,
    CHAT_HOLDOUT_C,
    CHAT_HOLDOUT_D,
    CHAT_HOLDOUT_E,
    CHAT_HOLDOUT_F,
    CHAT_HOLDOUT_G,
    CHAT_HOLDOUT_H,
    CHAT_HOLDOUT_I,
    CHAT_HOLDOUT_J,
    CHAT_HOLDOUT_K,
    CHAT_HOLDOUT_L,
    CHAT_HOLDOUT_M,
    CHAT_HOLDOUT_N,
    CHAT_HOLDOUT_O,
    chat_cases,
    posts,
    shared_sets,
)
from bot.domain.risk import RiskScreener, Tier

TIERS = ["none", "concern", "urgent", "crisis"]


def evaluate(name: str, rows: list[tuple[str, str]], screener: RiskScreener) -> dict[str, object]:
    confusion = {t: dict.fromkeys(TIERS, 0) for t in TIERS}
    for expected, text in rows:
        predicted = max((screener.screen(p).tier for p in posts(name, text)), default=Tier.NONE)
        confusion[expected][predicted.label] += 1
    per_tier = {}
    for tier in TIERS:
        actual = sum(confusion[tier].values())
        flagged = sum(confusion[e][tier] for e in TIERS)
        per_tier[tier] = {
            "n": actual,
            "recall": round(confusion[tier][tier] / actual, 3) if actual else None,
            "precision": round(confusion[tier][tier] / flagged, 3) if flagged else None,
        }
    serious = confusion["urgent"]["urgent"] + confusion["urgent"]["crisis"] + confusion["crisis"]["urgent"] \
        + confusion["crisis"]["crisis"]
    n_serious = sum(confusion["urgent"].values()) + sum(confusion["crisis"].values())
    n_none = sum(confusion["none"].values())
    n_crisis = sum(confusion["crisis"].values())
    return {
        "rows": len(rows),
        "confusion_expected_to_predicted": confusion,
        "per_tier": per_tier,
        "urgent_or_crisis_flagged_urgent_plus": round(serious / n_serious, 3) if n_serious else None,
        "crisis_flagged_crisis": round(confusion["crisis"]["crisis"] / n_crisis, 3) if n_crisis else None,
        "none_flagged_urgent_plus": round((confusion["none"]["urgent"] + confusion["none"]["crisis"]) / n_none, 3)
        if n_none else None,
    }


def main() -> None:
    screener = RiskScreener()
    results: dict[str, object] = {}
    sets = [("peerbot_chat_cases (written with the rules: a regression set, not independent)", chat_cases()),
            ("peerbot_chat_holdout (written apart from the rules, never tuned on)", chat_cases(CHAT_HOLDOUT)),
            ("peerbot_chat_holdout_b (a second one, written later, never tuned on)", chat_cases(CHAT_HOLDOUT_B)),
            ("peerbot_chat_holdout_c (a third, in other voices, written in session 4, never tuned on)",
             chat_cases(CHAT_HOLDOUT_C)),
            ("peerbot_chat_holdout_d (a fourth, written after six rounds; see _data.py)",
             chat_cases(CHAT_HOLDOUT_D)),
            ("peerbot_chat_holdout_e (a fifth, written after ten rounds; see _data.py)", chat_cases(CHAT_HOLDOUT_E)),
            ("peerbot_chat_holdout_f (a sixth, written after every session-4 change, never tuned on)",
             chat_cases(CHAT_HOLDOUT_F)),
            ("peerbot_chat_holdout_g (a seventh, written in session 5; see _data.py)", chat_cases(CHAT_HOLDOUT_G)),
            ("peerbot_chat_holdout_h (an eighth, written at the start of session 6; see _data.py)",
             chat_cases(CHAT_HOLDOUT_H)),
            ("peerbot_chat_holdout_i (a ninth, written late in session 6, never tuned on)", chat_cases(CHAT_HOLDOUT_I)),
            ("peerbot_chat_holdout_j (a tenth, written near the end of session 6, never tuned on)",
             chat_cases(CHAT_HOLDOUT_J)),
            ("peerbot_chat_holdout_k (an eleventh, written at the end of session 6, never tuned on)",
             chat_cases(CHAT_HOLDOUT_K)),
            ("peerbot_chat_holdout_l (a twelfth, written at the start of session 7; see _data.py)",
             chat_cases(CHAT_HOLDOUT_L)),
            ("peerbot_chat_holdout_m (a thirteenth, written mid-session 7, never tuned on)",
             chat_cases(CHAT_HOLDOUT_M)),
            ("peerbot_chat_holdout_n (a fourteenth, written at the end of session 7, never tuned on)",
             chat_cases(CHAT_HOLDOUT_N)),
            ("peerbot_chat_holdout_o (a fifteenth, written at the start of session 8; see _data.py)",
             chat_cases(CHAT_HOLDOUT_O))]
    if "--chat-only" not in sys.argv:  # every set above is hand-written chat
        sets += list(shared_sets())
    for name, rows in sets:
        result = evaluate(name.split(" ")[0], rows, screener)
        results[name.split(" ")[0]] = result
        print(f"\n== {name}: {result['rows']} rows")
        print("expected \\ predicted  " + "  ".join(f"{t:>8}" for t in TIERS))
        confusion = result["confusion_expected_to_predicted"]
        assert isinstance(confusion, dict)
        for tier in TIERS:
            print(f"{tier:>20}  " + "  ".join(f"{confusion[tier][p]:>8}" for p in TIERS))
        print(f"urgent+crisis flagged urgent or higher: {result['urgent_or_crisis_flagged_urgent_plus']}; "
              f"crisis flagged crisis: {result['crisis_flagged_crisis']}; "
              f"risk-free flagged urgent or higher: {result['none_flagged_urgent_plus']}")
    # The rule gate must never change a result: compare with running every rule on every text.
    texts = [text for _, rows in sets for _, text in rows]
    mismatches = sum(1 for text in texts if screener.screen(text) != screener.screen_with_every_rule(text))
    print(f"\nrule gate: {mismatches} differences from running every rule, over {len(texts)} texts")
    results["rule_gate"] = {"texts": len(texts), "mismatches": mismatches}
    print(json.dumps({"rule_gate": results.pop("rule_gate")} | {name: {"per_tier": r["per_tier"],  # type: ignore[index]
                             "urgent_or_crisis_flagged_urgent_plus": r["urgent_or_crisis_flagged_urgent_plus"],  # type: ignore[index]
                             "crisis_flagged_crisis": r["crisis_flagged_crisis"],  # type: ignore[index]
                             "none_flagged_urgent_plus": r["none_flagged_urgent_plus"]}  # type: ignore[index]
                      for name, r in results.items()}))


if __name__ == "__main__":
    main()
