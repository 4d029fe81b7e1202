"""The Arabic catalogue covers every string the interface shows, and ships compiled.

makemessages runs on a copy of the package, so the test sees the strings of the code as
it is now without touching the committed catalogue. Needs GNU gettext (xgettext,
msgmerge, msgattrib, msgfmt), as makemessages and compilemessages do.
"""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import django
import pytest

import cadre

PACKAGE = Path(cadre.__file__).resolve().parent
CATALOGUE = PACKAGE / "locale" / "ar" / "LC_MESSAGES"
DJANGO_ARABIC = Path(django.__file__).parent / "conf" / "locale" / "ar" / "LC_MESSAGES"


def gettext_tool(*args):
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed:\n{done.stderr}"
    return done.stdout


def msgids(po_text):
    """The msgids of the entries in `po_text` (as written with --no-wrap), header left out."""
    return [
        line.removeprefix('msgid "').removesuffix('"')
        for line in po_text.splitlines()
        if line.startswith('msgid "') and line != 'msgid ""'
    ]


def load(mo_path):
    with open(mo_path, "rb") as mo:
        return gettext.GNUTranslations(mo)


@pytest.fixture(scope="module")
def regenerated_po(tmp_path_factory):
    """The Arabic .po as makemessages writes it for the code as it is now."""
    src = tmp_path_factory.mktemp("src")
    copy = src / "cadre"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    env = {
        **os.environ,
        # The copy comes first on the path, so LOCALE_PATHS points into the copy.
        "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]),
        "DJANGO_SETTINGS_MODULE": "cadre.settings",
        "CADRE_TESTING": "1",
    }
    command = [sys.executable, "-m", "django", "makemessages", "-l", "ar"]
    command += ["--no-obsolete", "--ignore=migrations"]
    done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return copy / "locale" / "ar" / "LC_MESSAGES" / "django.po"


def test_every_string_of_the_interface_has_an_arabic_translation(regenerated_po):
    untranslated = gettext_tool("msgattrib", "--untranslated", "--no-wrap", regenerated_po)
    missing = msgids(untranslated)
    assert not missing, f"{len(missing)} strings have no Arabic translation:\n" + "\n".join(missing)


def test_no_arabic_translation_is_marked_fuzzy(regenerated_po):
    fuzzy = msgids(gettext_tool("msgattrib", "--only-fuzzy", "--no-wrap", regenerated_po))
    assert not fuzzy, "Fuzzy (guessed) Arabic translations to check:\n" + "\n".join(fuzzy)


def test_the_catalogue_header_is_not_fuzzy(regenerated_po):
    # msgfmt leaves out a fuzzy header, and with it the Arabic plural rule.
    header = gettext_tool("msgattrib", "--only-fuzzy", "--no-wrap", regenerated_po)
    assert 'msgid ""' not in header


def test_translations_keep_the_placeholders_of_the_english(tmp_path):
    # --check includes --check-format: %(name)s placeholders must match the msgid's.
    gettext_tool("msgfmt", "--check", "-o", tmp_path / "django.mo", CATALOGUE / "django.po")


def test_plurals_use_djangos_arabic_rule_and_fill_all_six_forms(tmp_path):
    gettext_tool("msgfmt", "-o", tmp_path / "django.mo", CATALOGUE / "django.po")
    ours = load(tmp_path / "django.mo")
    assert ours.info()["plural-forms"] == load(DJANGO_ARABIC / "django.mo").info()["plural-forms"]
    plural_forms = {}
    for key, text in ours._catalog.items():
        if isinstance(key, tuple):
            plural_forms.setdefault(key[0], {})[key[1]] = text
    assert plural_forms
    incomplete = [
        msgid
        for msgid, forms in plural_forms.items()
        if sorted(forms) != list(range(6)) or not all(forms.values())
    ]
    assert not incomplete, "Plurals without all six Arabic forms:\n" + "\n".join(incomplete)


def test_the_committed_mo_is_compiled_from_the_committed_po(tmp_path):
    gettext_tool("msgfmt", "-o", tmp_path / "django.mo", CATALOGUE / "django.po")
    fresh, committed = load(tmp_path / "django.mo"), load(CATALOGUE / "django.mo")
    assert committed._catalog == fresh._catalog, (
        "django.mo is out of date: run `cadre manage compilemessages` in src/cadre"
    )
