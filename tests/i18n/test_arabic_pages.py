"""Pages in Arabic: what they show comes from the catalogue and the Arabic names."""

import re

import pytest
from django.utils import translation

from cadre.core import registry
from cadre.core.roles import Role

pytestmark = pytest.mark.django_db


def arabic_page(client, url):
    client.cookies["django_language"] = "ar"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("object_type", registry.object_types(), ids=lambda t: t.slug)
def test_every_sort_option_is_named_by_its_translated_column_header(object_type, client_as):
    html = arabic_page(client_as(Role.AUDITOR), f"/record/{object_type.slug}/")
    select = re.search(r'<select name="sort" id="id_sort">(.*?)</select>', html, re.S).group(1)
    labels = re.findall(r"<option [^>]*>([^<]*) [↑↓]</option>", select)
    assert len(labels) == 2 * len(object_type.ordering)
    with translation.override("ar"):
        headers = {
            str(object_type.model._meta.get_field(name).verbose_name)
            for name in [option.removesuffix("__name") for option in object_type.ordering]
        }
    assert {label.lower() for label in labels} == {header.lower() for header in headers}


def test_the_chain_of_command_names_units_in_arabic(dataset, client_as):
    html = arabic_page(client_as(Role.ADVISOR), "/chain-of-command/?on=2010-06-01")
    assert "مجلس شمال الأطلسي" in html
    assert "(المجلس)" in html  # the council's Arabic short name
    assert "تحت قيادة" in html
