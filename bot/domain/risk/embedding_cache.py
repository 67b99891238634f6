"""Embeddings of known texts kept on disk while training and measuring, so that each text is embedded once.

Outside the repository (never committed): `$PEERBOT_EMBEDDING_CACHE`, or `~/.cache/peerbot/embeddings.sqlite3`.
Each vector is keyed by the embedder's name and the text, so a different engine never reads another's vectors.
Used by the training script and the benchmarks only; the bot embeds each message once and keeps nothing.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bot.domain.risk.embedder import Embedder, Vectors


def default_path() -> Path:
    found = os.environ.get("PEERBOT_EMBEDDING_CACHE")
    return Path(found) if found else Path.home() / ".cache" / "peerbot" / "embeddings.sqlite3"


class CachedEmbedder:
    """An embedder that remembers every vector it has made, in a SQLite file."""

    def __init__(self, inner: Embedder, path: Path | None = None, batch: int = 32) -> None:
        self.inner = inner
        self.path = path or default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        self._batch = batch

    @property
    def name(self) -> str:
        return self.inner.name

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.inner.name}\0{text}".encode()).hexdigest()

    def embed(self, texts: Sequence[str]) -> Vectors:
        keys = [self._key(text) for text in texts]
        found: dict[str, bytes] = {}
        for at in range(0, len(keys), 500):
            chunk = keys[at:at + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk))
        missing = list(dict.fromkeys(text for text, key in zip(texts, keys, strict=True) if key not in found))
        for at in range(0, len(missing), self._batch):
            chunk = missing[at:at + self._batch]
            vectors = self.inner.embed(chunk)
            rows = [(self._key(text), vector.astype(np.float32).tobytes()) for text, vector in zip(chunk, vectors,
                                                                                                   strict=True)]
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
            self._db.commit()
            found.update(rows)
            if len(missing) > self._batch:
                print(f"\rembedded {min(at + self._batch, len(missing))}/{len(missing)}", end="", file=sys.stderr)
        if len(missing) > self._batch:
            print(file=sys.stderr)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([np.frombuffer(found[key], dtype=np.float32) for key in keys])
