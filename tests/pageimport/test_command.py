"""`cadre import-page` and `cadre eval-timeline`, as the command line runs them."""

import json

import pytest

from cadre.cli import build_parser
from cadre.missions.models import TimelineEvent
from cadre.pageimport.models import PageImport
from cadre.sources.models import Source

PAGE = """TITLE: Milestones of a training mission

14 March 2019: The North Atlantic Council approves the Operations Plan.
The first instructors deployed on 2 May and began teaching three weeks later.
"""
FIELDS = {
    "edtf", "start", "end", "precision", "qualifier", "inferred_year", "text", "span",
    "summary", "kind", "actors",
}  # fmt: skip


def run(*argv):
    args = build_parser().parse_args(list(argv))
    return args.func(args)


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "milestones.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_json_prints_every_candidate_with_every_field_and_writes_nothing(page, capsys, dataset):
    assert run("import-page", str(page), "--json") == 0
    found = json.loads(capsys.readouterr().out)
    assert all(candidate.keys() >= FIELDS for candidate in found)
    first, second, relative = found
    assert first == first | {
        "edtf": "2019-03-14",
        "start": "2019-03-14",
        "end": "2019-03-14",
        "precision": "day",
        "qualifier": "",
        "inferred_year": False,
        "kind": "approval",
        "actors": ["NAC"],
    }
    text = PAGE.split("\n", 1)[1]
    assert text[first["span"][0] : first["span"][1]] == first["text"]
    assert first["summary"] == "The North Atlantic Council approves the Operations Plan."
    assert (second["edtf"], second["inferred_year"]) == ("2019-05-02", True)
    assert (relative["edtf"], relative["relative"]) == (None, "three weeks later")
    assert (
        not PageImport.objects.exists()
        and not TimelineEvent.objects.filter(sources__key="milestones").exists()
    )


def test_the_reference_date_gives_a_year_to_a_page_that_states_none(tmp_path, capsys, db):
    path = tmp_path / "release.txt"
    path.write_text("The first instructors deployed on 2 May.", encoding="utf-8")
    run("import-page", str(path), "--json", "--reference-date", "2019-06-01")
    (candidate,) = json.loads(capsys.readouterr().out)
    assert (candidate["edtf"], candidate["inferred_year"]) == ("2019-05-02", True)


def test_without_json_it_makes_a_source_and_a_batch_for_review(page, capsys, db):
    assert run("import-page", str(page)) == 0
    batch = PageImport.objects.get()
    assert batch.source.title == "Milestones of a training mission"
    assert batch.candidates.count() == 3
    assert batch.key in capsys.readouterr().out


def test_it_cites_the_source_named(page, db):
    Source.objects.create(key="known", title="Known", publisher="NATO")
    run("import-page", str(page), "--source", "known")
    assert PageImport.objects.get().source.key == "known"
    assert Source.objects.count() == 1


def test_an_unknown_source_is_refused(page, capsys, db):
    assert run("import-page", str(page), "--source", "nowhere") == 1
    assert "nowhere" in capsys.readouterr().err
    assert not PageImport.objects.exists()


def test_eval_timeline_prints_the_table_per_page_and_in_total(tmp_path, page, capsys, db):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "milestones.gold").write_text(
        "# page: ../milestones.txt\n# written: before tuning\n"
        "2019-03-14 | approval | NAC | approves the Operations Plan\n"
        "2019-05-02 | deployment | | first instructors deployed\n",
        encoding="utf-8",
    )
    assert run("eval-timeline", str(gold)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:5] == ["page", "written", "gold", "cands", "recall"]
    assert lines[1].split()[:7] == ["milestones", "before", "tuning", "2", "2", "100.0%", "0"]
    assert lines[-1].split()[0] == "total"


def test_eval_timeline_details_name_misses_false_candidates_and_other_kinds(
    tmp_path, page, capsys, db
):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "milestones.gold").write_text(
        "# page: ../milestones.txt\n# written: before tuning\n"
        "2019-03-14 | decision | NAC | approves the Operations Plan\n"
        "2019-06 | launch | | began teaching\n",
        encoding="utf-8",
    )
    assert run("eval-timeline", str(gold), "--details") == 0
    details = [line for line in capsys.readouterr().out.splitlines() if line.startswith("mile")]
    assert "milestones: missed 2019-06 [began teaching]" in details
    assert any(line.startswith("milestones: false 2019-05-02 [2 May]") for line in details)
    assert "milestones: kind approval for decision [approves the Operations Plan]" in details


def test_eval_timeline_scores_a_gold_date_with_unspecified_digits(tmp_path, page, capsys, db):
    # EDTF's unspecified digits ("2019-XX-14": the 14th of a month the page leaves open) are a
    # gold line the reader cannot match exactly; the line is missed, and the run goes on.
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "milestones.gold").write_text(
        "# page: ../milestones.txt\n# written: before tuning\n"
        "2019-XX-14 | decision | NAC | approves the Operations Plan\n"
        "2019-05-XX | deployment | | first instructors deployed\n",
        encoding="utf-8",
    )
    assert run("eval-timeline", str(gold), "--details") == 0
    out = capsys.readouterr().out
    assert "milestones: missed 2019-XX-14 [approves the Operations Plan]" in out
    assert "milestones: missed 2019-05-XX [first instructors deployed]" in out
    total = next(line for line in out.splitlines() if line.startswith("total"))
    # Each unspecified date overlaps the reader's day in its sentence: wrong precision, not false.
    assert total.split()[1:6] == ["2", "2", "0.0%", "0", "2"]
