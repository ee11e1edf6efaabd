"""The organisation's contact, privacy and accessibility settings: the footer's links and the
accessibility statement (toegankelijkheidsverklaring) the build generates (pages/accessibility.py).

Every Dutch public-facing site links these three in its footer. The statement follows the Dutch model
statement (digitoegankelijk.nl); its compliance status and date are a claim only the site's owner can
make, after checking the site, so they come from mkdocs.yml and are never filled in by the build: until
they are, the page says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sdg_stories.content.messages import messages
from sdg_stories.content.problems import Problem
from sdg_stories.content.web_address import is_web_address

# What an owner may write for the status, in either language, and what it means.
STATUSES = {
    "voldoet": "full", "voldoet volledig": "full", "compliant": "full", "fully compliant": "full",
    "voldoet gedeeltelijk": "partial", "partially compliant": "partial",
    "voldoet niet": "none", "not compliant": "none", "non-compliant": "none",
}
SHOWN_STATUSES = {"nl": "voldoet, voldoet gedeeltelijk, voldoet niet", "en": "compliant, partially compliant, not compliant"}
_FIELDS = ("status", "date", "method", "known_issues", "contact")


@dataclass(frozen=True)
class AccessibilityStatement:
    status: str | None = None  # "full", "partial", "none"; None: not filled in yet
    date: dt.date | None = None
    method: str | None = None  # how the site was checked, in the owner's words
    known_issues: tuple[str, ...] = ()
    contact: str | None = None  # where to report a problem; None: the contact_url

    @property
    def filled_in(self) -> bool:
        return self.status is not None and self.date is not None


@dataclass(frozen=True)
class OrganisationLinks:
    contact_url: str | None = None
    privacy_url: str | None = None
    statement: AccessibilityStatement = AccessibilityStatement()


def read_organisation_links(options: dict, file: str, language: str) -> tuple[OrganisationLinks, list[Problem]]:
    """contact_url, privacy_url and accessibility_statement of ``extra.sdg_stories``; a wrong value is a
    problem naming the setting, and is left out."""
    msg = messages(language)
    problems: list[Problem] = []

    def problem(key: str, message_id: str, **values: object) -> None:
        problems.append(Problem(file, None, f"extra.sdg_stories.{key}", msg(message_id, **values)))

    addresses: dict[str, str | None] = {}
    for key in ("contact_url", "privacy_url"):
        value = options.get(key)
        if value is not None and not is_link(value):
            problem(key, "settings.organisation-link", value=value)
            value = None
        addresses[key] = value.strip() if value else None
    raw = options.get("accessibility_statement")
    statement = AccessibilityStatement()
    if raw is not None and not isinstance(raw, dict):
        problem("accessibility_statement", "settings.statement.not-a-group")
    elif raw:
        key = "accessibility_statement"
        unknown = sorted(str(name) for name in raw if name not in _FIELDS)
        if unknown:
            problem(key, "settings.statement.unknown", names=", ".join(unknown), known=", ".join(_FIELDS))
        status = raw.get("status")
        if status is not None:
            status = STATUSES.get(" ".join(str(status).lower().split()))
            if status is None:
                problem(f"{key}.status", "settings.statement.status", value=raw.get("status"),
                        known=SHOWN_STATUSES[language])
        date = _date(raw.get("date"))
        if raw.get("date") is not None and date is None:
            problem(f"{key}.date", "settings.statement.date", value=raw.get("date"))
        method = raw.get("method")
        if method is not None and not (isinstance(method, str) and method.strip()):
            problem(f"{key}.method", "settings.statement.text")
            method = None
        issues = raw.get("known_issues") or []
        if isinstance(issues, str):
            issues = [issues]
        if not isinstance(issues, list) or not all(isinstance(issue, str) and issue.strip() for issue in issues):
            problem(f"{key}.known_issues", "settings.statement.issues")
            issues = []
        contact = raw.get("contact")
        if contact is not None and not is_link(contact):
            problem(f"{key}.contact", "settings.organisation-link", value=contact)
            contact = None
        statement = AccessibilityStatement(
            status=status, date=date, method=method.strip() if method else None,
            known_issues=tuple(issue.strip() for issue in issues), contact=contact.strip() if contact else None,
        )
    return OrganisationLinks(addresses["contact_url"], addresses["privacy_url"], statement), problems


def is_link(value: object) -> bool:
    """A full web address (content/web_address.py, the one test of one), or an e-mail address as mailto:
    (a contact may be either)."""
    if not isinstance(value, str):
        return False
    address = value.strip()
    if address.lower().startswith("mailto:"):
        mailbox = address[len("mailto:"):]
        return "@" in mailbox and is_web_address(f"https://{mailbox.rsplit('@', 1)[1]}") and " " not in mailbox
    return is_web_address(address)


def _date(value: object) -> dt.date | None:
    # YAML reads 2026-01-15 as a date; quoted, it is a string.
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
