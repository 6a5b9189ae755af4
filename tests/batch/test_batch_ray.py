"""`summarize batch --ray`: the same outputs, index and failures as the local batch, on a local Ray runtime
and on a two-node cluster on 127.0.0.1; a driver killed with SIGKILL resumes like a local batch.

The Ray tests are slow (each Ray runtime takes seconds to start); they share one corpus (the seeds plus
200 generated reports, some broken) and one local batch run to compare against."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from seeds_util import REPO

from summarize.batch import batch
from summarize.batch.ray import NODES_FILE, plan_pool, ray_address
from summarize.batch.records import STATE_DIR
from summarize.cli import main
from summarize.config import Settings, load_settings
from summarize.errors import UsageError
from summarize.evaluation.corpus import SEEDS_DIR, generate_corpus, snapshot

LIMIT = 200_000
COUNT = 200


# --- without a Ray runtime -------------------------------------------------------------------------


def test_ray_option_and_setting_resolve_to_an_address() -> None:
    pytest.importorskip("ray")
    assert ray_address(None, None) is None
    assert ray_address(None, "off") is None
    assert ray_address("off", "auto") is None  # the option wins over the setting
    assert ray_address("local", None) == "local"
    assert ray_address(None, "auto") == "auto"
    assert ray_address("ray://127.0.0.1:10001", None) == "ray://127.0.0.1:10001"
    assert ray_address("127.0.0.1:6379", None) == "127.0.0.1:6379"
    with pytest.raises(UsageError, match="ADDRESS"):
        ray_address("reports/", None)


def test_ray_setting_is_read_from_the_config(tmp_path: Path) -> None:
    (tmp_path / "summarize.toml").write_text('ray = "auto"\n', encoding="utf-8")
    settings = load_settings(cwd=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    assert settings.ray == "auto"
    assert load_settings(cwd=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path / "xdg"), "SUMMARIZE_RAY": "off"}
                         ).ray == "off"


def test_without_ray_the_option_is_a_usage_error_saying_what_to_install(tmp_path: Path, monkeypatch,
                                                                       capsys) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # find_spec("ray") is None: as if not installed
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    code = main(["batch", str(SEEDS_DIR), "--out", str(tmp_path / "out"), "--ray"])
    err = capsys.readouterr().err
    assert code == 2
    assert "pip install 'summarize[ray]'" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # refused before anything was written


def test_an_address_nobody_listens_on_is_a_usage_error_at_once(tmp_path: Path, monkeypatch, capsys) -> None:
    pytest.importorskip("ray")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    started = time.monotonic()
    code = main(["batch", str(SEEDS_DIR), "--out", str(tmp_path / "out"), "--ray", f"127.0.0.1:{free_port()}"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot reach a Ray cluster" in err and "Traceback" not in err
    assert time.monotonic() - started < 30  # not Ray's minutes of retrying


def test_nothing_to_do_starts_no_ray(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    out = tmp_path / "out"
    batch(SEEDS_DIR, out, settings=Settings(), jobs=1)
    before = snapshot(out)
    again = batch(SEEDS_DIR, out, settings=Settings(), ray="local")  # no runtime: it would take seconds
    assert again.skipped == 5 and again.processed == again.failed == 0
    assert again.timings_s["warm_up"] == 0.0
    assert snapshot(out) == before


def test_the_local_batch_never_imports_ray(tmp_path: Path) -> None:
    code = ("import sys; from summarize.batch import batch; from summarize.config import Settings; "
            f"s = batch({str(SEEDS_DIR)!r}, {str(tmp_path / 'out')!r}, settings=Settings(), jobs=1); "
            "assert s.processed == 5, s; assert 'ray' not in sys.modules, 'ray was imported'")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_actors_are_sized_by_jobs_and_what_the_cluster_can_place() -> None:
    # Rules: a CPU each, as many as CPUs by default, never more than the cluster holds or reports to do.
    assert plan_pool(None, "rules", "auto", 1000, cpus=8, gpus=0, node_cpus=4).actors == 8
    assert plan_pool(3, "rules", "auto", 1000, cpus=8, gpus=0, node_cpus=4).actors == 3
    assert plan_pool(16, "rules", "auto", 1000, cpus=8, gpus=0, node_cpus=4).actors == 8
    assert plan_pool(None, "rules", "auto", 5, cpus=8, gpus=0, node_cpus=4).actors == 5
    # Model engine with GPUs: a GPU each; forced onto the CPU, no GPU.
    gpu = plan_pool(None, "model", "auto", 1000, cpus=16, gpus=2, node_cpus=8)
    assert (gpu.actors, gpu.num_gpus) == (2, 1.0)
    assert plan_pool(None, "model", "cpu", 1000, cpus=16, gpus=2, node_cpus=8).num_gpus == 0
    # Model engine on CPUs: one actor by default, with a node's cores for its threads.
    cpu = plan_pool(None, "model", "auto", 1000, cpus=16, gpus=0, node_cpus=8)
    assert (cpu.actors, cpu.num_cpus, cpu.num_gpus) == (1, 8.0, 0.0)
    assert plan_pool(4, "model", "auto", 1000, cpus=16, gpus=0, node_cpus=8).num_cpus == 4.0


# --- on Ray ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("ray") / "reports"
    generate_corpus(root, COUNT, max_bytes=LIMIT)
    (root / "seeds").mkdir()
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        shutil.copy(seed, root / "seeds" / seed.name)
    return root


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory) -> dict[str, object]:
    """What the local batch (--jobs 2) writes: every Ray run must write the same."""
    out = tmp_path_factory.mktemp("local") / "out"
    summary = batch(corpus, out, settings=Settings(max_bytes=LIMIT), jobs=2)
    assert summary.failed and summary.processed
    return outputs(out)


def outputs(out: Path) -> dict[str, object]:
    """Every file a batch wrote (timing fields aside), without the Ray run's node list."""
    files = snapshot(out)
    files.pop(f"{STATE_DIR}/{NODES_FILE}", None)
    return files


