"""Benchmark the translate path with the real opus-mt-zh-en architecture (random weights).

Not a test. Builds MarianMTModel from ../shared/models/opus-mt-zh-en-noweights/config.json (77.9M parameters,
random weights) with the real tokenizer, and times the tool's own code path (summarize.model.generate /
summarize.model.ct2) on sentences of the cleaned seed reports. Every sentence decodes exactly
--new-tokens tokens (min_new_tokens = max_new_tokens), so the cost is the real model's cost for that
output length even though the words are noise. CTranslate2 int8 runs the same random model, converted.
Each backend runs in its own process so that the memory columns are its own.

    python eval/bench_translate.py                       # default run, ~10 minutes on 2 busy cores
    python eval/bench_translate.py --sentences 16 --new-tokens 16 --json bench.json
    SUMMARIZE_TEST_OPUS_MT_DIR=/path/to/opus-mt-zh-en-noweights python eval/bench_translate.py
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarize.api import clean_file  # noqa: E402
from summarize.model.chunking import split_sentences  # noqa: E402
from summarize.model.generate import GenerationOptions, TransformersRunner, generate_all  # noqa: E402


def shared_dir() -> Path:
    return Path(os.environ.get("SUMMARIZE_TEST_OPUS_MT_DIR")
                or ROOT.parent / "shared" / "models" / "opus-mt-zh-en-noweights")


class PeakRss:
    """Samples this process's resident memory every 10 ms; .peak is the maximum seen."""

    def __init__(self):
        import psutil

        self.process = psutil.Process()
        self.peak = self.process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.01)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def corpus(count: int) -> tuple[list[str], float]:
    """``count`` sentences taken round-robin from the cleaned seeds, and the mean sentences per report."""
    per_report = [split_sentences(clean_file(p).text) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    mean = sum(map(len, per_report)) / len(per_report)
    picked, index = [], 0
    while len(picked) < count:
        for sentences in per_report:
            if index < len(sentences) and len(picked) < count:
                picked.append(sentences[index])
        index += 1
    return picked, mean


def run_config(runner, sentences, beams, batch, new_tokens, per_report) -> dict:
    options = GenerationOptions(num_beams=beams, max_new_tokens=new_tokens, min_new_tokens=new_tokens,
                                batch_size=batch)
    generate_all(runner, sentences[:batch], options)  # warm-up: first-call allocations are not the steady cost
    with PeakRss() as rss:
        before = rss.peak
        started = time.perf_counter()
        generate_all(runner, sentences, options)
        seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "tokens_per_s": round(len(sentences) * new_tokens / seconds, 1),
            "ms_per_sentence": round(1000 * seconds / len(sentences), 1),
            "ms_per_report": round(1000 * seconds / len(sentences) * per_report),
            "rss_before_mb": round(before / 2**20), "peak_rss_mb": round(rss.peak / 2**20)}


def trim_heap() -> None:
    """Give freed memory back to the OS (glibc keeps it otherwise), so RSS shows what is still used."""
    import contextlib
    import ctypes
    import ctypes.util

    with contextlib.suppress(OSError, AttributeError):  # not glibc: the RSS column includes freed memory
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


HEADER = ("\n| backend | beams | batch | tokens/s | ms/sentence | ms/report | RSS before MB | peak RSS MB |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")


def table_row(r: dict) -> str:
    return (f"| {r['backend']} | {r['beams']} | {r['batch']} | {r['tokens_per_s']} | {r['ms_per_sentence']} | "
            f"{r['ms_per_report']} | {r['rss_before_mb']} | {r['peak_rss_mb']} |")


