"""The mission report: sections found in every installed app, figures numbered as notes,
the PDF's text and figures read back against the database, in English and Arabic."""

import datetime
import re

import pypdfium2 as pdfium
import pytest
from django.core.management import call_command
from django.urls import reverse

from cadre import cli
from cadre.core.models import Job
from cadre.core.roles import Role
from cadre.missions.models import ForceLevel, Mandate, Mission, Participation, ScopeChange
from cadre.reports import pdf, sections

NTM_I = ("ntm-i", datetime.date(2004, 7, 1), datetime.date(2011, 12, 31))
NMI = ("nmi", datetime.date(2018, 1, 1), datetime.date(2023, 12, 31))


def pdf_text(document: bytes) -> str:
    """The PDF's text as PDFium reads it back: lines in logical order, Arabic included
    (pypdf gives the words of a right-to-left line in visual order)."""
    pages = pdfium.PdfDocument(document)
    return "\n".join(pages[i].get_textpage().get_text_range() for i in range(len(pages)))


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def with_note(figure: str, note: int, language: str) -> str:
    """A figure with its note's number (a superscript after it) as PDFium reads them back:
    the note at the figure's right in English; at its left in Arabic, read right to left,
    where PDFium, taking the digits of a line from left to right, gives the note first."""
    return f"{figure}{note}" if language == "en" else f"{note}{figure}"


def section(report, key):
    return next(s for s in report["sections"] if s["key"] == key)


def cited(report, key_words):
    """{figure text: note} of the figures written in the sentences of a section."""
    found = {}
    for paragraph in section(report, key_words)["paragraphs"]:
        for part in paragraph:
            if "figure" in part:
                found.setdefault(part["figure"], part["note"])
    return found


def test_every_installed_app_with_a_report_module_gives_its_sections(dataset):
    modules = sections.report_modules()
    assert {"missions", "training", "probe"} <= set(modules)
    mission = Mission.objects.get(key="ntm-i")
    report = sections.build(mission, NTM_I[1], NTM_I[2], language="en")
    keys = [s["key"] for s in report["sections"]]
    # The probe's section (order 45) sits between coordination (40) and advising (50).
    assert keys.index("training") < keys.index("probe") < keys.index("advising")
    probe = section(report, "probe")
    assert probe["paragraphs"][0][1]["figure"] == "7"
    assert report["notes"][probe["paragraphs"][0][1]["note"] - 1]["url"] == "/probe/"


def test_every_pillar_gives_its_own_section_and_one_without_a_module_says_not_yet_recorded(
    dataset,
):
    mission = Mission.objects.get(key="nmi")
    assert {"missions", "training", "coordination", "advising"} <= set(sections.report_modules())
    report = sections.build(mission, NMI[1], NMI[2], language="en")
    assert {"coordination", "advising"} <= {s["key"] for s in report["sections"]}
    assert "not yet recorded in Cadre" not in str(report["sections"])

    without = {
        label: module
        for label, module in sections.report_modules().items()
        if label not in ("coordination", "advising")
    }
    gathered = {s["key"]: s for s in sections.gather(mission, NMI[1], NMI[2], modules=without)}
    for key in ("coordination", "advising"):
        assert gathered[key]["paragraphs"] == [
            "This part of the mission's work is not yet recorded in Cadre."
        ]
    assert "not yet recorded" not in str(gathered["training"]["paragraphs"])


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("period", [NTM_I, NMI], ids=["ntm-i", "nmi"])
def test_the_pdf_states_the_database_figures_with_their_notes(dataset, language, period):
    key, start, end = period
    mission = Mission.objects.get(key=key)
    report = sections.build(mission, start, end, language=language)
    document = pdf.render(report)
    assert document.startswith(b"%PDF")
    text = squeezed(pdf_text(document))

    scope = ScopeChange.objects.filter(mission=mission, date__range=(start, end)).count()
    levels = ForceLevel.objects.filter(mission=mission, as_of__range=(start, end)).count()
    nations = (
        Participation.objects.filter(
            mission=mission, role__in=["contributor", "lead"], start__lte=end
        )
        .exclude(end__lt=start)
        .values("nation")
        .distinct()
        .count()
        + Participation.objects.filter(
            mission=mission, role__in=["contributor", "lead"], start__isnull=True
        )
        .exclude(end__lt=start)
        .values("nation")
        .distinct()
        .count()
    )
    mandates = Mandate.objects.filter(mission=mission).count()
    expected = {
        "record-scope": [scope],
        "record-strength": [levels, nations],
        "record-mandate": [mandates],
    }
    for key_words, numbers in expected.items():
        figures = cited(report, key_words)
        for number in numbers:
            shown = f"{number:,}"
            assert shown in figures, (key_words, number, figures)
            assert with_note(shown, figures[shown], language) in text
    # Every note is printed with its source (in English: PDFium reads an Arabic note's
    # first words, next to its number, out of order; the Arabic text is checked below).
    for note in report["notes"]:
        if language == "en":
            assert squeezed(note["text"])[:30] in text