def index_rows(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_local_ray_runtime_writes_what_the_local_batch_writes(corpus, local_run, tmp_path: Path) -> None:
    pytest.importorskip("ray.data")
    out = tmp_path / "out"
    summary = batch(corpus, out, settings=Settings(max_bytes=LIMIT), jobs=2, ray="local")
    assert summary.jobs == 2 and not summary.interrupted
    assert summary.processed + summary.failed == COUNT + 5
    assert outputs(out) == local_run  # per-report JSON and Markdown, records, index.jsonl and index.csv
    failed = {row["path"]: row["error"] for row in index_rows(out) if row["status"] == "failed"}
    assert {f.path: f.error for f in summary.failures} == failed
    assert any(path.startswith("broken_") or "/broken_" in path for path in failed)
    assert all(failed.values())  # every broken file is listed with its reason
    nodes = json.loads((out / STATE_DIR / NODES_FILE).read_text(encoding="utf-8"))
    assert len(nodes["reports"]) == COUNT + 5 and len(nodes["nodes"]) == 1


# --- a two-node cluster on 127.0.0.1 ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A Ray head and one worker node on 127.0.0.1, 1 CPU each, in their own temp folder. Each `ray
    start` runs in a process group of its own, and the daemons it leaves behind stay in that group,
    so tearing down kills exactly these groups (never `ray stop`, which stops every Ray on the machine)."""

    def __init__(self) -> None:
        # Short: Ray's unix sockets live under it, and socket paths are limited to ~107 bytes.
        self.temp = Path(tempfile.mkdtemp(prefix="sray", dir="/tmp"))
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        # Token authentication on every node and driver (the token is Ray's own, in ~/.ray/auth_token).
        self.env = dict(os.environ, RAY_AUTH_MODE="token", RAY_USAGE_STATS_ENABLED="0")
        self.env.pop("RAY_ADDRESS", None)
        self.groups: list[int] = []

    def start(self) -> None:
        common = ["--node-ip-address=127.0.0.1", "--num-cpus=1", "--num-gpus=0", f"--temp-dir={self.temp}",
                  "--disable-usage-stats"]
        self._ray_start("--head", f"--port={self.port}", "--include-dashboard=false", *common)
        self._ray_start(f"--address={self.address}", *common)

    def _ray_start(self, *args: str) -> None:
        log = (self.temp / f"start-{len(self.groups)}.log").open("wb")
        proc = subprocess.Popen([str(Path(sys.executable).parent / "ray"), "start", *args], env=self.env,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.groups.append(proc.pid)
        assert proc.wait(timeout=120) == 0, (self.temp / f"start-{len(self.groups) - 1}.log").read_text()

    def stop(self) -> None:
        for group in reversed(self.groups):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)
        shutil.rmtree(self.temp, ignore_errors=True)


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("ray.data")
    started = Cluster()
    try:
        started.start()
        yield started
    finally:
        started.stop()


def records_done(out: Path) -> int:
    folder = out / STATE_DIR / "records"
    return sum(1 for _ in folder.rglob("*.json")) if folder.is_dir() else 0


def start_cli(corpus: Path, out: Path, cwd: Path, env: dict[str, str], address: str) -> subprocess.Popen:
    env = dict(env, PYTHONPATH=os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p),
               XDG_CONFIG_HOME=str(cwd / "xdg"), TERM="dumb")
    command = [sys.executable, "-m", "summarize", "batch", str(corpus), "--out", str(out),
               "--max-bytes", str(LIMIT), "--ray", address]
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


@pytest.mark.slow
def test_two_node_cluster_shares_the_work_and_writes_what_the_local_batch_writes(
        corpus, local_run, cluster, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = start_cli(corpus, out, tmp_path, cluster.env, cluster.address)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, stderr.decode()  # broken files fail, as in the local batch
    summary = json.loads(stdout)
    assert summary["jobs"] == 2  # one actor per CPU of the cluster
    assert outputs(out) == local_run
    nodes = json.loads((out / STATE_DIR / NODES_FILE).read_text(encoding="utf-8"))
    assert len(nodes["nodes"]) == 2, nodes["nodes"]  # both nodes summarized reports
    assert len(nodes["reports"]) == COUNT + 5


def wait_for_records(proc: subprocess.Popen, out: Path, at_least: int) -> None:
    deadline = time.monotonic() + 120
    while records_done(out) < at_least:
        assert proc.poll() is None, proc.communicate()[1].decode()
        assert time.monotonic() < deadline, "the Ray batch made no progress"
        time.sleep(0.05)


@pytest.mark.slow
def test_ctrl_c_then_kill_9_of_the_driver_then_rerun_equals_a_clean_run(corpus, local_run, cluster,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "out"
    # Ctrl-C: the driver stops reading results, ends the job, writes the index of what it got, exits 130.
    proc = start_cli(corpus, out, tmp_path, cluster.env, cluster.address)
    wait_for_records(proc, out, at_least=20)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends to the foreground group
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr.decode()
    assert "Traceback" not in stderr.decode()
    summary = json.loads(stdout)
    assert summary["interrupted"] is True
    rows = index_rows(out)
    assert len(rows) == summary["processed"] + summary["failed"] < COUNT + 5
    assert len({row["path"] for row in rows}) == len(rows)

    # kill -9 of the driver alone, mid-run: the cluster ends its job and its actors.
    proc = start_cli(corpus, out, tmp_path, cluster.env, cluster.address)
    wait_for_records(proc, out, at_least=records_done(out) + 20)
    proc.kill()
    proc.wait()
    assert records_done(out) < COUNT + 5

    proc = start_cli(corpus, out, tmp_path, cluster.env, cluster.address)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, stderr.decode()  # broken files fail, as in the local batch
    summary = json.loads(stdout)
    assert summary["skipped"] >= 30  # what the stopped runs finished was not redone
    assert "Traceback" not in stderr.decode()
    assert not list(out.rglob("*.tmp"))
    assert outputs(out) == local_run
