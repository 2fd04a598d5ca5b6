"""Caching with correct invalidation, and memoisation for the length of one request.

Cached HTML (the dashboard's figures, filter panels and results of the measure and actor lists,
a measure's page) is stored under a key that contains the *data version*: a token that every
save or delete of a record (and every change of a many-to-many relation) replaces, so that a
change shows on the next page load at once. Writes that no page shows (sessions, the admin's
log, login attempts) leave the version alone.

The version has two parts:
- a token shared by every process and app server, replaced after the writing transaction
  commits (a page rendered meanwhile from the old data is stored under the old token, which
  nobody reads again). It lives in the "versions" cache: a table of the database by default,
  shared by all workers, management commands and app servers; Redis when DJANGO_CACHE_URL
  names one.
- a token of this process, replaced at once, so that the process that wrote sees its change
  even inside the transaction; back to "0", as in every other process, after the commit.

The HTML itself lives in the "default" cache: the process's memory by default (each worker
fills its own), or Redis when DJANGO_CACHE_URL names one. Changes made with queryset.update()
or bulk_create() send no signals: code that changes shown records only that way, outside a
transaction that also saves a record, calls data_changed() itself. Cached HTML is kept at most
settings.CACHE_HTML_SECONDS; a version replaced makes it unreachable at once.
"""

import contextlib
import hashlib
import secrets
from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar
from typing import Any, TypeVar

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

FRAGMENTS = "default"
VERSIONS = "versions"
VERSION_KEY = "data-version"
# Apps whose writes appear on no cached page; every other model's writes replace the version.
IGNORED_APPS = frozenset({"sessions", "admin", "contenttypes", "axes"})

T = TypeVar("T")

_memo: ContextVar[dict[str, Any] | None] = ContextVar("request_memo", default=None)
_process_token = "0"  # the same in every process until it writes


def memoised(key: str, compute: Callable[[], T]) -> T:
    """`compute()` once per request (every time outside a request); any write forgets it."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _start_request(**kwargs: Any) -> None:
    _memo.set({})


def _end_request(**kwargs: Any) -> None:
    _memo.set(None)


def data_version() -> str:
    """The current data version (read once per request)."""
    return memoised("core.data_version", _read_version)


def _read_version() -> str:
    shared = caches[VERSIONS].get(VERSION_KEY) or "0"
    return f"{shared}.{_process_token}"


def _replace_shared_token() -> None:
    global _process_token
    caches[VERSIONS].set(VERSION_KEY, secrets.token_hex(8), None)
    # Committed: the shared token covers the change, and every process that has not written
    # since reads the same version again, so that they share the HTML in Redis.
    _process_token = "0"


def data_changed(using: str | None = None) -> None:
    """Replace the data version: now for this process, after the commit for all others."""
    global _process_token
    _process_token = secrets.token_hex(8)
    memo = _memo.get()
    if memo:
        memo.clear()
    connection = connections[using or DEFAULT_DB_ALIAS]
    # run_on_commit holds (savepoint ids, callback, robust) per registered callback.
    if connection.in_atomic_block and any(
        entry[1] is _replace_shared_token for entry in connection.run_on_commit
    ):
        return  # once per transaction is enough
    # robust: a cache that cannot be reached must not fail a save that has been committed.
    transaction.on_commit(_replace_shared_token, using=using, robust=True)


def _record_changed(sender: Any, using: str | None = None, **kwargs: Any) -> None:
    if sender._meta.app_label in IGNORED_APPS or sender._meta.apps is not global_apps:
        return  # not shown, or a model of a migration's state (see _migrated)
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed: the relation changes after "pre_"
    data_changed(using)


def _migrated(sender: Any, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """Data migrations and the roles' synchronisation write with the models of the migration's
    state: one new version after migrate (or flush) covers them."""
    # Migrated back to before the shared cache's table: no page can be served anyway.
    with contextlib.suppress(DatabaseError):
        data_changed(using)


def connect_signals() -> None:
    """Called once from CoreConfig.ready()."""
    request_started.connect(_start_request, dispatch_uid="core.caching.start")
    request_finished.connect(_end_request, dispatch_uid="core.caching.end")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_record_changed, dispatch_uid=f"core.caching.{id(signal)}")
    post_migrate.connect(_migrated, dispatch_uid="core.caching.migrated")


def fragment_key(name: str, parts: Iterable[object]) -> str:
    digest = hashlib.sha256(repr(list(parts)).encode()).hexdigest()[:32]
    # The day too: what is overdue or stale, and the years offered, change with it.
    return f"html:{name}:{data_version()}:{get_language()}:{timezone.localdate()}:{digest}"


def cached_html(name: str, parts: Iterable[object], render: Callable[[], str]) -> SafeString:
    """The HTML `render()` returns, cached under `name`, `parts`, the language and the data
    version. Only for HTML that is the same for every user who may see it (no CSRF token)."""
    key = fragment_key(name, parts)
    cache = caches[FRAGMENTS]
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, settings.CACHE_HTML_SECONDS)
    return mark_safe(html)


class Deferred:
    """The mapping `compute()` returns, computed when a template first reads from it: the data
    behind cached HTML, gathered only when the HTML is missing. (SimpleLazyObject would be
    computed by any isinstance() check, e.g. of the page's error summary.)"""

    def __init__(self, compute: Callable[[], Mapping[str, Any]]) -> None:
        self._compute = compute

    @cached_property
    def _data(self) -> Mapping[str, Any]:
        return self._compute()

    def __getitem__(self, key: str) -> Any:
        return self._data[key]


def forget_everything() -> None:
    """A new version for this process and an empty HTML cache (tests)."""
    global _process_token
    _process_token = secrets.token_hex(8)
    caches[FRAGMENTS].clear()
    _memo.set(None)
