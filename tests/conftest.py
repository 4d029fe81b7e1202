"""Shared fixtures: users of every role, clients signed in as them, the built-in dataset."""

import itertools
import os

import pytest
from django.db.backends.postgresql.operations import DatabaseOperations

from cadre.core.roles import NATION_BOUND_ROLES, Role

_numbers = itertools.count(1)

# More workers than this each build a test database for little gain on a big machine.
MOST_WORKERS = 8


def pytest_xdist_auto_num_workers(config):
    """`-n auto`: one worker per core this process may use, at most MOST_WORKERS."""
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:
        cores = os.cpu_count() or 1
    return max(1, min(cores, MOST_WORKERS))


def _empty_by_delete(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    """How a committing test's database is emptied after it on PostgreSQL: DELETE, table by
    table, where Django truncates. TRUNCATE makes new files for every table and index, about
    2 s for Cadre's hundred tables however few rows they hold; DELETE of a test's few rows
    takes a tenth of that, and about a hundred tests commit. Foreign keys are checked at
    commit (Django makes them deferrable), so the order of the tables does not matter. The
    audit trail refuses DELETE (its row trigger), so it is still truncated, as before."""
    from cadre.audit.models import ChangeRecord

    if reset_sequences or not tables:
        return _truncate(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    guarded = ChangeRecord._meta.db_table
    # Truncated first: TRUNCATE refuses a table with checks still pending in the transaction.
    sql = _truncate(self, style, [guarded], allow_cascade=True) if guarded in tables else []
    return sql + [f"DELETE FROM {self.quote_name(table)};" for table in tables if table != guarded]


_truncate = DatabaseOperations.sql_flush
DatabaseOperations.sql_flush = _empty_by_delete


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A test that switches to Arabic and fails before switching back must not make the
    next test's English messages read in Arabic."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def nation(db):
    from cadre.accounts.models import Nation

    return Nation.objects.get_or_create(code="CAN", defaults={"name": "Canada", "status": "ally"})[
        0
    ]


@pytest.fixture
def other_nation(db):
    from cadre.accounts.models import Nation

    return Nation.objects.get_or_create(code="ITA", defaults={"name": "Italy", "status": "ally"})[0]


@pytest.fixture
def make_user(db, nation):
    """make_user(role, nation=None) -> a saved user with that role (nation-bound roles get CAN)."""
    from cadre.accounts.services import user_create

    def make(role=Role.MISSION_STAFF, nation_obj=None, password="a-Long-test-passw0rd"):
        if role in NATION_BOUND_ROLES and nation_obj is None:
            nation_obj = nation
        user, _ = user_create(
            username=f"{role}-{next(_numbers)}",
            role=role,
            nation_code=nation_obj.code if nation_obj else None,
            password=password,
        )
        return user

    return make


@pytest.fixture
def client_as(client, make_user):
    """client_as(role) -> a Django test client signed in as a new user of that role."""

    def sign_in(role, nation_obj=None):
        user = make_user(role, nation_obj)
        client.force_login(user)
        client.user = user
        return client

    return sign_in


@pytest.fixture
def records(db):
    """Records of any registered object type with every field filled (see records.py)."""
    from records import Records

    return Records()


@pytest.fixture
def dataset(request, db):
    """The built-in NATO-Iraq dataset, loaded (already, where tests share a load: below)."""
    if SHARED_DATASET in request.fixturenames:
        return
    from cadre.dataset.io import BUILT_IN, load_dataset

    load_dataset(BUILT_IN)


# Consecutive tests that ask for the dataset share one load of it: about 430 tests ask,
# in some 20 runs, and a load takes half a second or more. The load is made in a
# transaction of its own, opened before the first test of a run and rolled back after
# the last; each test still runs in its own transaction inside it (pytest-django's `db`),
# rolled back after the test, so no test sees what another changed.
SHARED_DATASET = "_shared_dataset"
# What makes a test commit, or empty the database: such a test loads the dataset itself.
COMMITTING = {"transactional_db", "live_server", "django_db_reset_sequences"}
_shared = {}  # "loaded": the open transaction; "blocker"; "next": the test after this one


def _shares_the_dataset(item):
    names = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    committing = marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,))
    return "dataset" in names and not committing and not names & COMMITTING


def pytest_collection_modifyitems(items):
    for item in items:
        if _shares_the_dataset(item):
            # First of the test's fixtures, so that its transaction holds the test's own.
            item.fixturenames.insert(0, SHARED_DATASET)


@pytest.fixture
def _shared_dataset(django_db_setup, django_db_blocker):
    if "loaded" not in _shared:
        from django.db import transaction

        from cadre.dataset.io import BUILT_IN, load_dataset

        with django_db_blocker.unblock():
            loaded = transaction.atomic()
            loaded.__enter__()
            try:
                load_dataset(BUILT_IN)
            except BaseException as error:
                loaded.__exit__(type(error), error, error.__traceback__)
                raise
        _shared.update(loaded=loaded, blocker=django_db_blocker)
    _shared["active"] = True
    yield
    _shared["active"] = False
    following = _shared.get("next")
    if following is None or SHARED_DATASET not in following.fixturenames:
        _end_the_shared_load()


def _end_the_shared_load():
    if "loaded" not in _shared or _shared.get("active"):
        return
    from django.db import transaction

    loaded = _shared.pop("loaded")
    with _shared["blocker"].unblock():
        transaction.set_rollback(True)
        loaded.__exit__(None, None, None)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # A test may share the load without having used it (one skipped before its fixtures):
    # the next test that does not share must not find it open.
    if SHARED_DATASET not in item.fixturenames:
        _end_the_shared_load()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    _shared["next"] = nextitem
    if nextitem is None:
        _end_the_shared_load()  # before the test database is dropped


@pytest.fixture(scope="session")
def _signing_key_file(tmp_path_factory):
    return tmp_path_factory.mktemp("signing") / "signing-key.pem"


@pytest.fixture(autouse=True)
def signing_key(settings, _signing_key_file):
    """The mission's signing key of the test run: a file of its own, never the data folder's;
    one for the whole run, made on first use like an installation's."""
    settings.SIGNING_KEY = _signing_key_file
    return _signing_key_file


@pytest.fixture(scope="session", autouse=True)
def _data_folder_of_the_run(tmp_path_factory):
    """Files the server keeps (uploads awaiting confirmation, exports, receipts) go to a
    folder of the test run's own, never the checkout's cadre-data, where a running Cadre
    keeps its own."""
    from django.test.utils import override_settings

    folder = tmp_path_factory.mktemp("cadre-data")
    with override_settings(DATA_DIR=folder, MEDIA_ROOT=folder / "media"):
        yield folder