def test_the_arabic_pdf_reads_right_to_left_in_logical_order(dataset):
    mission = Mission.objects.get(key="ntm-i")
    report = sections.build(mission, NTM_I[1], NTM_I[2], language="ar")
    assert report["direction"] == "rtl"
    text = pdf_text(pdf.render(report))
    # Words come back in the order they are written (not reversed glyph by glyph), and
    # as letters, not presentation forms: shaping happened in the PDF, not in the text.
    assert "تقرير البعثة" in text
    assert "الدول المساهمة" in text
    assert not re.search(r"[\ufb50-\ufdff\ufe70-\ufeff]", text)
    assert mission.name_ar in text


def numbers_as_drawn(page) -> list[tuple[str, float]]:
    """The numbers on a PDF page as a reader sees them: runs of digits and the marks
    between them (- . , : /) on one baseline, each read from left to right as drawn,
    with where it starts."""
    text = page.get_textpage()
    glyphs = []
    for index in range(text.count_chars()):
        char = text.get_text_range(index, 1)
        if char.isdigit() or char in "-.,:/":
            left, bottom, right, top = text.get_charbox(index, loose=True)
            glyphs.append((round(bottom), left, right, char))
    runs = []
    for bottom, left, right, char in sorted(glyphs):
        run = runs[-1] if runs else None
        if run and run["bottom"] == bottom and left - run["right"] < 1.5:
            run["text"] += char
            run["right"] = right
        else:
            runs.append({"bottom": bottom, "left": left, "right": right, "text": char})
    return [(run["text"], run["left"]) for run in runs]


def test_a_date_in_an_arabic_sentence_reads_in_its_own_order(dataset):
    """2004-08-01 in an Arabic sentence is drawn 2004-08-01, not 01-08-2004, and a figure's
    note stands at its left (after it, read right to left) instead of running into it."""
    mission = Mission.objects.get(key="ntm-i")
    report = sections.build(mission, NTM_I[1], NTM_I[2], language="ar")
    strength = section(report, "record-strength")["paragraphs"][1]
    sentence = "".join(part.get("text", "") for part in strength)
    # The date of the highest strength, in the Arabic sentence as written.
    day = datetime.date.fromisoformat(re.search(r"\d{4}-\d{2}-\d{2}", sentence).group())
    assert re.search("[\u0600-\u06ff]", sentence)
    figure = next(part for part in strength if "figure" in part)

    page = pdfium.PdfDocument(pdf.render(report))[1]
    drawn = numbers_as_drawn(page)
    shown = [text for text, _ in drawn]
    assert day.isoformat() in shown, shown
    assert f"{day.day:02}-{day.month:02}-{day.year}" not in shown
    # The period in the page header, "from 2004-07-01 to 2011-12-31", in order too.
    assert NTM_I[1].isoformat() in shown and NTM_I[2].isoformat() in shown
    # The peak figure and its note, in the sentence: two numbers, the note at the left.
    at = dict(drawn)
    assert f"{figure['figure']}{figure['note']}" not in shown
    assert at[str(figure["note"])] < at[figure["figure"]]


def test_the_disagreements_are_listed_with_both_figures(dataset):
    mission = Mission.objects.get(key="ntm-i")
    report = sections.build(mission, NTM_I[1], NTM_I[2], language="en")
    listed = section(report, "disagreements")["disagreements"]
    trained = next(d for d in listed if d["subject"].startswith("Iraqi personnel trained"))
    values = {f["value"] for f in trained["figures"]}
    assert "15,000 personnel" in values and "15,000 officers" in values
    notes = {f["note"] for f in trained["figures"]}
    assert all(report["notes"][n - 1]["kind"] == "document" for n in notes)


def test_the_command_writes_the_arabic_pdf_and_exits_0(dataset, tmp_path):
    out = tmp_path / "ntm-i.pdf"
    argv = ["report", "--mission", "ntm-i", "--from", "2004-07-01", "--to", "2011-12-31"]
    code = cli.main([*argv, "--lang", "ar", "--out", str(out)])
    assert code == 0
    assert "تقرير البعثة" in pdf_text(out.read_bytes())


def test_the_command_refuses_an_unknown_mission(dataset, tmp_path, capsys):
    argv = ["report", "--mission", "nope", "--from", "2004-07-01", "--to", "2011-12-31"]
    assert cli.main([*argv, "--out", str(tmp_path / "x.pdf")]) == 1
    assert "ntm-i" in capsys.readouterr().err


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("period", [NTM_I, NMI], ids=["ntm-i", "nmi"])
def test_the_report_page_renders(dataset, client_as, language, period):
    key, start, end = period
    client = client_as(Role.MISSION_STAFF)
    query = {"mission": key, "start": start, "end": end, "language": language}
    response = client.get(reverse("reports:report"), query)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert 'href="#note-1"' in page and 'id="note-1"' in page
    assert "<svg" in page
    if language == "ar":
        assert 'dir="rtl"' in page
        assert 'lang="en"' in page  # the sources' English titles


