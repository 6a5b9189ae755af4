"""Datasette serves a batch's summaries.db with its metadata.json: people, reports and full-text search."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from seeds_util import SEEDS

from summarize.batch import batch
from summarize.config import Settings
from summarize.database.query import all_rows

pytest.importorskip("datasette")  # the explore extra; the dev extra installs it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(base: str, path: str, **params: str) -> object:
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{base}{path}?{query}", timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    src = tmp_path_factory.mktemp("datasette") / "reports"
    src.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, src / seed.name)
    out = src.parent / "out"
    batch(src, out, settings=Settings(), jobs=1, formats=("json",))
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(out / "summaries.db"),
                             "--metadata", str(out / "metadata.json"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                fetch(base, "/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stdout.read().decode() if proc.stdout else "no datasette") from None
                time.sleep(0.2)
        yield base, out
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_people_and_reports_endpoints(served) -> None:
    base, out = served
    rows = all_rows(out / "summaries.db")
    people = fetch(base, "/summaries/people.json", _shape="array", _size="max")
    assert sorted(p["id"] for p in people) == sorted(row[0] for row in rows["people"])
    assert len(people) >= 10 and all(p["name"] and p["merged_by"] for p in people)
    reports = fetch(base, "/summaries/reports.json", _shape="array", _size="max")
    assert sorted(r["path"] for r in reports) == sorted(seed.name for seed in SEEDS)
    first = next(r for r in reports if r["path"] == SEEDS[0].name)
    result = json.loads((out / f"{SEEDS[0].name}.json").read_text(encoding="utf-8"))
    assert (first["title"], first["summary_en"], first["jurisdiction"]) == (
        result["title"], result["summary_en"], result["jurisdiction"])


def test_full_text_query_and_metadata(served) -> None:
    base, out = served
    result = json.loads((out / f"{SEEDS[1].name}.json").read_text(encoding="utf-8"))
    official = next(o for o in result["officials"] if len(o["name"]) >= 3)  # trigram search: 3+ characters
    found = fetch(base, "/summaries/reports.json", _search=official["name"], _shape="array")
    assert SEEDS[1].name in {r["path"] for r in found}
    assert len(found) < len(SEEDS)
    english = fetch(base, "/summaries/reports.json", _search=official["name_en"], _shape="array")
    assert SEEDS[1].name in {r["path"] for r in english}
    faceted = fetch(base, "/summaries/reports.json", _facet="event_type")
    assert "event_type" in faceted["facet_results"]
    meta = fetch(base, "/-/metadata.json")
    assert "people" in meta["databases"]["summaries"]["tables"]