def run_children(args: argparse.Namespace, backends: list[str]) -> int:
    """One process per backend, so each one's memory is its own; then one table for all."""
    import subprocess

    rows, meta = [], {}
    with tempfile.TemporaryDirectory(prefix="bench_translate_") as tmp:
        for backend in backends:
            out = Path(tmp) / f"{backend}.json"
            cmd = [sys.executable, __file__, "--backends", backend, "--json", str(out), "--sentences",
                   str(args.sentences), "--new-tokens", str(args.new_tokens), "--batch-sizes", args.batch_sizes,
                   "--beams", args.beams, "--threads", str(args.threads)]
            print(f"== {backend}", flush=True)
            if subprocess.run(cmd).returncode != 0:
                return 1
            data = json.loads(out.read_text())
            rows += data.pop("rows")
            meta = data
    print("\n== all backends" + HEADER)
    for row in rows:
        print(table_row(row))
    if args.json:
        from summarize.io import atomic_write_text

        atomic_write_text(args.json, json.dumps({**meta, "rows": rows}, indent=2))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=32, help="sentences per configuration (default 32)")
    parser.add_argument("--new-tokens", type=int, default=24, help="output tokens per sentence (default 24)")
    parser.add_argument("--batch-sizes", default="1,8,32")
    parser.add_argument("--beams", default="1,4")
    parser.add_argument("--backends", default="transformers,ctranslate2")
    parser.add_argument("--threads", type=int, default=0,
                        help="CPU threads for both backends (default: torch's default, every core)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args()

    backends = [b for b in args.backends.split(",") if b]
    if len(backends) > 1:
        return run_children(args, backends)
    folder = shared_dir()
    if not (folder / "config.json").is_file():
        print(f"bench_translate: {folder} not found (set SUMMARIZE_TEST_OPUS_MT_DIR)", file=sys.stderr)
        return 2
    import psutil
    import torch
    from transformers import AutoTokenizer, MarianConfig, MarianMTModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    if args.threads:
        torch.set_num_threads(args.threads)
    sentences, per_report = corpus(args.sentences)
    tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    input_tokens = sum(len(tokenizer(s)["input_ids"]) for s in sentences)
    torch.manual_seed(0)
    model = MarianMTModel(MarianConfig.from_pretrained(str(folder))).eval()
    runners = {}
    if "transformers" in args.backends:
        runners["transformers fp32"] = TransformersRunner("opus-mt-zh-en", model, tokenizer, "cpu", "float32")
    tmp = tempfile.TemporaryDirectory(prefix="bench_translate_")
    parameters = sum(p.numel() for p in model.parameters())
    if "ctranslate2" in args.backends:
        import gc

        from summarize.model.ct2 import convert, load_ct2_runner

        saved = Path(tmp.name) / "hf"
        model.save_pretrained(str(saved))
        tokenizer.save_pretrained(str(saved))
        del model  # this process measures CTranslate2 alone: the torch copy is only needed for the conversion
        gc.collect()
        trim_heap()
        started = time.perf_counter()
        convert(saved, target=Path(tmp.name) / "ct2")
        print(f"ctranslate2 conversion: {time.perf_counter() - started:.1f} s (once per model, cached)")
        runners["ctranslate2 int8"] = load_ct2_runner(Path(tmp.name) / "ct2", device="cpu", dtype="auto",
                                                       threads=torch.get_num_threads())
        runners["ctranslate2 int8"].tokenizer = tokenizer
    print(f"machine: {os.cpu_count()} CPUs, torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM, load average {os.getloadavg()[0]:.1f}")
    print(f"model: opus-mt-zh-en architecture, {parameters / 1e6:.1f}M parameters, random weights")
    print(f"workload: {len(sentences)} sentences from the 5 cleaned seeds ({input_tokens} input tokens), "
          f"{args.new_tokens} output tokens each; a report averages {per_report:.1f} sentences")
    rows = []
    print(HEADER)
    for name, runner in runners.items():
        for beams in map(int, args.beams.split(",")):
            for batch in map(int, args.batch_sizes.split(",")):
                result = {"backend": name, "beams": beams, "batch": batch,
                          **run_config(runner, sentences, beams, batch, args.new_tokens, per_report)}
                rows.append(result)
                print(table_row(result), flush=True)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} (other work on the machine slows every row)")
    if args.json:
        from summarize.io import atomic_write_text

        atomic_write_text(args.json, json.dumps({"sentences": len(sentences), "new_tokens": args.new_tokens,
                                                 "sentences_per_report": per_report, "rows": rows}, indent=2))
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
