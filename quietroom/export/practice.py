"""Back up and restore one practice of a deployment that hosts many, leaving the others alone.

What belongs to a practice is said once, in `practice_rows`: its site and pages (with their
revisions, log, comments, tags, restrictions and workflow), its blog categories, settings,
redirects, inbox (ciphertext and key ring: the archive opens with the deployment's keys, as
the deployment's own backups do), subscribers, statistics and import records; its
collections with their images, renditions and documents; its groups and their permissions;
and the accounts that belong to no other practice. Tags are shared by every practice, so
those it uses are carried and put back only where missing, never changed.

A restore deletes what `practice_rows` finds for the hostname now and loads the archive's
rows under their own ids, in one transaction; ids another practice has taken since are
refused, naming them, and nothing changes. Media files are written once the rows are in.
"""

import json
import os
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Comment,
    CommentReply,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    PageLogEntry,
    PageSubscription,
    PageViewRestriction,
    ReferenceIndex,
    Revision,
    Site,
    TaskState,
    WorkflowPage,
    WorkflowState,
)
from wagtail.search.backends import get_search_backend
from wagtail.users.models import UserProfile

from quietroom.blog.models import ArticlePage, ArticlePageTag, BlogCategory
from quietroom.core import generation
from quietroom.core.models import CustomImage, CustomRendition
from quietroom.export import media_files
from quietroom.export.archive import (
    DATA,
    FORMAT,
    MANIFEST,
    MEDIA,
    TYPES,
    VERSION,
    BackupError,
    sha256,
    unpack,
)
from quietroom.export.serial import register
from quietroom.importers.models import ImportedItem
from quietroom.inbox.models import AccessLogEntry, ConsultationRequest, InboxGroupSite, SiteKeyRing
from quietroom.stats.models import PageDay, ReferrerDay
from quietroom.subscriptions.models import AddressAccess, Mailing, MonthlyDigest, Subscriber

# Rows every practice may use: carried so the archive loads anywhere, never overwritten.
SHARED = (Tag,)


@dataclass(frozen=True)
class PracticeReport:
    hostname: str
    rows: int
    pages: int
    media_files: int


def find_site(hostname: str) -> Site:
    site = Site.objects.filter(hostname=hostname.strip().lower().rstrip(".")).first()
    if site is None:
        raise BackupError(f"No practice at {hostname}.")
    return site


def practice_rows(site: Site) -> list:
    """Every queryset of the practice at `site`, in the order they load."""
    pages = site.root_page.get_descendants(inclusive=True)
    page_ids = list(pages.values_list("pk", flat=True))
    page_keys = [str(pk) for pk in page_ids]
    page_type = ContentType.objects.get_for_model(Page)
    groups = Group.objects.filter(
        pk__in=InboxGroupSite.objects.filter(site=site).values("group")
    ).order_by("pk")
    tops = Collection.objects.filter(
        pk__in=GroupCollectionPermission.objects.filter(group__in=groups).values("collection")
    )
    collection_ids = set()
    for top in tops:
        collection_ids |= set(top.get_descendants(inclusive=True).values_list("pk", flat=True))
    collections = Collection.objects.filter(pk__in=collection_ids).order_by("path")
    users = (
        get_user_model()
        .objects.filter(groups__in=groups)
        .exclude(groups__in=Group.objects.exclude(pk__in=groups.values("pk")))
        .distinct()
        .order_by("pk")
    )
    images = CustomImage.objects.filter(collection__in=collections).order_by("pk")
    articles = ArticlePage.objects.filter(pk__in=page_ids)
    workflow_states = WorkflowState.objects.filter(
        base_content_type=page_type, object_id__in=page_keys
    )
    requests = ConsultationRequest.objects.filter(site=site).order_by("pk")
    settings_models = [model for model in apps.get_models() if issubclass(model, BaseSiteSetting)]
    # The base table first, then each subclass's own (a raw save writes only its own table).
    page_models = sorted(
        (model for model in apps.get_models() if issubclass(model, Page)),
        key=lambda model: len(model._meta.get_parent_list()),
    )
    return [
        collections,
        groups,
        users,
        UserProfile.objects.filter(user__in=users),
        TOTPDevice.objects.filter(user__in=users),
        StaticDevice.objects.filter(user__in=users),
        StaticToken.objects.filter(device__user__in=users),
        images,
        CustomRendition.objects.filter(image__in=images).order_by("pk"),
        get_document_model().objects.filter(collection__in=collections).order_by("pk"),
        Tag.objects.filter(
            pk__in=ArticlePageTag.objects.filter(content_object__in=articles).values("tag")
        ),
        *(model._base_manager.filter(pk__in=page_ids).order_by("pk") for model in page_models),
        Site.objects.filter(pk=site.pk),
        BlogCategory.objects.filter(site=site).order_by("pk"),
        ArticlePageTag.objects.filter(content_object__in=articles).order_by("pk"),
        Revision.objects.filter(base_content_type=page_type, object_id__in=page_keys).order_by(
            "pk"
        ),
        PageLogEntry.objects.filter(page_id__in=page_ids).order_by("pk"),
        Comment.objects.filter(page_id__in=page_ids).order_by("pk"),
        CommentReply.objects.filter(comment__page_id__in=page_ids).order_by("pk"),
        PageSubscription.objects.filter(page_id__in=page_ids).order_by("pk"),
        PageViewRestriction.objects.filter(page_id__in=page_ids).order_by("pk"),
        WorkflowPage.objects.filter(page_id__in=page_ids),
        workflow_states.order_by("pk"),
        TaskState.objects.filter(workflow_state__in=workflow_states).order_by("pk"),
        GroupPagePermission.objects.filter(group__in=groups).order_by("pk"),
        GroupCollectionPermission.objects.filter(group__in=groups).order_by("pk"),
        GroupSitePermission.objects.filter(site=site).order_by("pk"),
        CollectionViewRestriction.objects.filter(collection__in=collections).order_by("pk"),
        InboxGroupSite.objects.filter(site=site).order_by("pk"),
        *(model.objects.filter(site=site) for model in settings_models),
        Redirect.objects.filter(site=site).order_by("pk"),
        SiteKeyRing.objects.filter(site=site),
        requests,
        AccessLogEntry.objects.filter(request_id__in=requests.values("pk")).order_by("pk"),
        *(
            model.objects.filter(site=site).order_by("pk")
            for model in (Subscriber, Mailing, MonthlyDigest, AddressAccess, PageDay, ReferrerDay)
        ),
        ImportedItem.objects.filter(site=site).order_by("pk"),
    ]


