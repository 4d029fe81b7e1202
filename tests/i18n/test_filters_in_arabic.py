import pytest

from cadre.core.filtersets import filterset_for
from cadre.core.roles import Role


@pytest.mark.django_db
def test_filter_labels_follow_the_reader_language_whoever_asked_first(client_as):
    # The filtersets are built once per process; an English reader (here, the API
    # schema) asking first must not fix their labels in English for everyone after.
    filterset_for.cache_clear()
    client = client_as(Role.ADVISOR)
    client.get("/api/schema/", HTTP_ACCEPT_LANGUAGE="en")
    client.get("/timeline/", HTTP_ACCEPT_LANGUAGE="en")
    page = client.get("/timeline/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<label for="id_kind">النوع</label>' in page
