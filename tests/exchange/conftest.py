"""Fixtures for export and import tests: a fresh data directory and a few records."""

import pytest


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    """Uploads kept between preview and confirmation go to a fresh directory per test."""
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def iraq(db):
    from cadre.accounts.models import Nation

    return Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})[0]


@pytest.fixture
def locations(iraq):
    """Baghdad (a city) with two camps within it, and a school in Basra."""
    from cadre.missions.models import Location

    def place(key, kind, within=None):
        return Location.objects.create(
            key=key,
            name=key.title(),
            kind=kind,
            nation=iraq,
            within=within,
            latitude="33.3",
            longitude="44.4",
        )

    baghdad = place("baghdad", "city")
    return [
        baghdad,
        place("camp-dublin", "camp", baghdad),
        place("camp-taji", "camp", baghdad),
        place("basra-academy", "school"),
    ]