def media_names(rows: list) -> list[str]:
    """The names of every file the practice's images, renditions and documents among `rows`
    use."""
    with_files = (CustomImage, CustomRendition, get_document_model())
    return sorted({row.file.name for row in rows if isinstance(row, with_files) and row.file})


def backup_practice(hostname: str, file: Path | str) -> PracticeReport:
    """Write the practice at `hostname` (rows and media) to the archive `file` (tar.gz, 0600)."""
    site = find_site(hostname)
    file = Path(file).resolve()
    if file.is_dir():
        raise BackupError(f"{file} is a folder; give the name of the archive to write.")
    file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=file.parent) as work:
        work = Path(work)
        with transaction.atomic():
            rows = [row for queryset in practice_rows(site) for row in queryset]
        names = media_names(rows)
        data, types = work / DATA, work / TYPES
        types.write_text("[]\n")  # content types and permissions are the deployment's own
        with data.open("w") as handle:
            serializers.serialize(register(), rows, stream=handle, indent=1)
        media = []
        for name in names:
            if not default_storage.exists(name):
                continue  # a rendition already gone is made again on the next read
            target = work / MEDIA / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name) as source, target.open("wb") as copy:
                copy.write(source.read())
            media.append((name, target))
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "practice": site.hostname,
            "created": timezone.now().isoformat(),
            "counts": {"rows": len(rows), "pages": site.root_page.get_descendant_count() + 1},
            "data": {TYPES: {"sha256": sha256(types)}, DATA: {"sha256": sha256(data)}},
            "media": [
                {"path": name, "size": path.stat().st_size, "sha256": sha256(path)}
                for name, path in media
            ],
            "note": "The inbox is sealed with this practice's key ring, itself sealed with the "
            "deployment's inbox keys, which are not in this archive.",
        }
        partial = work / "practice.tar.gz"
        handle = os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        with handle, tarfile.open(fileobj=handle, mode="w:gz") as archive:
            manifest_file = work / MANIFEST
            manifest_file.write_text(json.dumps(manifest, indent=1))
            archive.add(manifest_file, MANIFEST)
            archive.add(types, TYPES)
            archive.add(data, DATA)
            for name, path in media:
                archive.add(path, f"{MEDIA}/{name}", recursive=False)
        os.replace(partial, file)
    return PracticeReport(site.hostname, len(rows), manifest["counts"]["pages"], len(media))