def test_a_nation_officer_counts_only_their_own_nation(dataset, client_as):
    client = client_as(Role.NATION_CONTRIBUTOR)
    query = {"mission": "ntm-i", "start": "2004-07-01", "end": "2011-12-31", "language": "en"}
    page = client.get(reverse("reports:report"), query).content.decode()
    assert "count your own nation&#x27;s people only" in page


def test_signed_out_visitors_are_sent_to_sign_in(client, dataset):
    response = client.get(reverse("reports:report"))
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_the_pdf_is_made_in_the_background_then_downloaded(client_as, settings, tmp_path):
    from cadre.dataset.io import BUILT_IN, load_dataset

    load_dataset(BUILT_IN)
    settings.DATA_DIR = tmp_path
    client = client_as(Role.MISSION_STAFF)
    query = {"mission": "nmi", "start": "2018-01-01", "end": "2023-12-31", "language": "ar"}
    response = client.post(reverse("reports:report"), query)
    job = Job.objects.get(kind="report")
    assert response.url == reverse("jobs:detail", args=[job.pk])
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    job.refresh_from_db()
    assert job.status == Job.Status.FINISHED, job.message
    assert job.done == job.total
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert reverse("reports:pdf", args=[job.pk]) in page
    # The page is in its reader's language (English) and says the report is in Arabic.
    assert 'lang="en"' in page
    assert "Mission report in Arabic: NMI, 2018-01-01 to 2023-12-31" in page
    assert "The report is in Arabic." in page
    download = client.get(reverse("reports:pdf", args=[job.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    # Nobody else fetches it.
    other = client_as(Role.MISSION_STAFF)
    assert other.get(reverse("reports:pdf", args=[job.pk])).status_code == 404


def test_the_job_page_of_a_reader_in_arabic_names_an_english_report(client_as):
    from cadre.dataset.io import BUILT_IN, load_dataset

    load_dataset(BUILT_IN)
    client = client_as(Role.MISSION_STAFF)
    client.post(reverse("set-language"), {"language": "ar", "next": "/"})
    query = {"mission": "nmi", "start": "2018-01-01", "end": "2023-12-31", "language": "en"}
    job = Job.objects.get(pk=client.post(reverse("reports:report"), query).url.split("/")[-2])
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert 'lang="ar"' in page
    assert "تقرير البعثة باللغة الإنجليزية" in page


def test_a_page_of_the_arabic_pdf_as_an_image(dataset):
    """The second page (the first section, its chart and tables) drawn by PDFium, saved
    to look at: test-output/screenshots/mission-report-pdf-ar.png."""
    from pathlib import Path

    mission = Mission.objects.get(key="ntm-i")
    document = pdf.render(sections.build(mission, NTM_I[1], NTM_I[2], language="ar"))
    image = pdfium.PdfDocument(document)[1].render(scale=1.5).to_pil()
    folder = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    image.save(folder / "mission-report-pdf-ar.png")
    # Ink on the page: the text, the chart and the tables were drawn.
    grey = image.convert("L")
    assert grey.getextrema()[0] < 100
    dark = sum(grey.histogram()[:128])  # pixels darker than mid-grey
    assert dark > 0.01 * grey.width * grey.height


def test_people_trained_women_and_men_match_the_enrolments(dataset):
    """The training section's counts, read back from the PDF, against the enrolments
    counted directly: each person once a year, by the year their session started."""
    from django.db.models.functions import ExtractYear

    from cadre.training import summary
    from cadre.training.generated import generate_training
    from cadre.training.models import Enrolment, Person, Session

    generate_training(60, seed=3)
    # Generated sessions name no mission: give them NMI's, and recount the summary.
    mission = Mission.objects.get(key="nmi")
    Session.objects.filter(generated=True).update(mission=mission)
    summary.rebuild()
    counted = Enrolment.objects.filter(
        status__in=["enrolled", "graduated", "failed"], session__mission=mission
    ).exclude(session__status=Session.Status.CANCELLED)
    years = sorted({d.year for d in counted.values_list("session__start", flat=True)})
    start, end = datetime.date(years[0], 1, 1), datetime.date(years[-1], 12, 31)

    def people(sex):
        return (
            counted.filter(session__mission=mission, person__sex=sex)
            .annotate(year=ExtractYear("session__start"))
            .values("year", "person")
            .distinct()
            .count()
        )

    women, men = people(Person.Sex.FEMALE), people(Person.Sex.MALE)
    assert women + men > 0
    for language in ("en", "ar"):
        report = sections.build(mission, start, end, language=language)
        figures = cited(report, "training")
        assert f"{women:,}" in figures and f"{men:,}" in figures
        text = squeezed(pdf_text(pdf.render(report)))
        assert with_note(f"{women:,}", figures[f"{women:,}"], language) in text
        assert with_note(f"{men:,}", figures[f"{men:,}"], language) in text
