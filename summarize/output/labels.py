"""Human labels shared by the Markdown and terminal views."""

EVENT_TYPE_LABELS = {
    "meeting": "meeting",
    "mobilization": "mobilization rally",
    "inspection": "on-site inspection",
    "research_visit": "research visit",
    "conference": "conference",
    "other": "other",
}

ROLE_LABELS = {
    "presided": "presided",
    "led": "led",
    "spoke": "spoke",
    "reported": "reported",
    "attended": "attended",
}


def date_line(event_date: str | None, published: str | None) -> str:
    parts = [event_date or "unknown"]
    if published and published != event_date:
        parts.append(f"(published {published})")
    return " ".join(parts)
