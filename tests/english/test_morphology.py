"""English word classes and inflections: the shipped table (data/english/morphology.tsv) and LemmInflect."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from summarize.english import morphology

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("make_morphology", ROOT / "eval" / "tools" / "make_morphology.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_lists_every_english_word_of_the_built_in_data():
    missing = sorted(_tool().english_words() - set(morphology._table()))
    assert not missing, f"rerun eval/tools/make_morphology.py: {missing[:20]}"


def test_the_table_agrees_with_lemminflect():
    tool = _tool()
    table = (ROOT / "summarize" / "data" / "english" / "morphology.tsv").read_text(encoding="utf-8").splitlines()
    rows = {line.split("\t")[0]: line for line in table if line and not line.startswith("#")}
    for word in ("hear", "traffic", "starts", "basic", "satisfied", "efficient", "abandoned"):
        assert rows[word] == tool.row(word)


def test_answers():
    assert morphology.past_tense("hear") == "heard"
    assert morphology.present_participle("deter") == "deterring"
    assert morphology.past_participle("make") == "made"
    assert morphology.plural_agreement("starts") == "start" and morphology.plural_agreement("is") == "are"
    assert morphology.only_adjective("basic") and not morphology.only_adjective("development")
    assert morphology.word_classes("high-quality") == {"ADJ"} and morphology.word_classes("two words") == set()


def test_built_in_words_do_not_load_lemminflect_and_others_do():
    code = ("import sys; from summarize.english import morphology as m; m.past_tense('hear'); m.word_classes('policy');"
            "print('lemminflect' in sys.modules); m.word_classes('zygote'); print('lemminflect' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]
