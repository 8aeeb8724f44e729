"""One shared Kiwi instance per process (it takes seconds to load), with the domain dictionary."""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources

from kiwipiepy import Kiwi

_lock = threading.Lock()


def _user_words() -> list[tuple[str, str]]:
    """Domain terms (``word<TAB>tag`` per line) shipped in ``engine/text/data/user_words.txt``."""
    path = resources.files("pledgetrack.engine.text") / "data" / "user_words.txt"
    if not path.is_file():
        return []
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, tag = line.partition("\t")
        words.append((word.strip(), (tag.strip() or "NNP")))
    return words


@lru_cache(maxsize=1)
def get_kiwi() -> Kiwi:
    """The process-wide Kiwi with pledgetrack's user dictionary loaded. Thread-safe to create."""
    with _lock:
        kiwi = Kiwi(num_workers=1)
        for word, tag in _user_words():
            kiwi.add_user_word(word, tag)
        return kiwi
