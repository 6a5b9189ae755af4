"""summarize prompts: list the prompt templates of the model engine and their variables."""

from __future__ import annotations

import argparse
import json

from ..config import load_settings
from ..errors import EXIT_OK

EXAMPLES = """\
  summarize prompts                          # every template, where it comes from, its variables
  summarize prompts --show instruct          # print one template as the model gets it (unfilled)
  summarize prompts --variables              # what each ${variable} holds
  summarize prompts --prompt-dir my_prompts  # templates in my_prompts/*.txt override the packaged ones
  summarize prompts --format json

A template is a .txt file: leading '#' lines describe it, the rest is sent to the model with ${name}
slots filled from the report's facts ($$ is a literal $)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--show", metavar="NAME", help="print the template NAME")
    parser.add_argument("--variables", action="store_true", help="list the variables a template may use")
    parser.add_argument("--prompt-dir", metavar="DIR", help="folder of templates overriding the packaged ones")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")


def run(args: argparse.Namespace) -> int:
    from ..model.prompts import VARIABLES, list_templates, load_template

    prompt_dir = load_settings({"prompt_dir": args.prompt_dir}).prompt_dir
    if args.variables:
        if args.format == "json":
            print(json.dumps(VARIABLES, ensure_ascii=False, indent=2))
        else:
            for name, meaning in VARIABLES.items():
                print(f"${{{name}}}".ljust(16) + meaning)
        return EXIT_OK
    if args.show:
        template = load_template(args.show, prompt_dir)
        if args.format == "json":
            print(json.dumps({"name": template.name, "path": str(template.path), "description": template.description,
                              "variables": template.variables, "body": template.body}, ensure_ascii=False, indent=2))
        else:
            print(f"# {template.path}\n# {template.description}\n{template.body}")
        return EXIT_OK
    templates = list_templates(prompt_dir)
    if args.format == "json":
        print(json.dumps([{"name": t.name, "path": str(t.path), "description": t.description,
                           "variables": t.variables} for t in templates], ensure_ascii=False, indent=2))
        return EXIT_OK
    for t in templates:
        print(f"{t.name:<14} {t.path}")
        print(f"{'':<14} variables: {', '.join(t.variables)}")
        print(f"{'':<14} {t.description}")
    return EXIT_OK
