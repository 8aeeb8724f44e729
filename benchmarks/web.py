"""Web benchmark: dashboard and proposal page latency with 500 proposals × 10 actors and 100k passages.

Builds a throwaway SQLite workspace, serves the app on 127.0.0.1 (Django's threaded WSGI server),
logs in, and runs a bounded loop of sequential requests. Prints p50/p95/max per page in ms.

    .venv/bin/python -m benchmarks.web [--requests 60]

예시 데이터: the generated proposals and passages are synthetic (illustrative), not real pledges.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from http.cookiejar import CookieJar

TASKS, ACTORS, DOCS, PASSAGES_PER_DOC = 500, 10, 20, 5000
SENTENCE = "광주 {n}번 사업을 지원하겠습니다 (예시 문장)."


def build() -> int:
    """Fill the database; returns the id of one task to fetch."""
    from pledgetrack.documents.models import Document, Passage, Source
    from pledgetrack.matching.models import MatchCell
    from pledgetrack.registry.models import Actor, Campaign, Proposal
    from pledgetrack.site.roles import ensure_roles

    ensure_roles()
    campaign = Campaign.objects.create(name="기본 캠페인")
    actors = [Actor.objects.create(name=f"정당{i:02d}") for i in range(ACTORS)]
    tasks = Proposal.objects.bulk_create(
        [
            Proposal(
                campaign=campaign,
                code=f"T{i:03d}",
                title=f"예시 과제 {i}",
                level=("regional", "supra", "national")[i % 3],
                owner=f"부서{i % 12}",
                budget_won=(i + 1) * 10**11,
                position=i,
            )
            for i in range(TASKS)
        ]
    )
    docs = []
    for d in range(DOCS):
        sentences = [SENTENCE.format(n=n) for n in range(PASSAGES_PER_DOC)]
        text = "\n".join(sentences)
        source = Source.objects.create(actor=actors[d % ACTORS], name=f"공약_{d}.txt")
        doc = Document.objects.create(
            source=source,
            sha256=f"{d:064d}",
            filename=f"공약_{d}.txt",
            stored_path="-",
            size_bytes=len(text),
            status="done",
            text=text,
            pages=[
                {"page": 1 + i // 100, "start": i * 5000, "end": min((i + 1) * 5000, len(text)), "method": "text"}
                for i in range(len(text) // 5000 + 1)
            ],
        )
        offsets, start = [], 0
        for s in sentences:
            offsets.append((start, start + len(s)))
            start += len(s) + 1
        Passage.objects.bulk_create(
            [
                Passage(document=doc, ordinal=i, page=1 + s // 500000, start=s, end=e, text=text[s:e], text_hash=str(i))
                for i, (s, e) in enumerate(offsets)
            ],
            batch_size=5000,
        )
        docs.append((doc, text, offsets))
    cells = []
    for t in tasks:
        for a_index, actor in enumerate(actors):
            doc, text, offsets = docs[a_index]
            s, e = offsets[t.position * 7 % len(offsets)]
            cells.append(
                MatchCell(
                    proposal=t,
                    actor=actor,
                    machine_verdict=("reflected", "partial", "absent")[(t.pk + a_index) % 3],
                    score=0.5,
                    reasons=["예시 근거"],
                    evidence=[
                        {"document": doc.filename, "page": 1, "start": s, "end": e, "quote": text[s:e], "score": 0.5}
                    ],
                )
            )
    MatchCell.objects.bulk_create(cells, batch_size=2000)
    return tasks[TASKS // 2].pk


def serve() -> str:
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: object) -> None:
            return None

    server = ThreadedWSGIServer(("127.0.0.1", 0), Quiet)
    server.set_app(WSGIHandler())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def touch_a_cell() -> None:
    """Change one cell as a review would (new updated_at): the next dashboard cannot use its cache."""
    from pledgetrack.matching.models import MatchCell

    cell = MatchCell.objects.order_by("?").first()
    assert cell is not None
    cell.review_note = f"벤치마크 {time.perf_counter()}"
    cell.save(update_fields=["review_note", "updated_at"])


def measure(
    opener: urllib.request.OpenerDirector, url: str, n: int, before: Callable[[], None] | None = None
) -> list[float]:
    opener.open(url).read()  # warm-up
    times = []
    for _ in range(n):
        if before is not None:
            before()
        started = time.perf_counter()
        # Like a browser: ask for gzip and unpack it (the time includes decompression).
        with opener.open(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})) as response:
            body = response.read()
            if response.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            assert response.status == 200 and body
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    os.environ["PLEDGETRACK_DATA"] = tempfile.mkdtemp(prefix="pt-webbench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pledgetrack.site.settings")
    from pledgetrack.site.bootstrap import setup_django

    setup_django()
    started = time.perf_counter()
    task_id = build()
    print(
        f"data: {TASKS} tasks × {ACTORS} actors, {DOCS * PASSAGES_PER_DOC:,} passages "
        f"(built in {time.perf_counter() - started:.1f} s)"
    )
    from django.contrib.auth.models import User

    User.objects.create_superuser("bench", password="bench-password-예시")
    base = serve()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    login = opener.open(base + "/accounts/login/").read().decode()
    token = login.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    data = urllib.parse.urlencode(
        {"username": "bench", "password": "bench-password-예시", "csrfmiddlewaretoken": token}
    )
    opener.open(urllib.request.Request(base + "/accounts/login/", data=data.encode(), headers={"Referer": base})).read()
    pages: tuple[tuple[str, str, Callable[[], None] | None], ...] = (
        ("dashboard", "/", None),
        ("dashboard filtered", "/?level=supra", None),
        ("dashboard cold", "/", touch_a_cell),  # a cell changed before each request: nothing cached
        ("filtered cold", "/?level=supra", touch_a_cell),
        ("proposal", f"/proposals/{task_id}/", None),
    )
    for name, path, before in pages:
        times = sorted(measure(opener, base + path, args.requests, before))
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        print(
            f"{name:20s} n={len(times)} p50={statistics.median(times):.0f} ms p95={p95:.0f} ms max={times[-1]:.0f} ms"
        )


if __name__ == "__main__":
    main()
