"""A retried create makes one record: the API by its Idempotency-Key header, a page by the
token its add form carries."""

import datetime
import re
import threading

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from cadre.core.models import IdempotentRequest
from cadre.core.roles import Role
from cadre.training.models import Person

pytestmark = pytest.mark.django_db

BODY = {"family_name": "Salih", "given_name": "Ahmed", "nation": "IRQ"}


def post_person(client, key, body=BODY):
    return client.post("/api/people/", body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_a_retried_post_makes_one_record_and_answers_the_same(api, iraq):
    first = post_person(api, "retry-1")
    again = post_person(api, "retry-1")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Person.objects.count() == 1


def test_posts_without_a_key_make_a_record_each(api, iraq):
    api.post("/api/people/", BODY, format="json")
    api.post("/api/people/", BODY, format="json")

    assert Person.objects.count() == 2


def test_the_same_key_from_another_user_makes_its_own_record(api, iraq, make_user):
    other = APIClient()
    other.force_authenticate(make_user(Role.TRAINING_OFFICER))

    post_person(api, "shared-key")
    response = post_person(other, "shared-key")

    assert response.status_code == 201
    assert Person.objects.count() == 2


def test_a_key_sent_again_with_another_body_is_refused(api, iraq):
    post_person(api, "reused")

    response = post_person(api, "reused", {**BODY, "given_name": "Yusuf"})

    assert response.status_code == 409
    assert "already used for a different request" in response.json()["detail"]
    assert Person.objects.count() == 1


def test_a_refused_create_keeps_nothing_so_its_retry_is_tried_afresh(
    api, session, make_person, vet
):
    person = make_person(vetted=False)
    body = {"session": session.key, "person": person.key}
    refused = api.post("/api/enrolments/", body, format="json", HTTP_IDEMPOTENCY_KEY="e1")
    vet(person)
    retried = api.post("/api/enrolments/", body, format="json", HTTP_IDEMPOTENCY_KEY="e1")

    assert refused.status_code == 400
    assert retried.status_code == 201


def test_an_answer_older_than_a_day_is_forgotten(api, iraq):
    post_person(api, "old")
    IdempotentRequest.objects.update(
        created=IdempotentRequest.objects.get().created - datetime.timedelta(days=1, minutes=1)
    )

    response = post_person(api, "old")

    assert response.status_code == 201
    assert Person.objects.count() == 2


def test_an_add_form_sent_twice_makes_one_record(client, officer, iraq):
    client.force_login(officer)
    page = client.get("/record/people/add/").content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    data = {"family_name": "Salih", "given_name": "Ahmed", "nation": iraq.pk, "form_token": token}

    first = client.post("/record/people/add/", data)
    again = client.post("/record/people/add/", data)

    assert first.status_code == again.status_code == 302
    assert again.url == first.url
    assert Person.objects.count() == 1


def test_an_add_form_refused_once_may_be_corrected_and_sent_again(client, officer, iraq):
    client.force_login(officer)
    data = {"family_name": "صالح", "given_name": "Ahmed", "nation": iraq.pk, "form_token": "t1"}

    refused = client.post("/record/people/add/", data)
    corrected = client.post("/record/people/add/", {**data, "family_name": "Salih"})

    assert refused.status_code == 400
    assert corrected.status_code == 302
    assert Person.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_retries_with_one_idempotency_key_make_one_record(iraq, officer):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time, so it cannot show a race.")
    answers = []

    def send():
        try:
            client = APIClient()
            client.force_authenticate(officer)
            body = {"family_name": "Salih", "given_name": "Ahmed", "nation": "IRQ"}
            response = client.post(
                "/api/people/", body, format="json", HTTP_IDEMPOTENCY_KEY="one-intent"
            )
            answers.append((response.status_code, response.json()["key"]))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(set(answers)) == 1 and answers[0][0] == 201
    assert Person.objects.count() == 1
