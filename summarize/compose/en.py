"""The templated English summary (summary_en), 40-100 words, from the facts alone.

Sentences come from data/english/templates.toml in a fixed order: the opening (date, place,
event, or who led an inspection), who presided / spoke / reported / attended, the main
directives (the key points' English), then projects, slogans and targets while the word budget
lasts. Nothing is added that the facts do not hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

LONG_TITLE_WORDS = 6  # longer titles go after the name, between commas


@cache
def _config() -> dict[str, Any]:
    # english/ imports this module (render, headline), so its helpers are imported here, at first use.
    from ..text.datafiles import load_toml

    return load_toml("english/templates.toml")["summary"]


@dataclass
class Person:
    name_en: str
    title_en: str | None
    role: str


def date_en(date: str | None) -> str | None:
    """YYYY-MM-DD -> "June 7, 2023"; MM-DD -> "March 1"; anything else -> None."""
    from ..english.numbers import month_name

    if not date:
        return None
    parts = date.split("-")
    try:
        if len(parts) == 3:
            return f"{month_name(parts[1])} {int(parts[2])}, {int(parts[0])}"
        if len(parts) == 2:
            return f"{month_name(parts[0])} {int(parts[1])}"
    except (ValueError, IndexError):
        return None
    return None


def words(text: str) -> int:
    return len(text.split())


def join_list(items: Sequence[str], sep: str = ", ", last: str = " and ") -> str:
    """"a, b and c" (no serial comma), empty items left out; the one list joiner of the English."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return sep.join(items[:-1]) + last + items[-1]


def with_article(phrase: str) -> str:
    config = _config()
    if phrase.lower().startswith(("a ", "an ", "the ")):
        return phrase
    article = config["article_vowel"] if phrase[:1].lower() in "aeio" else config["article"]
    return f"{article} {phrase}"


class _Namer:
    """First mention: title and name ("County Party Secretary Ma Shengchun"); later: the surname alone
    ("Ma"), as news agencies write, unless two people share it."""

    def __init__(self, compact: bool = False, people: Sequence[Person] = (), place: str | None = None) -> None:
        self.seen: set[str] = set()
        self.place = place
        self.compact = compact  # leave long titles out, to fit the word budget
        surnames = [p.name_en.split()[0] for p in people if p.name_en and len(p.name_en.split()) == 2]
        counts = Counter(surnames)  # one count for all (list.count per surname was quadratic in many people)
        self.unique = {s for s, n in counts.items() if n == 1}

    def later(self, name: str) -> str:
        parts = name.split()
        return parts[0] if len(parts) == 2 and parts[0] in self.unique else name

    def __call__(self, person: Person) -> str:
        title = person.title_en
        long_title = bool(title) and (words(title or "") >= LONG_TITLE_WORDS or "," in (title or ""))
        if person.name_en in self.seen:
            return self.later(person.name_en)
        if not title or (self.compact and long_title):
            self.seen.add(person.name_en)
            return person.name_en
        self.seen.add(person.name_en)
        title = local_title(title, self.place)
        if words(title) >= LONG_TITLE_WORDS or "," in title:
            return f"{person.name_en}, {title},"
        return f"{title} {person.name_en}"


_UNITS = ("County", "District", "City", "Prefecture", "Town", "Township", "League", "Banner", "Province")


def local_title(title: str, place: str | None) -> str:
    """The news-agency order, place first: "District Party Secretary of Shangzhou" -> "Shangzhou District
    Party Secretary"; "County Party Secretary" in Minquan County -> "Minquan County Party Secretary"."""
    head, of, where = title.rpartition(" of ")
    if of and head.startswith(_UNITS) and " " not in where.strip() and where[:1].isupper():
        return f"{where} {head}"
    local = (place or "").split(" of ")[0].strip()
    for unit in _UNITS:
        if title.startswith(unit + " ") and local.endswith(" " + unit) and " of " not in title:
            return f"{local[: -len(unit) - 1]} {title}"
    return title


def plural_title(title: str) -> str:
    """"Vice Chairman of the X" -> "Vice Chairmen of the X"; "Deputy Director" -> "Deputy Directors"."""
    head, of, rest = title.partition(" of ")
    words_ = head.split()
    if not words_ or "," in title or " and " in head:
        return title
    last = words_[-1]
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif not last.endswith("s"):
        last += "s"
    return " ".join([*words_[:-1], last]) + of + rest


