"""WordPress authors become the practice's clinicians, matched by name or created as drafts.

A WordPress author may be a clinician, an office manager, an agency or a test account
("Theme Buster"): a new one is a draft, not accepting clients, until the owner confirms it
by publishing it. Until then readers see the name on the article and nowhere else.
"""

import re

from django.utils.text import slugify

from quietroom.importers.places import RESERVED_UNDER_HOME, clinician_index_of
from quietroom.importers.sanitise import plain_text, shorten
from quietroom.importers.wxr import Author
from quietroom.practice.models import ClinicianPage

# What a WordPress login cannot hold (sanitize_user keeps letters, digits and _ . - @ space).
LOGIN_NOISE = re.compile(r"[^\w.@ -]")


class Clinicians:
    """Finds or creates one clinician per author login, once per import."""

    def __init__(self, run):
        self.run = run
        self.authors: dict[str, Author] = {}
        self.found: dict[str, ClinicianPage | None] = {}

    def add_author(self, author: Author) -> None:
        self.authors.setdefault(author.login, author)

    def for_login(self, login: str) -> ClinicianPage | None:
        """The clinician for `login` (dc:creator), or None for a post without one."""
        login = login.strip()
        # A stray character in a post's dc:creator (">themereviewteam") names no author.
        cleaned = LOGIN_NOISE.sub("", login)
        if login not in self.authors and cleaned in self.authors:
            login = cleaned
        if not login:
            return None
        if login not in self.found:
            self.found[login] = self._find_or_create(login)
        return self.found[login]

    def _find_or_create(self, login: str) -> ClinicianPage:
        record = self.run.record(f"author:{login}"[:255], "author")
        page = ClinicianPage.objects.filter(pk=record.page_id).first() if record.page_id else None
        if page:
            self.run.report.count("clinicians", "unchanged")
            return page
        author = self.authors.get(login) or Author(login=login)
        name = shorten(plain_text(author.name), 255) or login[:255]
        home = self.run.home
        page = ClinicianPage.objects.descendant_of(home).filter(title__iexact=name).first()
        if page:
            self.run.report.count("clinicians", "unchanged")
        else:
            index = clinician_index_of(home)
            slug = self.run.slugs.free(
                index, slugify(name)[:80] or "clinician", RESERVED_UNDER_HOME
            )
            page = ClinicianPage(title=name, slug=slug, live=False, accepting_new_clients=False)
            index.add_child(instance=page)
            page.save_revision()
            self.run.report.count("clinicians", "created")
            self.run.report.draft_clinicians.append(name)
        record.page = page
        record.complete = True
        record.save()
        return page
