"""Prompt templates: plain-text files with ``${name}`` slots filled from the report's facts.

A template's leading lines that start with ``#`` are its description (shown by ``summarize prompts``) and
are not sent to the model. Templates come from --prompt-dir (settings.prompt_dir) when it holds a file of
that name, else from the packaged ``prompts/`` folder.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from ..document import Report
from ..errors import UsageError

SUFFIX = ".txt"


@dataclass
class Template:
    name: str
    path: Path
    description: str
    body: str

    @property
    def variables(self) -> list[str]:
        return list(dict.fromkeys(string.Template(self.body).get_identifiers()))

    @property
    def is_identity(self) -> bool:
        """The template sends the text as it is (e.g. translation with opus-mt)."""
        return self.body.strip() == "${text}"


def packaged_dir() -> Path:
    """The shipped templates: the ``summarize.prompts`` package when installed, else ./prompts in a checkout."""
    try:
        from importlib.resources import files

        return Path(str(files("summarize.prompts")))
    except (ModuleNotFoundError, TypeError):
        return Path(__file__).resolve().parents[2] / "prompts"


def template_dirs(prompt_dir: str | None) -> list[Path]:
    dirs = []
    if prompt_dir:
        user = Path(prompt_dir).expanduser()
        if not user.is_dir():
            raise UsageError("prompt directory not found", path=str(user))
        dirs.append(user)
    dirs.append(packaged_dir())
    return dirs


def parse_template(name: str, path: Path) -> Template:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = 0
    while head < len(lines) and lines[head].startswith("#"):
        head += 1
    description = " ".join(line.lstrip("#").strip() for line in lines[:head]).strip()
    body = "\n".join(lines[head:]).strip("\n")
    template = Template(name, path, description, body)
    unknown = [v for v in template.variables if v not in VARIABLES]
    if unknown or not string.Template(body).is_valid():
        raise UsageError(f"template uses unknown variables {unknown or '(malformed $ placeholder)'}; known: "
                         f"{', '.join(VARIABLES)} (write $$ for a literal $)", path=str(path))
    return template


def list_templates(prompt_dir: str | None = None) -> list[Template]:
    """Every template, the --prompt-dir one winning over the packaged one of the same name."""
    found: dict[str, Template] = {}
    for folder in reversed(template_dirs(prompt_dir)):
        for path in sorted(folder.glob("*" + SUFFIX)):
            found[path.stem] = parse_template(path.stem, path)
    return [found[k] for k in sorted(found)]


def load_template(name: str, prompt_dir: str | None = None) -> Template:
    for folder in template_dirs(prompt_dir):
        path = folder / (name + SUFFIX)
        if path.is_file():
            return parse_template(name, path)
    raise UsageError(f"no prompt template named {name!r} (looked in "
                     f"{', '.join(str(d) for d in template_dirs(prompt_dir))})")


# name -> what it holds; every template variable must be one of these.
VARIABLES: dict[str, str] = {
    "text": "the clean report text (or the current chunk / sentence of it)",
    "title": "the headline, Simplified Chinese",
    "date": "the event date (YYYY-MM-DD or MM-DD), else the publication date",
    "published": "the publication date",
    "place": "the jurisdiction, Chinese",
    "place_en": "the jurisdiction, English",
    "source": "the outlet or office credited",
    "event_type": "meeting, mobilization, inspection, research_visit, conference or other",
    "officials": "officials as 'title name (role)', one per line, Chinese",
    "officials_en": "officials as 'Name, title (role)', one per line, English",
    "key_points": "the key points, one per line, numbered",
    "campaigns": "named campaigns and slogans, separated by '; '",
    "projects": "named projects, separated by '; '",
    "summary_zh": "the Chinese summary (the rules one, or the verified model one)",
}


def variables_from(report: Report, text: str | None = None) -> dict[str, str]:
    """The values of every variable for ``report``; missing facts become an empty string."""
    facts, english = report.facts, report.english
    officials = [f"{o.title or ''}{o.name}（{o.role}）" for o in facts.officials]
    officials_en = [f"{o.name_en or o.name}, {o.title_en or o.title or ''} ({o.role})".replace(",  (", " (")
                    for o in facts.officials]
    return {
        "text": report.text if text is None else text,
        "title": facts.title or report.metadata.title or "",
        "date": facts.event_date or facts.published or "",
        "published": facts.published or "",
        "place": facts.jurisdiction or "",
        "place_en": english.jurisdiction_en or "",
        "source": facts.source or "",
        "event_type": facts.event_type or "",
        "officials": "\n".join(officials),
        "officials_en": "\n".join(officials_en),
        "key_points": "\n".join(f"{i}. {k.text}" for i, k in enumerate(facts.key_points, 1)),
        "campaigns": "; ".join(c.text for c in facts.campaigns),
        "projects": "; ".join(p.text for p in facts.projects),
        "summary_zh": facts.summary_zh or "",
    }


def render(template: Template, values: dict[str, str]) -> str:
    return string.Template(template.body).substitute(values).strip()


def fill_text(body_or_template: str | Template, text: str) -> str:
    """Fill only ``${text}`` (per-sentence prompts); other slots are left for ``render``."""
    body = body_or_template.body if isinstance(body_or_template, Template) else body_or_template
    return string.Template(body).safe_substitute(text=text).strip()