def restore_practice(hostname: str, file: Path | str, force: bool = False) -> PracticeReport:
    """Replace the practice at `hostname` with the archive `file` (made by backup_practice
    for that hostname); every other practice's rows and files stay as they are."""
    file = Path(file).resolve()
    if not file.is_file():
        raise BackupError(f"{file} does not exist.")
    hostname = hostname.strip().lower().rstrip(".")
    with tempfile.TemporaryDirectory(prefix=".restore-") as work:
        opened = unpack(file, Path(work))
        practice = opened.manifest.get("practice")
        if practice is None:
            raise BackupError(
                f"{file.name} is a backup of the whole deployment; restore it without --site."
            )
        if practice != hostname:
            raise BackupError(f"{file.name} is a backup of {practice}, not of {hostname}.")
        existing = Site.objects.filter(hostname=hostname).first()
        if existing is not None and not force:
            raise BackupError(
                f"{hostname} exists. Restoring replaces all of it: run again with --force."
            )
        media = {
            item["path"]: opened.media / item["path"] for item in opened.manifest.get("media", [])
        }
        if transaction.get_connection().in_atomic_block:
            # Wagtail removes a deleted image's files when the transaction commits: inside
            # another transaction that would come after the archive's files were written.
            raise BackupError("A practice is restored in a transaction of its own.")
        try:
            with transaction.atomic():
                if existing is not None:
                    _delete_practice(existing)
                loaded = _load(opened.data)
        except IntegrityError as error:  # checked at commit: a row the backup points at is gone
            raise BackupError(
                f"The practice's rows could not be loaded ({str(error)[:200]}); nothing was "
                "changed."
            ) from error
        # Committed, so Wagtail has removed the files the deleted rows used (often the same
        # names): the archive's are written now, last.
        written, failed = _write_media(media)
        if failed:
            raise BackupError(
                f"The practice's rows were restored, but {len(failed)} media file(s) could not "
                f"be written ({failed[0][:200]}). Run the same restore again to finish."
            )
    site = Site.objects.get(hostname=hostname)
    _index(site)
    generation.bump_site(site.pk)
    return PracticeReport(hostname, loaded, site.root_page.get_descendant_count() + 1, len(written))


def _delete_practice(site: Site) -> None:
    """Delete what practice_rows finds, shared rows excepted."""
    # Fixed now: each queryset finds its rows through others (groups through the inbox's
    # site bindings, images through collections) that are deleted before it.
    rows = [
        queryset.model._base_manager.filter(pk__in=list(queryset.values_list("pk", flat=True)))
        for queryset in practice_rows(site)
    ]
    root = Page.objects.get(pk=site.root_page_id)
    collections = rows[0]
    for queryset in reversed(rows):
        model = queryset.model
        if model in SHARED or issubclass(model, (Page, Collection)) or model is Site:
            continue
        if model in (CustomImage, get_document_model()):
            for item in queryset:
                item.delete()  # one by one, as remove_practice: Wagtail removes the files
            continue
        queryset.delete()
    page_ids = list(root.get_descendants(inclusive=True).values_list("pk", flat=True))
    Site.objects.filter(pk=site.pk).delete()
    root.delete()
    PageLogEntry.objects.filter(page_id__in=page_ids).delete()  # Wagtail logs each deletion
    Collection.objects.filter(pk__in=list(collections.values_list("pk", flat=True))).delete()


def _load(data: Path) -> int:
    count, models = 0, set()
    try:
        with data.open() as handle:
            for item in serializers.deserialize("json", handle, ignorenonexistent=False):
                model = type(item.object)
                taken = model._base_manager.filter(pk=item.object.pk).exists()
                if taken and model in SHARED:
                    continue
                if taken:
                    raise BackupError(
                        f"{model._meta.verbose_name} {item.object.pk} of the backup is used by "
                        "another practice now; nothing was changed."
                    )
                item.save()
                models.add(model)
                count += 1
    except (IntegrityError, serializers.base.DeserializationError) as error:
        raise BackupError(
            f"The practice's rows could not be loaded ({str(error)[:200]}); nothing was changed."
        ) from error
    _count_children()
    # Rows saved with their own ids leave PostgreSQL's sequences behind them, as loaddata would.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    return count


def _count_children() -> None:
    """Rows loaded as they were leave their parents' child counts as they are: recount the
    two trees' tops, which the practice's root page and collection hang from."""
    for model in (Page, Collection):
        top = model.get_first_root_node()
        model.objects.filter(pk=top.pk).update(numchild=top.get_children().count())


def _write_media(media: dict[str, Path]) -> tuple[list[str], list[str]]:
    """Write every file; the names written, and a line for each that failed."""
    written, failed = [], []
    for name, path in media.items():
        try:
            media_files.put(name, path)
        except Exception as error:
            failed.append(f"{name}: {error}")
        else:
            written.append(name)
    return written, failed


def _index(site: Site) -> None:
    backend = get_search_backend()
    for page in site.root_page.get_descendants(inclusive=True).specific():
        ReferenceIndex.create_or_update_for_object(page)
        backend.add(page)