def _host(organizer: str | None, place: str | None) -> str | None:
    """The organ that held the event with its place: "the Gangu County Party Committee", "the Municipal
    People's Congress Standing Committee of Jiande"."""
    if not organizer:
        return None
    local = local_title(organizer, place)
    if local == organizer and place:
        return f"the {organizer} of {place.split(' of ')[0]}"
    return f"the {local}"


def _capitalize(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _fix_commas(sentence: str) -> str:
    # An appositive title before a verb ends with a comma; never before the final full stop.
    return sentence.replace(",.", ".").replace(", ,", ",").replace(",,", ",")


def _joined(sentences: Sequence[str]) -> str:
    return " ".join(_fix_commas(_capitalize(s)) for s in sentences).strip()


def build_summary(*, date: str | None, place: str | None, event_type: str, event: str | None,
                  people: Sequence[Person], key_points: Sequence[str], projects: Sequence[str],
                  campaigns: Sequence[str], targets: Sequence[str], compact: bool = False,
                  told: Sequence[tuple[str, str]] = (), organizer: str | None = None,
                  key_points_ing: Sequence[str] | None = None) -> str | None:
    """The summary sentences, fitted into the configured word range where the facts allow.

    ``key_points`` are rendered directives (verb phrases, no subject); ``key_points_ing`` the same in -ing
    form from the parse (used after "called for"; without it a word-level pass makes them); ``told`` holds
    directives addressed to someone (各部门要……): (subject, verb phrases).
    """
    config = _config()
    namer = _Namer(compact, people, place)
    day = date_en(date)
    when = config["when"].format(date=day) if day else ""
    by_role: dict[str, list[Person]] = {}
    for person in people:
        by_role.setdefault(person.role, []).append(person)
    leader = (by_role.get("led") or [None])[0]
    if leader is None and event_type in ("inspection", "research_visit") and people:
        leader = people[0]  # a visit is led by whoever the report puts first, even if it says 调研 not 带队
    default_event = config["events"].get(event_type, config["events"]["other"])
    sentences: list[str] = []
    projects_used = False
    presided_opening = False
    if leader is not None and event_type in ("inspection", "research_visit") or (leader and not event):
        if projects:
            where = config["where_projects"].format(projects=join_list(projects[:3]))
            projects_used = True
        else:
            where = config["where_place"].format(place=place) if place else ""
        template = config["opening_led"]
        if event_type == "research_visit" and place and not projects_used:
            template, where = config["opening_visit"], place  # news register: "X visited Y County"
        sentences.append(template.format(when=when, leader=namer(leader), event=default_event, where=where))
    elif by_role.get("presided") and event and config.get("opening_presided"):
        # News register: "On September 4, the Gangu County Party Committee held a standing committee meeting
        # presided over by County Party Secretary Jia Zhonghui."
        head, of, organ = event.rpartition(" of the ")
        if of and organ[:1].isupper() and not organizer and " and " not in head:
            event, organizer = head, organ  # never the organ of only the last of joint events (暨)
        host = _host(organizer, place) or place or "local officials"
        chairs = by_role["presided"]
        sentences.append(config["opening_presided"].format(when=when, host=host, event=with_article(event),
                                                           who=join_list([namer(p) for p in chairs])))
        by_role = {**by_role, "presided": []}
        presided_opening = True
    elif by_role.get("presided") and (when or event):
        # News register: "On May 5, County Party Secretary Ma Shengchun chaired a meeting in Weixi County."
        event_text = with_article(event) if event else default_event
        where = config["where_place"].format(place=place) if place else ""
        chairs = by_role["presided"]
        sentences.append(config["opening_chaired"].format(when=when, who=join_list([namer(p) for p in chairs]),
                                                          event=event_text, where=where))
        by_role = {**by_role, "presided": []}
    elif place or when:
        event_text = with_article(event) if event else default_event
        host = _host(organizer, place) or place or "local officials"
        sentences.append(config["opening"].format(when=when, place=host, event=event_text))
    # Roles.
    presiders = list(by_role.get("presided", []))
    speakers = list(by_role.get("spoke", []))
    both = [p for p in presiders if any(s.name_en == p.name_en for s in speakers)]
    if both:
        sentences.append(config["presided_spoke"].format(who=join_list([namer(p) for p in both])))
    rest_presiders = [p for p in presiders if p not in both]
    if rest_presiders:
        sentences.append(config["presided"].format(who=join_list([namer(p) for p in rest_presiders])))
    rest_speakers = [p for p in speakers if all(p.name_en != b.name_en for b in both) and p is not leader]
    if rest_speakers:
        sentences.append(config["spoke"].format(who=join_list([namer(p) for p in rest_speakers])))
    optional_roles: list[str] = []
    if by_role.get("reported"):
        optional_roles.append(config["reported"].format(who=join_list([namer(p) for p in by_role["reported"][:2]])))
    attendees = [p for p in by_role.get("attended", []) if p is not leader]
    if attendees:
        # A thin summary (no directive rendered) has room for who the attendees are.
        shown = attendees[:3]
        shared = {p.title_en for p in shown}
        if not key_points and len(shown) > 1 and len(shared) == 1 and None not in shared:
            # One title for all: "Vice Chairmen of the ... Xia Xisheng, Lü Jianyue and Wu Yueyan".
            title = plural_title(local_title(shown[0].title_en or "", place))
            named = [f"{title} {join_list([p.name_en for p in shown])}"]
        else:
            named = [namer(p) if not key_points else p.name_en for p in shown]
        optional_roles.append(config["attended"].format(who=join_list(named)))
    # Directives: from the first-listed official who spoke, presided or led (facts list by rank).
    main = next((p for p in people if p.role in ("spoke", "presided", "led")), None)
    speaker = namer(main) if main else "The meeting"
    budget = config["max_words"]
    base = _joined(sentences)
    points: list[str] = []
    directives = list(key_points)
    if config.get("directives_gerund") and key_points_ing is not None and len(key_points_ing) == len(key_points):
        directives = list(key_points_ing)  # "called for locking in targets", as news agencies write
    elif config.get("directives_gerund"):
        from ..english.grammar import english_adverbs, english_verbs, gerund_phrase

        directives = [gerund_phrase(point, english_verbs(), english_adverbs()) for point in key_points]
    for point in directives:
        candidate = config["directives"].format(speaker=speaker, points=join_list([*points, point], "; ", "; and "))
        if words(base) + words(candidate) <= budget - 5 or not points:
            points.append(point)
        else:
            break
    if points and presided_opening and main is not None and main.role == "presided" and len(sentences) == 1:
        # The chair's directives are the meeting's: "... presided over by X, which called for ..."
        sentences[0] = sentences[0].rstrip(".") + ", " + config["directives_which"].format(
            points=join_list(points, "; ", "; and "))
    elif points:
        sentences.append(config["directives"].format(speaker=speaker, points=join_list(points, "; ", "; and ")))
    for subject, predicate in told[:1]:
        candidate = config["told"].format(speaker=speaker if not points else "and", who=subject, points=predicate)
        if words(base) + words(candidate) + sum(words(p) for p in points) <= budget - 5:
            if points:  # one sentence: "... called for X, and told departments to Y."
                sentences[-1] = sentences[-1].rstrip(".") + ", " + candidate
            else:
                sentences.append(candidate)
    for extra in (
        *optional_roles,
        config["projects"].format(projects=join_list(projects[:3])) if projects and not projects_used else "",
        config["campaigns"].format(campaigns=join_list([f'"{c}"' for c in campaigns[:3]])) if campaigns else "",
        config["targets"].format(targets=join_list(targets[:2], "; ", "; and ")) if targets else "",
    ):
        text = _joined(sentences)
        if extra and words(text) + words(extra) <= budget and words(text) < config["min_words"] + 25:
            sentences.append(extra)
    text = _joined(sentences)
    if words(text) > budget and not compact:
        return build_summary(date=date, place=place, event_type=event_type, event=event, people=people,
                             key_points=key_points, projects=projects, campaigns=campaigns, targets=targets,
                             compact=True, told=told, organizer=organizer, key_points_ing=key_points_ing)
    while words(text) > budget and len(sentences) > 1:  # many long titles: keep the opening first
        sentences.pop(-2 if len(sentences) > 2 else -1)
        text = _joined(sentences)
    if words(text) > budget:  # a single overlong sentence (a huge headline): cut it
        text = " ".join(text.split()[: budget - 1]) + " ..."
    return text or None
