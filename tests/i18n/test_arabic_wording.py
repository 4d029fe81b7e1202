"""The Arabic words of the interface and of the record: the right terms, and one style of
month names on a page (the Iraqi one, see cadre/formats/month_names.py)."""

import datetime
import gettext
import re
from pathlib import Path

import pytest
import yaml
from django.utils import formats, translation

import cadre
from cadre.core.roles import Role
from cadre.dataset.io import BUILT_IN
from cadre.formats.month_names import EGYPTIAN_AND_GULF, IRAQI

CATALOGUE = Path(cadre.__file__).resolve().parent / "locale" / "ar" / "LC_MESSAGES"

# Terms that read wrong, and why.
WRONG = {
    "تفويض": "a mission's mandate is ولاية البعثة",
    "خط ارتباط": "ارتباط reads as liaison; a reporting line is خط التبعية",
    "خطوط الارتباط": "ارتباط reads as liaison; reporting lines are خطوط التبعية",
    "مستوى القوة": "force levels are قوام القوة",
    "مستويات القوة": "force levels are قوام القوة",
    "ملاك مقر البعثة": "Mission HQ staff are موظفو مقر البعثة",
    "منتهي الصلاحية": "an expired mandate انتهى سريانه",
    "مساءلة الأسلحة": "SALW accountability is ضبط الأسلحة الصغيرة والخفيفة وحصرها",
}
# English words in a msgid, and what their Arabic must then say.
RIGHT = {
    r"\bmandates?\b": "ولاي",
    r"\breporting lines?\b": "تبعية",
    r"\bforce levels?\b": "قوام القوة",
}
EXACT = {
    "Mission HQ staff": "موظفو مقر البعثة",
    "expired": "انتهى سريانه",
    # Money's currency; an instructor's currency (still qualified) has a context of its own.
    "currency": "العملة",
}


def catalogue():
    with open(CATALOGUE / "django.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)._catalog


def translations():
    for key, text in catalogue().items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid:
            yield msgid.split("\x04")[-1], text


def arabic_data() -> list[tuple[str, str]]:
    """(where, text) of every Arabic field of the built-in dataset."""
    found = []
    for path in sorted(BUILT_IN.glob("*.yaml")):
        for row in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for name, value in row.items():
                if name.endswith("_ar") and value:
                    found.append((f"{path.name} {row.get('key') or row.get('code')} {name}", value))
    return found


def test_the_catalogue_uses_none_of_the_wrong_terms():
    wrong = [
        f"{msgid!r} -> {text!r}: {why}"
        for msgid, text in translations()
        for term, why in WRONG.items()
        if term in text
    ]
    assert not wrong, "\n".join(wrong)


def test_the_catalogue_uses_the_right_terms():
    texts = dict(translations())
    for msgid, text in texts.items():
        for pattern, term in RIGHT.items():
            if re.search(pattern, msgid, re.I) and "%(" not in msgid:
                assert term in text, (msgid, text)
    for msgid, text in EXACT.items():
        assert texts[msgid] == text
    assert texts["mandate"] == "ولاية البعثة"
    assert texts["reporting line"] == "خط التبعية"
    assert texts["force levels"] == "قوام القوة"


def test_the_arabic_data_uses_none_of_the_wrong_terms_nor_egyptian_month_names():
    data = arabic_data()
    assert len(data) > 100
    wrong = [f"{where}: {term}" for where, text in data for term in WRONG if term in text]
    months = [
        f"{where}: {name}"
        for where, text in data
        for name in EGYPTIAN_AND_GULF
        if re.search(rf"(?<!\w){name}(?!\w)", text)
    ]
    assert not wrong + months, "\n".join(wrong + months)


def test_small_arms_accountability_reads_as_control_and_inventory():
    areas = {where: text for where, text in arabic_data() if "sc-2008-12-salw" in where}
    assert list(areas.values()) == ["ضبط الأسلحة الصغيرة والخفيفة وحصرها"]
    summaries = [text for where, text in arabic_data() if "evt-2008-12" in where]
    assert any("ضبط الأسلحة الصغيرة والخفيفة وحصرها" in " ".join(t.split()) for t in summaries)


def test_each_mission_has_a_distinct_arabic_short_name_that_says_which_it_is():
    missions = yaml.safe_load((BUILT_IN / "missions.yaml").read_text(encoding="utf-8"))
    short = {m["key"]: m["short_name_ar"] for m in missions}
    assert short["nmi"] == "بعثة الناتو في العراق"
    assert short["ntm-i"] == "بعثة الناتو للتدريب في العراق"
    assert len(set(short.values())) == len(short)
    bare = {"بعثة الناتو", "بعثة التدريب", "البعثة", "الشراكة"}
    assert not set(short.values()) & bare
    full = {m["name_ar"] for m in missions}
    assert not set(short.values()) & full, "a short name should not repeat a full name"


# ---- month names ----


def test_every_month_name_django_uses_is_translated_to_the_iraqi_name():
    texts = catalogue()
    english = list(datetime.date(2004, m, 1).strftime("%B") for m in range(1, 13))
    for number, (name, iraqi) in enumerate(zip(english, IRAQI, strict=True), start=1):
        assert texts[name] == iraqi
        assert texts[name[:3].lower()] == iraqi
        assert texts[f"alt. month\x04{name}"] == iraqi
        abbreviation = formats_ap(number)
        assert texts[f"abbrev. month\x04{abbreviation}"] == iraqi


def formats_ap(number):
    from django.utils.dates import MONTHS_AP

    with translation.override("en"):
        return str(MONTHS_AP[number])


def test_dates_are_written_with_the_iraqi_month_names():
    with translation.override("ar"):
        day = datetime.date(2004, 9, 22)
        assert formats.date_format(day, "DATE_FORMAT") == "22 أيلول 2004"
        assert formats.date_format(day, "YEAR_MONTH_FORMAT") == "أيلول 2004"
        for letter in "FEbMN":
            assert formats.date_format(day, letter) == "أيلول", letter


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/missions/ntm-i/?on=2011-09-01", "/missions/nmi/", "/timeline/", "/sources/nmi-2020/"],
)
def test_an_arabic_page_with_dates_names_the_months_in_one_style(dataset, client_as, url):
    client = client_as(Role.ADVISOR)
    client.cookies["django_language"] = "ar"
    html = client.get(url).content.decode()
    styles = {
        "Iraqi": [n for n in IRAQI if re.search(rf"(?<!\w){n}(?!\w)", html)],
        "Egyptian and Gulf": [
            n for n in EGYPTIAN_AND_GULF if re.search(rf"(?<!\w){n}(?!\w)", html)
        ],
    }
    assert styles["Iraqi"], "the page shows no month name"
    assert not styles["Egyptian and Gulf"], styles
