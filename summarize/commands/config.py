"""summarize config: the effective settings and where each one came from."""

from __future__ import annotations

import argparse
import json

from ..config import CONFIG_FILENAME, load_settings, user_config_path
from .common import default_format

EXAMPLES = f"""\
  summarize config                      # table: setting, value, source (default, file, env, flag)
  summarize config --format json        # the same as JSON
  SUMMARIZE_ENGINE=auto summarize config

Settings are read from {user_config_path()} then ./{CONFIG_FILENAME} (or the file named by
SUMMARIZE_CONFIG), then SUMMARIZE_<NAME> environment variables, then command-line flags.
Example {CONFIG_FILENAME}:
  engine = "auto"
  translate_model = "/models/opus-mt-zh-en"
  glossary = ["my-terms.tsv"]
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("rich", "json", "text"), help="output format")


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    rows = settings.get_with_source()
    fmt = default_format(args.format, "rich", "text")
    if fmt == "json":
        print(json.dumps({name: {"value": value, "source": source} for name, value, source in rows},
                         ensure_ascii=False, indent=2))
    elif fmt == "text":
        for name, value, source in rows:
            print(f"{name}\t{json.dumps(value, ensure_ascii=False)}\t{source}")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="Effective settings", title_justify="left")
        for column in ("setting", "value", "source"):
            table.add_column(column)
        for name, value, source in rows:
            table.add_row(name, json.dumps(value, ensure_ascii=False),
                          source if source != "default" else "[dim]default[/dim]")
        Console().print(table)
    return 0
