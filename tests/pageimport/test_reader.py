"""The date reader, one pattern, layout or guard per test; plain Python, no database.

The sentences are made up for the tests, in the manner of the pages the reader meets.
"""

import ast
import collections
import datetime
import pathlib

import pytest

from cadre.pageimport import reader
from cadre.pageimport.reader import ActorTable, find_dates, kind_of, page_text, read_dates


def read(text, **options):
    return read_dates(page_text(text), **options)


def only(text, **options):
    found = read(text, **options)
    assert len(found) == 1, [c.edtf for c in found]
    return found[0]


def edtfs(text):
    return [c.edtf for c in read(text)]


# Patterns -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "edtf", "precision"),
    [
        ("The Council met on 16 December 2004.", "2004-12-16", "day"),
        ("The Council met on December 16, 2004.", "2004-12-16", "day"),
        ("The Council met on 2004-12-16.", "2004-12-16", "day"),
        ("The Council met on 16/12/2004.", "2004-12-16", "day"),
        ("The Council met on the 3rd of May 2010.", "2010-05-03", "day"),
        ("The Council met on 01 Sep. 2010.", "2010-09-01", "day"),
        ("The Council met in December 2004.", "2004-12", "month"),
        ("The Council met in summer 2013.", "2013-22", "season"),
        ("The Council met in the winter of 2013.", "2013-24", "season"),
        ("The Council met in the second quarter of 2019.", "2019-34", "quarter"),
        ("The Council met in Q4 2019.", "2019-36", "quarter"),
        ("The Council met in the first half of 2015.", "2015-40", "half"),
        ("The Council met in 2007.", "2007", "year"),
    ],
)
def test_each_pattern_gives_its_edtf_and_precision(text, edtf, precision):
    candidate = only(text)
    assert (candidate.edtf, candidate.precision) == (edtf, precision)


def test_a_month_date_keeps_month_precision_and_spans_the_month():
    candidate = only("Training began in February 2016.")
    assert (candidate.start, candidate.end) == ("2016-02-01", "2016-02-29")


def test_a_season_spans_its_months_and_winter_either_year():
    summer = only("Training began in summer 2013.")
    winter = only("Training began in winter 2013.")
    assert (summer.start, summer.end) == ("2013-06-01", "2013-08-31")
    assert (winter.start, winter.end) == ("2012-12-01", "2014-02-28")


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Le 16 décembre 2004, le Conseil a décidé de poursuivre.", "2004-12-16"),
        ("En mars 2015, la mission a été prolongée.", "2015-03"),
        ("Am 3. März 2019 wurde die Mission verlängert.", "2019-03-03"),
        ("Im Oktober 2018 begann die Ausbildung.", "2018-10"),
        ("El 5 de mayo de 2010 se firmó el acuerdo.", "2010-05-05"),
        ("En diciembre de 2012 se renovó el mandato.", "2012-12"),
    ],
)
def test_french_german_and_spanish_month_names(text, edtf):
    assert only(text).edtf == edtf


# Modifiers and ranges ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The plan was agreed in early 2010.", "early"),
        ("The plan was agreed at the beginning of 2010.", "early"),
        ("The plan was agreed in mid-2010.", "mid"),
        ("The plan was agreed in late 2010.", "late"),
        ("The plan was agreed at the end of 2010.", "end"),
    ],
)
def test_modifiers_become_the_qualifier_and_keep_the_year(text, qualifier):
    candidate = only(text)
    assert (candidate.edtf, candidate.qualifier, candidate.precision) == ("2010", qualifier, "year")


def test_an_approximate_date_is_marked_in_edtf():
    candidate = only("The school opened around 2017.")
    assert (candidate.edtf, candidate.qualifier) == ("2017~", "approximate")


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("The mission trained officers from 2004 to 2011.", "2004/2011"),
        ("The mission trained officers between April and December 2016.", "2016-04/2016-12"),
        ("The mission trained officers in 2004–2011.", "2004/2011"),
        ("The mission trained officers in 2004-2011.", "2004/2011"),
        ("The mission trained officers in 2014-15.", "2014/2015"),
        ("The course ran 1–3 March 2010.", "2010-03-01/2010-03-03"),
        ("The course ran March–May 2010.", "2010-03/2010-05"),
        ("The force was there from May 2003 until 31 December 2011.", "2003-05/2011-12-31"),
    ],
)
def test_a_range_is_one_candidate(text, edtf):
    candidate = only(text)
    assert (candidate.edtf, candidate.precision) == (edtf, "range")


def test_the_start_of_a_range_takes_its_year_from_the_end():
    candidate = only("The team trained officers from 30 July to 16 December 2004.")
    assert candidate.edtf == "2004-07-30/2004-12-16"
    assert not candidate.inferred_year


def test_between_needs_and_and_from_needs_to():
    assert edtfs("Courses were held in 2010 and in 2012.") == ["2010", "2012"]


# Guards ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It acts under Resolution 1546 and UNSCR 2107.",
        "It acts under UNSCR 2010.",
        "It is registered as No. 2004 in the list.",
        "The fund received $2010 and €2011 this round.",
        "Over 1999 million people were counted.",
        "Attendance rose to 2010% of the plan.",
        "Some 2000 troops and 2004 personnel took part.",
        "Each 7 week basic course trains 120 students.",
        "The mission is now fully staffed.",
        "The 1546 resolution and the year 2150 are out of range.",
    ],
)
def test_guards_keep_numbers_that_are_no_years_out(text):
    assert edtfs(text) == []


def test_a_capitalised_month_word_only_is_a_date_where_a_date_word_leads_to_it():
    assert edtfs("The mission may expand and march on.") == []
    assert edtfs("NATO agreed that it may help.") == []


def test_the_pages_own_date_is_no_event():
    assert edtfs("Last updated: 01 Sep. 2022 14:08") == []


# Years and context ---------------------------------------------------------------------


def test_a_date_without_a_year_takes_the_last_year_stated_and_says_so():
    found = read(
        "The mission was established on 30 July 2004. The first elements deployed on 7 August."
    )
    assert [(c.edtf, c.inferred_year) for c in found] == [
        ("2004-07-30", False),
        ("2004-08-07", True),
    ]


def test_a_year_heading_sets_the_context_year():
    found = read("2016\n\n7 August\tThe first team deployed.\n")
    assert [(c.edtf, c.inferred_year) for c in found] == [("2016-08-07", True)]


def test_with_no_context_year_a_date_gets_none_never_todays():
    candidate = only("The first elements deployed on 7 August.")
    assert candidate.edtf == "XXXX-08-07"
    assert (candidate.start, candidate.end, candidate.inferred_year) == (None, None, False)


def test_a_reference_date_gives_the_year_when_the_page_states_none():
    candidate = only(
        "The first elements deployed on 7 August.", reference_date=datetime.date(2019, 3, 1)
    )
    assert (candidate.edtf, candidate.inferred_year) == ("2019-08-07", True)


def test_a_relative_date_is_marked_for_the_reviewer_never_resolved():
    found = read("The team arrived in May 2004. Three weeks later it began training.")
    relative = found[1]
    assert (relative.edtf, relative.start, relative.relative) == (None, None, "Three weeks later")


# Layouts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "edtf", "qualifier"),
    [
        ("16 December 2004: SACEUR gives the activation order.", "2004-12-16", ""),
        ("16 December 2004\tSACEUR gives the activation order.", "2004-12-16", ""),
        ("December 2004 SACEUR gives the activation order.", "2004-12", ""),
        ("2007 Allies decide to extend the training.", "2007", ""),
        ("2006:At the Summit in Riga, leaders agree on niche training.", "2006", ""),
        ("End 2004: The mission is now established.", "2004", "end"),
    ],
)
def test_a_date_led_line_is_one_event_dated_by_its_lead(line, edtf, qualifier):
    candidate = only(line)
    assert (candidate.edtf, candidate.qualifier) == (edtf, qualifier)
    assert candidate.text == line
    assert not candidate.summary[:1].isdigit() and candidate.summary[:1].isupper()


def test_a_later_sentence_with_a_date_of_its_own_is_an_event_of_its_own():
    found = read("30 July 2004: The mission is established. The first elements deploy on 7 August.")
    assert [c.edtf for c in found] == ["2004-07-30", "2004-08-07"]
    assert found[0].text == "30 July 2004: The mission is established."
    assert found[1].text == "The first elements deploy on 7 August."


def test_two_events_in_one_sentence_are_two_candidates_with_their_own_clause():
    found = read("The mission was established on 30 July 2004 and deployed on 7 August.")
    assert [c.edtf for c in found] == ["2004-07-30", "2004-08-07"]
    assert [c.kind for c in found] == ["activation", "deployment"]
    assert found[0].text == found[1].text
    assert found[0].summary == "The mission was established"


def test_a_date_standing_after_a_caption_dates_the_caption():
    candidate = only(
        "An officer supervises training at the range (Photo by the mission.) 17 Jan 2010"
    )
    assert candidate.edtf == "2010-01-17"
    assert candidate.text.startswith("An officer supervises")


def test_html_becomes_blocks_with_offsets_into_the_text():
    html = (
        "<html><head><title>Milestones</title><script>var y = 2001;</script></head><body>"
        "<h2>2004</h2><ul><li>16&nbsp;December: SACEUR gives the order.</li></ul>"
        "<p>In <b>February</b> 2005 the mission was fully staffed.</p>"
        "<table><tr><td>22 June 2018</td><td>The Council approves the plan.</td></tr></table>"
        "</body></html>"
    )
    page = page_text(html)
    found = read_dates(page)
    assert page.title == "Milestones"
    assert [c.edtf for c in found] == ["2004-12-16", "2005-02", "2018-06-22"]
    for c in found:
        assert page.text[c.span[0] : c.span[1]] == c.text
        assert page.text[c.date_span[0] : c.date_span[1]] == c.date_text
    assert found[0].inferred_year


def test_unicode_spaces_become_ordinary_ones_one_for_one():
    text = "In\u00a0December\u202f2008 NATO expands the mission."
    page = page_text(text)
    assert page.text == "In December 2008 NATO expands the mission."
    assert len(page.text) == len(text)
    assert only(text).edtf == "2008-12"


def test_a_text_file_may_name_its_address_and_title():
    page = page_text("SOURCE: https://example.org/a\nTITLE: A page\n2010: The school opened.\n")
    assert (page.address, page.title) == ("https://example.org/a", "A page")
    assert page.text.startswith("2010: The school opened.")


def test_a_short_line_without_a_sentence_end_is_a_heading_not_an_event():
    assert edtfs("Assistance to the nation (2004-2011)\nThe school opened in 2005.\n") == ["2005"]


# Kinds and actors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The Prime Minister sends a letter of request.", "request"),
        ("Ministers decide to increase the size of the mission.", "decision"),
        ("SACEUR gives the activation order.", "activation"),
        ("The Core Team is deployed to Baghdad.", "deployment"),
        ("Leaders launch a training mission.", "launch"),
        ("NATO expands the mission to include navy training.", "expansion"),
        ("The partnership programme is signed.", "agreement"),
        ("The mission was withdrawn from the country.", "withdrawal"),
        ("The Secretary General visits the training facilities.", "visit"),
        ("Ministers meet to review the mission.", "meeting"),
        ("The Council approves the Operations Plan.", "approval"),
        ("At the request of the government, NATO agreed to help.", "decision"),
        ("During his visit, the Secretary General meets the President.", "visit"),
        ("The mission is fully staffed.", "milestone"),
    ],
)
def test_kinds_come_from_trigger_words(sentence, kind):
    assert kind_of(sentence) == kind


def test_actors_come_from_the_tables_and_the_offices():
    table = ActorTable.build(
        organisations=[
            ("nac", "North Atlantic Council", "NAC"),
            ("nato", "North Atlantic Treaty Organization", "NATO"),
        ],
        nations=[("IRQ", "Iraq"), ("ITA", "Italy")],
    )
    candidate = only(
        "On 22 September 2004 the North Atlantic Council and the NATO Secretary General "
        "agreed to help Iraq; Italy and the defence ministers welcomed it.",
        actors=table,
    )
    assert candidate.actors == [
        "NAC",
        "NATO",
        "Secretary General",
        "Iraq",
        "Italy",
        "Defence Ministers",
    ]
    assert candidate.actor_keys == ["nac", "nato", "IRQ", "ITA"]


def test_an_acronym_is_matched_as_written_only():
    table = ActorTable.build(organisations=[("act", "Allied Command Transformation", "ACT")])
    assert only("In 2004 the ACT group was set up.", actors=table).actors == ["ACT"]
    assert only("In 2004 they had to act fast.", actors=table).actors == []


def test_a_nations_initials_before_a_currency_sign_name_no_actor():
    table = ActorTable.build(nations=[("USA", "United States")])
    assert only("In 2008 the corvettes were sold for US$1.2 billion.", actors=table).actors == []
    assert only("In 2008 the US sold the corvettes.", actors=table).actors == ["United States"]


def test_find_dates_reports_offsets_of_each_phrase():
    text = "From 2004 to 2011, and again in May 2015."
    mentions = find_dates(text)
    assert [text[m.start : m.end] for m in mentions] == ["From 2004 to 2011", "May 2015"]


# Found by the held-out pages (eval/heldout): one test a rule -----------------------------


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("The students arrive on flights on 12 and 13 March 2019.", "2019-03-12/2019-03-13"),
        (
            "A budget was agreed for the period 1 October 2018 to 30 September 2020.",
            "2018-10-01/2020-09-30",
        ),
        (
            "El presupuesto cubre entre el 1 de enero de 2017 hasta el 31 de diciembre de 2018.",
            "2017-01-01/2018-12-31",
        ),
        (
            "El presupuesto cubre desde el 1 de enero de 2017 hasta el 31 de diciembre de 2018.",
            "2017-01-01/2018-12-31",
        ),
    ],
)
def test_two_days_of_one_month_and_a_period_are_one_range(text, edtf):
    candidate = only(text)
    assert (candidate.edtf, candidate.precision) == (edtf, "range")


def test_a_copyright_year_is_no_event():
    assert edtfs("Copyright 2022 © example.com. All rights reserved.") == []
    assert edtfs("© 2021 The Publisher") == []


@pytest.mark.parametrize(
    "text",
    [
        "The mandate was extended until 15 July 2016. It was due to end in July this year.",
        "Le mandat est prolongé jusqu'au 15 juillet 2016. Il devait s'achever en juillet de "
        "cette année.",
    ],
)
def test_a_month_of_this_year_never_takes_the_last_year_stated(text):
    # "this year" is the year the page was written: the last year it stated need not be it.
    assert edtfs(text) == ["2016-07-15", "XXXX-07"]
    found = read(text, reference_date=datetime.date(2014, 3, 1))
    assert [(c.edtf, c.inferred_year) for c in found] == [
        ("2016-07-15", False),
        ("2014-07", True),
    ]


def test_a_dateline_is_no_event_but_gives_the_year_of_what_follows():
    found = read(
        "Bruxelles, 16/03/2015 (Agence Europe) - Le mandat a été prorogé, lundi 16 mars, "
        "jusqu'au 31 décembre 2016."
    )
    assert [(c.edtf, c.date_text, c.inferred_year) for c in found] == [
        ("2015-03-16", "16 mars", True),
        ("2016-12-31", "31 décembre 2016", False),
    ]


def test_a_timestamp_opening_a_line_is_the_pages_own_date():
    text = (
        "March 26, 2023 12:51 am | Updated March 28, 2023 08:20 pm IST - LONDON\n\n"
        "The course began on June 27, 2022."
    )
    assert edtfs(text) == ["2022-06-27"]


def test_citation_marks_after_a_full_stop_end_the_sentence():
    found = read(
        "The operation commenced on 31 August 2014,[2] and its aim was to fight in Iraq.[3] "
        "In September 2015, the airstrikes were extended to Syria.[4][5] The team left."
    )
    assert [c.edtf for c in found] == ["2014-08-31", "2015-09"]
    assert found[1].text == "In September 2015, the airstrikes were extended to Syria.[4][5]"
    assert (found[0].kind, found[1].kind) == ("launch", "expansion")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("La UE lanzó en 2010 la misión militar.", "launch"),
        ("La misión se puso en marcha a principios de 2010.", "launch"),
        ("Los ministros han prorrogado la misión hasta 2018.", "expansion"),
        ("El Consejo acordó el 22 de enero transferir la misión.", "decision"),
        ("Flights were temporarily halted in June 2017.", "suspension"),
    ],
)
def test_spanish_triggers_and_a_halt(sentence, kind):
    assert kind_of(sentence) == kind


# Found by the second held-out set (eval/heldout2), each in made-up sentences -------------


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("The general visited the schools, October 2-4, 2017.", "2017-10-02/2017-10-04"),
        ("The team met the trainers on March 14–15, 2019.", "2019-03-14/2019-03-15"),
    ],
)
def test_a_range_of_days_in_american_order_keeps_its_year(text, edtf):
    assert edtfs(text) == [edtf]


def test_a_french_update_line_is_the_pages_own_date():
    text = "Mise à jour  : 27/02/2019\n\nLe 16 février 2019, le commandement a changé."
    assert edtfs(text) == ["2019-02-16"]


def test_a_timestamp_with_a_dash_before_its_clock_time_is_the_pages_own_date():
    text = "News\n\n27/09/2016 - 11:40\nNews stories\n\nOn 16 July 2016, the Council launched it."
    assert edtfs(text) == ["2016-07-16"]


def test_a_dateline_closing_the_agencys_parentheses_is_no_event_but_dates_what_follows():
    found = read(
        "PARIS (Some News / Wire - 08th April, 2020) The Council extended the mission on "
        "7 April until 30 April 2022."
    )
    assert [(c.edtf, c.inferred_year) for c in found] == [
        ("2020-04-07", True),
        ("2022-04-30", False),
    ]


@pytest.mark.parametrize(
    ("text", "edtf", "qualifier"),
    [
        ("Mi-octobre, les instructeurs ont passé le relais.", "XXXX-10", "mid"),
        ("Mid-October, the trainers handed over to the next rotation.", "XXXX-10", "mid"),
        ("Ab April soll das neue Mandat gelten.", "XXXX-04", ""),
    ],
)
def test_a_month_after_a_joined_modifier_or_german_ab_is_read(text, edtf, qualifier):
    found = only(text)
    assert (found.edtf, found.qualifier) == (edtf, qualifier)


def test_an_acts_own_date_on_its_line_under_the_title_is_no_event():
    text = (
        "Council Decision (CFSP) 2016/100\n\nof 12 March 2016\n\non a training mission\n\n"
        "On 19 January 2015, the Council adopted a decision. The decision of 3 May 2015 stands."
    )
    assert edtfs(text) == ["2015-01-19", "2015-05-03"]


def test_a_byline_ending_with_its_date_is_no_event():
    text = "By Staff Writer for NEWS!January 28, 2010\n\nOn June 12, 2009, the Council endorsed it."
    assert edtfs(text) == ["2009-06-12"]
    assert edtfs("By 16 December 2004\nthe trainers had left.") == ["2004-12-16"]
    assert edtfs("By the end of 2010, the army grew.") == ["2010"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Die Ausbildung wurde am 3. Januar 2020 ausgesetzt.", "suspension"),
        ("La formation a été suspendue le 8 janvier 2020.", "suspension"),
        ("Lancée le 19 septembre 2014, l'opération forme des instructeurs.", "launch"),
        ("Está previsto que la misión arranque en enero de 2019.", "launch"),
        ("En julio de 2018 se dio luz verde a una nueva misión.", "approval"),
        ("Le Conseil a donné son feu vert le 12 juillet 2016.", "approval"),
        ("Der Bundestag billigte das Mandat am 29. Januar 2015.", "approval"),
        # and by the third
        ("Die Verlegung der Hubschrauber fand am 24. Februar 2020 statt.", "deployment"),
        ("Die Rückverlegung der Kräfte ist für den 13. März 2020 geplant.", "withdrawal"),
        ("The initiative was first called for in 2004 by a group of experts.", "request"),
    ],
)
def test_triggers_found_by_the_second_and_third_held_out_sets(sentence, kind):
    assert only(sentence).kind == kind


# Years no longer invented for yearless dates (the weaknesses left on the tuned sets) -----


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet extended the mandate until May 2019. Because the country takes over "
        "the command at the end of November, the ceiling rises to 350 soldiers.",
        "Das Kabinett verlängerte das Mandat bis zum Mai 2019. Weil das Land Ende November "
        "die Führung übernimmt, steigt die Obergrenze.",
    ],
)
def test_a_yearless_date_after_the_end_a_year_was_stated_for_takes_no_year(text):
    # November 2019 would fall after the mandate's end: the page means November before it.
    found = read(text)
    assert [(c.edtf, c.inferred_year) for c in found] == [("2019-05", False), ("XXXX-11", False)]


def test_a_yearless_date_before_the_end_a_year_was_stated_for_takes_its_year():
    found = read(
        "The mission is to reach full capability by mid-December 2021. It has 140 staff.\n\n"
        "The Council also approved on 30 July a measure of 4 million."
    )
    assert [(c.edtf, c.inferred_year) for c in found] == [("2021-12", False), ("2021-07-30", True)]


PAGE_DATED_2020 = (
    "Trainers to resume their work\n\n17-02-2020\n\n"
    "The trainers left the base in January after rocket attacks.\n\n"
)


def test_a_year_mentioned_in_passing_does_not_outweigh_the_pages_own_date():
    found = read(
        PAGE_DATED_2020 + "The group remains a threat despite its defeat in December 2017.\n\n"
        "A strike on the base on December 27 killed a contractor."
    )
    assert [(c.edtf, c.inferred_year) for c in found] == [
        ("2020-01", True),
        ("2017-12", False),
        ("XXXX-12-27", False),
    ]


@pytest.mark.parametrize(
    ("story", "edtf"),
    [
        # The year opens its sentence: it sets the time of the story told after it.
        ("In 2017, the group lost its last town.\n\nOn December 27 a strike hit the base.", "2017"),
        # In the same paragraph as the date.
        ("The group lost its last town in 2017. On December 27 a strike hit the base.", "2017"),
    ],
)
def test_a_year_that_frames_the_story_still_dates_what_follows_a_page_date(story, edtf):
    found = read(PAGE_DATED_2020 + story)
    assert [c.edtf for c in found] == ["2020-01", edtf, f"{edtf}-12-27"]


def test_a_day_month_year_with_dashes_is_a_date():
    assert edtfs("The trainers returned on 17-02-2020.") == ["2020-02-17"]


def test_a_month_after_on_is_a_date():
    assert edtfs("The US retaliated on December with airstrikes.") == ["XXXX-12"]


def test_a_footer_date_run_into_a_sentence_is_no_event_but_dates_what_follows():
    found = read(
        "La bandera ondea desde el pasado 22 de febrero en la base. Aprendieron técnicas de "
        "Marzo 2015 combate y conducción. Las acciones comenzaron a finales de febrero."
    )
    assert [(c.edtf, c.date_text) for c in found] == [
        ("XXXX-02-22", "22 de febrero"),
        ("2015-02", "finales de febrero"),
    ]


# Found by the third held-out set (eval/heldout3) after its first run, in made-up sentences


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers have been trained since October 2018. The core of the exercise ran on "
        "2 and 3 March.",
        "Die Soldaten werden seit dem Oktober 2018 ausgebildet. Die Übung lief am 2. und 3. März.",
    ],
)
def test_a_year_stated_as_the_start_of_what_goes_on_dates_nothing_after_it(text):
    # "since October 2018": the page is written later, in a year it does not state.
    assert edtfs(text) == ["2018-10", "XXXX-03-02/XXXX-03-03"]


def test_the_last_such_date_takes_its_year_from_the_reference_date_only():
    text = (
        "Le Conseil l'a dit dans ses conclusions du 19 juin 2017.\n\n"
        "La Belgique a cédé le relais à l'Espagne le 31 janvier dernier."
    )
    assert edtfs(text) == ["2017-06-19", "XXXX-01-31"]
    found = read(text, reference_date=datetime.date(2018, 5, 14))
    assert [(c.edtf, c.inferred_year) for c in found][1] == ("2018-01-31", True)
    found = read(text, reference_date=datetime.date(2018, 1, 10))
    assert found[1].edtf == "2017-01-31"
    assert edtfs("Planteada el pasado agosto, la misión arrancará en 2023.") == ["XXXX-08", "2023"]


def test_a_date_after_a_clock_time_is_a_timestamp():
    text = "Two killed in a blast\nGMT 15:47 2017 Tuesday ,29 August\nOn 3 May 2017 NATO met."
    assert edtfs(text) == ["2017-05-03"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        (
            "Bruxelles, Belgique, 24 mars (Agence) - Le Conseil a décidé lundi de prolonger le "
            "mandat jusqu'au 18 mai 2024.",
            "2024-05-18",
        ),
        (
            "Brasilia, Brazil (May 17, 2010) – The centre is holding a course from May 17 to 28 "
            "at the academy.",
            "2010-05-17/2010-05-28",
        ),
    ],
)
def test_datelines_naming_a_country_or_with_the_date_alone_in_parentheses(text, edtf):
    assert edtfs(text) == [edtf]


def test_a_range_of_days_joined_by_to():
    assert edtfs("The officers train from 8 to 19 October 2007.") == ["2007-10-08/2007-10-19"]
    assert edtfs("From 12 to 17 officers will attend.") == []


def test_a_date_alone_on_its_line_after_a_weekday_is_the_pages_date():
    found = read("Tue 12 Feb 2013\n\nThe training is scheduled to begin in April.")
    assert [(c.edtf, c.inferred_year) for c in found] == [("2013-04", True)]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        (
            "Lisbon, 4 November 2021 (Agency) - The trainers arrived in May this year and "
            "will stay until 30 June 2022.",
            "2021-05",
        ),
        (
            "Lisbonne, 4/11/2021 (Agence) - Les formateurs sont arrivés le 12 octobre dernier "
            "et resteront jusqu'au 30 juin 2022.",
            "2021-10-12",
        ),
        (
            "Lisbon, 4 November 2021 (Agency) - The first course ended on 20 December last "
            "and the second will begin in March 2022.",
            "2020-12-20",
        ),
    ],
)
def test_the_pages_own_date_stands_for_the_reference_date_when_none_is_given(text, edtf):
    # A dateline says when the page was written: "this year" and "the last 12 October"
    # are reckoned from it, as from a reference date.
    found = read(text)
    assert [(c.edtf, c.inferred_year) for c in found][0] == (edtf, True)
    # A reference date given by the user still comes first.
    assert read(text, reference_date=datetime.date(2023, 1, 5))[0].edtf[:4] in ("2023", "2022")


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # 18 March 2022 was a Friday, 10 June 2025 a Tuesday: the year would be a guess.
        (
            "The mission runs until March 2022, the ministry said in a Monday, March 18 statement.",
            "XXXX-03-18",
        ),
        ("Training ends in 2025. The office reported it on Saturday, June 10.", "XXXX-06-10"),
        # 16 March 2015 was a Monday: the year stated before fits the weekday.
        (
            "Le mandat court jusqu'au 31 décembre 2015. Il a été prorogé lundi 16 mars.",
            "2015-03-16",
        ),
    ],
)
def test_a_weekday_that_does_not_fit_the_year_taken_leaves_the_date_without_one(text, edtf):
    assert edtfs(text)[-1] == edtf


@pytest.mark.parametrize(
    "text",
    [
        "La mission est prolongée jusqu'au 20 septembre 2020. L'annonce a été faite ce 30 juillet.",
        "La misión durará hasta el 20 de septiembre de 2020. Se anunció este 30 de julio.",
    ],
)
def test_this_day_takes_the_pages_year_not_the_last_year_stated(text):
    # "ce 30 juillet" is of the year the page was written in, which it does not state.
    assert edtfs(text)[-1] == "XXXX-07-30"
    assert read(text, reference_date=datetime.date(2018, 8, 1))[-1].edtf == "2018-07-30"


def test_a_year_stated_as_the_start_of_a_period_dates_nothing_after_it():
    text = (
        "From 2015 until the invasion in February, the trainers taught 22,000 soldiers.\n\n"
        "On 17 June, the minister announced a new scheme."
    )
    assert edtfs(text) == ["2015", "XXXX-02", "XXXX-06-17"]
    # A range's own years still date what follows it.
    assert edtfs("The mission ran from 2015 to 2017. On 3 May the last trainers left.") == [
        "2015/2017",
        "2017-05-03",
    ]


def test_a_date_opening_a_line_between_a_dash_and_the_sites_name_is_the_pages_date():
    text = "June 19th, 2017 – Example News –\n\nThe allies met on 3 July to plan the training."
    assert edtfs(text) == ["2017-07-03"]
    # A chronology's date-led line is still an event.
    assert edtfs("16 December 2004 – The Council decides to expand the mission.") == ["2004-12-16"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Au cours du premier semestre 2019, la mission a formé un bataillon.", "2019-40"),
        ("Im zweiten Halbjahr 2020 bildete die Bundeswehr Offiziere aus.", "2020-41"),
        ("Durante el primer semestre de 2021 se formaron 300 soldados.", "2021-40"),
        ("Au cours du premier semestre de cette année, elle a formé un bataillon.", "XXXX-40"),
    ],
)
def test_halves_in_french_german_and_spanish(text, edtf):
    assert edtfs(text) == [edtf]


# What the fifth held-out set's first run missed ------------------------------------------


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Since the fifties, the army has trained its own officers.", "195X"),
        ("Depuis les années soixante, l'école forme des officiers.", "196X"),
        ("In den achtziger Jahren gründete das Land eine Polizeischule.", "198X"),
        ("La academia abrió en los años noventa.", "199X"),
        ("Training began in the 1990s with a few courses.", "199X"),
        ("La mission date des années 2000.", "200X"),
        ("In den 1970er Jahren entstand die Schule.", "197X"),
        ("Durante la década de 1980 la escuela creció.", "198X"),
    ],
)
def test_a_decade_is_read_with_an_unspecified_digit(text, edtf):
    found = only(text)
    assert (found.edtf, found.precision) == (edtf, "decade")
    start = int(edtf[:3] + "0")
    assert (found.start, found.end) == (f"{start}-01-01", f"{start + 9}-12-31")


def test_a_decade_gives_no_year_to_a_yearless_date_after_it():
    assert edtfs("Since the 1990s the school has trained police. On 3 May a course began.") == [
        "199X",
        "XXXX-05-03",
    ]


def test_ages_and_years_naming_things_are_no_decades():
    assert edtfs("The recruits, in their forties, joined the course.") == []
    assert edtfs("After the 1990 elections, the academy opened.") == ["1990"]


@pytest.mark.parametrize(
    "text",
    [
        "The course has more than 2000 modules in all.",
        "Una formación que se compone de más de 2000 módulos.",
        "Le programme compte plus de 2000 heures de cours.",
        "Die Ausbildung umfasst mehr als 2000 Stunden.",
        "The academy has trained nearly 2000 cadets.",
    ],
)
def test_a_number_after_more_than_is_a_count_not_a_year(text):
    assert edtfs(text) == []


def test_a_date_opening_a_news_item_that_says_today_is_its_dateline():
    text = (
        "13 September 2011 – As part of its work, the police today began a two-week "
        "workshop. It ends on 27 September."
    )
    # No event for the dateline ("today" is the reviewer's to date), and its year dates
    # what follows.
    assert edtfs(text) == ["2011-09-27"]
    # Without "today", a date, a dash and a sentence is a chronology's date-led line.
    assert edtfs("13 September 2011 – The police began a two-week workshop.") == ["2011-09-13"]


def test_a_date_alone_under_a_fact_boxs_labels_is_an_event():
    text = (
        "The mission was set up to train the police.\n"
        "Starting Date:\n"
        "Head of Mission:\n"
        "15 June 2007\n"
    )
    found = read(text)
    assert [c.edtf for c in found] == ["2007-06-15"]
    # Under a bare "Date:" or "Published:" it is the page's own date.
    for label in ("Date:", "Published:"):
        assert edtfs(f"Intro of the page.\n{label}\n15 June 2007\n\nThe course began in May.") == [
            "2007-05"
        ]


def test_nations_are_found_by_their_french_german_spanish_and_short_names():
    table = ActorTable.build(
        [("nato", "North Atlantic Treaty Organization", "NATO")],
        [("ESP", "Spain"), ("DEU", "Germany"), ("GBR", "United Kingdom"), ("ISL", "Iceland")],
    )
    assert [label for label, _ in table.find("La OTAN y España")] == ["NATO", "Spain"]
    assert [label for label, _ in table.find("Deutschland und Spanien")] == ["Germany", "Spain"]
    assert [label for label, _ in table.find("le Royaume-Uni et l'Allemagne")] == [
        "United Kingdom",
        "Germany",
    ]
    assert [label for label, _ in table.find("the U.K. and the UK")] == ["United Kingdom"]
    assert table.find("Island nations trained together") == []  # Iceland in German, as written


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("In May 2019 the government announced the extension of the mission.", "expansion"),
        ("The mission is to reach full operational capability by December 2021.", "activation"),
        ("On 12 July 2016 the Council adopted a decision setting up the mission.", "decision"),
        ("On 12 July 2016 the Council adopted the mission's budget.", "approval"),
    ],
)
def test_triggers_found_by_the_earlier_sets_kinds(sentence, kind):
    assert only(sentence).kind == kind


# What the sixth held-out set's first run missed ------------------------------------------


def test_two_seasons_sharing_one_year_are_one_range():
    assert edtfs("In the spring to fall of 2011, the teams trained police.") == ["2011-21/2011-23"]


def test_two_numeric_dates_joined_by_a_dash_are_one_range():
    assert edtfs("The budget is 22 million euros (01/03/2017-28/02/2018).") == [
        "2017-03-01/2018-02-28"
    ]


def test_a_footnote_number_after_a_years_full_stop_keeps_the_year():
    assert edtfs("The brigades were to be ready by the end of 2019.1. Then came the rest.") == [
        "2019"
    ]
    assert edtfs("The ministry spent 2019.5 million on the course.") == []


def test_a_page_date_that_was_only_read_as_furniture_now_dates_what_follows():
    # A publication line gives its year; a weekday that does not fit the last year stated
    # is tried in the page's year.
    text = (
        "Training mandate extended Published on Wednesday 11 January 2023\n\n"
        "The mission stays until 31 January 2025, the office said on Tuesday 10 January."
    )
    assert edtfs(text) == ["2025-01-31", "2023-01-10"]
    # A byline after "Written by", and a date line naming only the site that copied it.
    assert edtfs("Written by A. Writer 04/04/2024\n\nThe advisers arrived in March.") == ["2024-03"]
    assert edtfs("01/11/2010 - example.com\n\nThe instructors left in June.") == ["2010-06"]


def test_last_updated_gives_the_year_what_follows_is_in_but_not_the_pages_own():
    text = (
        "Last updated: 01 Sep. 2022\n\n"
        "In 2004 the allies agreed to help.\n\n"
        "The first trainers deployed on 7 August, soon followed by more."
    )
    assert edtfs(text) == ["2004", "2004-08-07"]
    assert edtfs("Mise à jour : 09/11/2016\n\nMi-octobre, les formateurs sont rentrés.") == [
        "2016-10"
    ]


def test_the_pages_title_again_at_the_top_of_its_text_is_no_event():
    text = (
        "TITLE: Training mission extended until 31 January 2025 - example.com\n"
        "Training mission extended until 31 January 2025 - example.com\n\n"
        "The council decided on 10 January 2023 to keep the mission."
    )
    assert edtfs(text) == ["2023-01-10"]


def test_this_day_with_its_year_is_the_pages_day_for_the_last_such_date():
    text = (
        "L'école a abrité ce 26 avril 2019 la cérémonie de clôture. La session "
        "s'est tenue du 15 au 26 avril dernier."
    )
    assert edtfs(text) == ["2019-04-26", "2019-04-15/2019-04-26"]


def test_a_range_whose_end_has_no_year_gives_its_start_none():
    text = "The course opened in 2019. A session ran from 15 to 26 April last."
    assert edtfs(text) == ["2019", "XXXX-04-15/XXXX-04-26"]


def test_a_month_after_vergangenen_is_the_last_such_month():
    found = only("Der Bundestag hatte das Mandat im vergangenen Oktober verlängert.")
    assert found.edtf == "XXXX-10"
    found = only(
        "Der Bundestag hatte das Mandat im vergangenen Oktober verlängert.",
        reference_date=datetime.date(2019, 3, 1),
    )
    assert found.edtf == "2018-10"


def test_a_year_naming_an_initiative_is_no_date():
    assert edtfs("The ministers discussed the NATO 2030 initiative.") == []
    assert edtfs("The plan serves the Agenda 2030 of the government.") == []
    assert edtfs("In 2030 the alliance will review the mission.") == ["2030"]


def test_a_dateline_without_a_date_opens_the_article_and_forgets_the_year_above_it():
    text = (
        "The operation was launched on 26 June 2022.\n\n"
        "LONDON (Agency) - In April, the ministry said 10,000 had been trained."
    )
    assert edtfs(text) == ["2022-06-26", "XXXX-04"]


# What the seventh held-out set's first run missed ----------------------------------------


def test_this_past_month_is_the_last_such_month():
    assert edtfs("The rotation arrived this past June.") == ["XXXX-06"]
    found = only("The rotation arrived this past June.", reference_date=datetime.date(2016, 9, 1))
    assert found.edtf == "2016-06"


def test_a_publish_date_label_and_a_magazines_running_header_are_the_pages_own_dates():
    assert edtfs("The task group trains the army.\n\nPublish Date 06 Sep 2018\n") == []
    text = "Training Today • Issue No: 11 • November 2018 • 9 and so the team began in May."
    assert edtfs(text) == ["2018-05"]


def test_a_place_and_date_closing_the_page_is_its_own_date_but_not_in_the_middle():
    closing = (
        "The course closed in Mogadishu on the 16th of November.\n\nMogadishu, November 19th 2017"
    )
    assert edtfs(closing) == ["XXXX-11-16"]
    quoted = "A. Speaker\nPolice Commissioner\nDili, 22 April 2010\n\nThe officers deploy abroad."
    assert edtfs(quoted) == ["2010-04-22"]


def test_a_yearless_dateline_with_a_comma_before_its_agency_is_no_event():
    text = "Brussels, July 31, (Agency) – The mission is set to become operational on August 9."
    assert edtfs(text) == ["XXXX-08-09"]


# What the eighth held-out set's first run missed -----------------------------------------


def test_a_numeric_date_in_american_order_is_read_when_its_day_is_over_12():
    assert edtfs("10.27.2016\n\nThe ambassador toured the training centre on October 27.") == [
        "2016-10-27"
    ]
    # 03/04/2015 stays day first: the order cannot be told, and the pages mostly put the
    # day first.
    assert edtfs("The course ended on 03/04/2015 with a parade.") == ["2015-04-03"]


def test_a_span_of_years_written_with_one_digit():
    assert edtfs("Before it came EUPOL Kinshasa 2005-7 and then the new mission.") == ["2005/2007"]


def test_a_number_after_a_total_of_is_a_count():
    assert edtfs("By the end of the mandate a total of 2000 Somali soldiers were trained.") == []


def test_a_season_without_a_year_after_during_the_takes_the_context_year():
    text = "The battalion trained in 2015. During the fall, it deployed to the border."
    assert edtfs(text) == ["2015", "2015-23"]
    assert edtfs("The city was retaken after the fall of the capital in 2017.") == ["2017"]


def test_a_date_then_a_bar_and_an_author_is_the_pages_own_date():
    text = "28 Feb 2013 | Cpl. A. Writer\n\nThe Marines began the course in March."
    assert edtfs(text) == ["2013-03"]
    # A bar before an event is still a chronology's line.
    assert edtfs("16 December 2004 | The Council decides to expand the mission.") == ["2004-12-16"]


# What the ninth held-out set's first run missed ------------------------------------------


def test_a_german_decade_written_as_one_word():
    found = only("Schon in den Sechzigerjahren bildeten Polizisten aus dem Land Beamte aus.")
    assert (found.edtf, found.precision) == ("196X", "decade")
    assert edtfs("Die Ausbildung reicht in die Achtziger-Jahre zurück.") == ["198X"]


def test_a_date_then_a_run_of_words_until_the_end_it_runs_through_is_one_range():
    text = "The exercise, in its tenth year, kicks off May 3 in Dakar and runs through May 20."
    assert edtfs("In 2012, the unit trained.\n\n" + text) == ["2012", "2012-05-03/2012-05-20"]
    german = "Der Lehrgang beginnt am 3. Mai 2021 in Koulikoro und dauert bis zum 20. Mai 2021."
    assert edtfs(german) == ["2021-05-03/2021-05-20"]
    # Two events, not a range: the second verb is not one of lasting.
    assert edtfs("The course began on 3 May 2021 and the cadets graduated on 20 May 2021.") == [
        "2021-05-03",
        "2021-05-20",
    ]


def test_a_section_name_a_bar_and_a_date_is_the_pages_own_date():
    text = "News | Aug. 18, 2016\n\nThe team arrived in late July to advise the ministry."
    found = only(text)
    assert (found.edtf, found.inferred_year) == ("2016-07", True)
    # A chronology's line that opens with a date and a bar stays an event.
    assert edtfs("16 December 2004 | The Council decides to expand the mission.") == ["2004-12-16"]


def test_a_name_run_into_its_date_on_a_line_of_its_own_is_a_byline():
    text = "Anna Beispielfrau21. Dezember 2006\n\nSeit November bildet die Truppe Soldaten aus."
    found = only(text)
    assert (found.edtf, found.inferred_year) == ("2006-11", True)
    spaced = "Jean Exemple 4 mars 2019\n\nLe 2 février, la mission a formé un bataillon."
    assert edtfs(spaced) == ["2019-02-02"]


def test_a_date_with_a_clock_to_the_second_or_a_time_zone_is_a_timestamp():
    text = "Von: A. Absender amSa, 24 April 2021 17:03:32 +01:00\n\nAm 21. April bestätigte er es."
    assert edtfs(text) == ["2021-04-21"]
    assert edtfs("Sent: 3 May 2020 09:15 UTC\n\nThe course opened on 2 May.") == ["2020-05-02"]
    # A time of day in a sentence does not make its date furniture.
    assert edtfs("The ceremony was held on 3 May 2020 at 10:00 in Baghdad.") == ["2020-05-03"]


def test_a_german_day_and_month_in_figures_after_a_preposition():
    text = "Der Abzug wurde am 14. April 2021 angekündigt. Bis 24.04. kam keine Erklärung."
    assert edtfs(text) == ["2021-04-14", "2021-04-24"]
    assert edtfs("Der Preis stieg um 24.04. Prozent.") == []


def test_a_german_day_and_month_run_into_the_next_word():
    text = "Im April 2021 zog die Polizei ab. Das Amt äußerte sich am 23. Aprileine Woche später."
    assert edtfs(text) == ["2021-04", "2021-04-23"]
    assert edtfs("Er wohnte am 3. Marseiller Platz.") == []


def test_since_a_date_is_a_launch_when_no_other_word_gives_the_kind():
    assert only("Seit November 2019 bildet die Bundeswehr Soldaten aus.").kind == "launch"
    assert only("Des soldats sont formés depuis 2004 dans le pays.").kind == "launch"
    assert only("The battalion was deployed there since 2015.").kind == "deployment"
    assert only("Die Beamten werden bis zum 30. April 2021 abgezogen.").kind == "withdrawal"


def test_a_german_day_run_into_the_next_word_does_not_end_its_sentence():
    text = "Im April 2021 zog die Polizei ab. Das Amt äußerte sich am 23. Aprileine Woche später."
    found = read(text)[1]
    assert found.text == "Das Amt äußerte sich am 23. Aprileine Woche später."


# What the tenth held-out set's first run missed ------------------------------------------


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("The academy opened its doors on Christmas Eve, 1995.", "1995-12-24"),
        ("Am Heiligabend 2003 kehrten die Ausbilder zurück.", "2003-12-24"),
        ("Les instructeurs sont rentrés à Noël 2008.", "2008-12-25"),
        ("La misión comenzó en Nochevieja de 2012.", "2012-12-31"),
        ("The base was handed over in 2010. The last team left on New Year's Day.", "2010-01-01"),
    ],
)
def test_a_named_day_of_the_year_is_a_day(text, edtf):
    found = read(text)[-1]
    assert (found.edtf, found.precision) == (edtf, "day")


def test_christmas_alone_without_a_year_is_no_date():
    assert edtfs("The Christmas market stayed closed.") == []


def test_a_yearless_date_after_an_older_year_mentioned_in_passing_takes_no_year():
    text = (
        "The coalition posted its note on 18 August 2025.\n\n"
        "A memorandum signed by the ministry in 2022 committed support to the reform.\n\n"
        "The report published on July 29 praised the advisors."
    )
    found = read(text)[-1]
    assert found.edtf == "XXXX-07-29"
    # A chronology going forward keeps the issue's rule: the last year stated.
    forward = "The academy opened in 2019.\n\nIn 2022 it trained a class.\n\nOn 3 May it left."
    assert read(forward)[-1].edtf == "2022-05-03"


def test_the_links_after_a_read_also_label_are_other_pages_and_no_events():
    text = (
        "The mission trained 300 officers in 2019.\n\n"
        "Read also:\n"
        "- Training foreign armies from the 1950s to 2010\n"
        "- Rebuilding an army: the example since 1958\n\n"
        "In 2020 the course moved to the capital."
    )
    assert edtfs(text) == ["2019", "2020"]


def test_a_page_stored_with_inline_tags_is_read_as_html_keeping_its_source_line():
    raw = (
        "SOURCE: https://example.org/news\nTITLE: [a news item]\n\n"
        '<span style="font-size: small;">Photo: <strong>Police</strong></span> '
        "<strong>The course began on 3 May 2017.</strong>"
    )
    page = page_text(raw)
    assert page.address == "https://example.org/news"
    assert "<strong>" not in page.text
    assert edtfs(raw) == ["2017-05-03"]


def test_a_figures_date_opening_a_sentence_without_a_comma_is_the_pages_dateline():
    text = "Photo: Police The Daily. 19/09/2017 Officers began their course yesterday in May."
    assert edtfs(text) == ["2017-05"]
    # Written as an event's date, with a comma, it stays one.
    assert edtfs("The course closed. 19/09/2017, the officers left.") == ["2017-09-19"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Mit Ablauf des 31.05.2023 endet die Mission.", "withdrawal"),
        ("The force planned its exit from the country by 2018.", "withdrawal"),
        ("Tras su finalización en marzo de 2015, la misión cambió.", "withdrawal"),
        ("The first troops entered the country in 2007.", "deployment"),
        ("Das 2004 eröffnete Zentrum bildet Offiziere aus.", "activation"),
    ],
)
def test_more_words_that_give_the_kind(sentence, kind):
    assert only(sentence).kind == kind


# What the eleventh held-out set's first run missed ---------------------------------------


def test_a_title_run_into_the_article_skips_only_the_title():
    raw = (
        "SOURCE: https://example.org/a\nTITLE: Mit deutschen Ausbildern (II)\n\n"
        "Mit deutschen Ausbildern (II) BERLIN (Eigener Bericht) - Die Ausbildung ruht. "
        "Die Lieferung traf wenige Tage vor dem Referendum am 25. September ein. "
        "Die Bundeswehr hatte die Lage lange für ruhig erklärt und die Kurse fortgesetzt, "
        "obwohl die Spannungen in der Region seit Wochen zunahmen."
    )
    assert edtfs(raw) == ["XXXX-09-25"]
    # The title alone, or with its publication line, is still no event.
    short = "TITLE: Ausbilder kehren nach Erbil zurück\n\nAusbilder kehren nach Erbil zurück 2019\n"
    assert edtfs(short) == []


def test_a_spanish_range_of_days_with_de_before_the_month():
    text = "La patrulla se hizo entre los días 25 y 27 de septiembre de 2021 frente a Mauritania."
    found = only(text)
    assert (found.edtf, found.precision) == ("2021-09-25/2021-09-27", "range")


def test_a_date_then_a_dash_and_the_kind_of_page_is_the_pages_own_date():
    text = "22.12.2015 - Article\n\nThe team arrived in May to train the coast guard."
    assert edtfs(text) == ["2015-05"]
    assert edtfs("17.03.2016 - Pressemitteilung\n\nIm April begann der Kurs.") == ["2016-04"]


def test_publicada_is_a_publication_line():
    text = "Publicada: sábado, 25 de marzo de 2017 17:43\n\nLos policías iraquíes se forman."
    assert edtfs(text) == []


def test_a_year_after_since_further_back_in_its_sentence_is_the_start_of_what_goes_on():
    text = (
        "The country has been in turmoil since an uprising toppled its leader in 2011.\n\n"
        "The stalemate grew out of the failure to hold elections in December."
    )
    assert edtfs(text) == ["2011", "XXXX-12"]


# What the twelfth held-out set's first run missed ----------------------------------------


@pytest.mark.parametrize(
    "future",
    [
        "Between 40 and 50 officers will serve at the new centre beginning in October.",
        "Durante el nuevo periodo que comienza en agosto, el contingente se centrará en el mando.",
        "La mission formera les cadets à partir d'avril dans la capitale.",
        "Die Ausbilder sollen ab Oktober in Erbil unterrichten.",
    ],
)
def test_a_yearless_date_in_a_sentence_about_the_future_keeps_no_year_from_the_past(future):
    text = f"The first class was trained in 2009.\n\n{future}"
    assert edtfs(text)[-1].startswith("XXXX")


def test_a_future_sentence_still_takes_a_year_stated_in_it_or_by_a_heading():
    assert edtfs("In 2010 the mission will open a school in March.") == ["2010", "2010-03"]
    assert edtfs("2010\n\nThe mission will open a school in March.") == ["2010-03"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Lancée depuis Bruxelles en juillet 2018 pour aboutir en octobre de la même année.",
         "2018-10"),
        ("Planned in July 2018, it opened in October of the same year.", "2018-10"),
        ("Se lanzó en julio de 2018 y empezó en octubre del mismo año.", "2018-10"),
    ],
)  # fmt: skip
def test_of_the_same_year_takes_the_year_just_stated(text, edtf):
    assert edtfs(text)[-1] == edtf


def test_christmas_after_a_preposition_is_a_day():
    assert edtfs("The course ran in 2016. After Christmas, the army takes it over.") == [
        "2016",
        "2016-12-25",
    ]


def test_posted_by_an_author_then_a_bar_and_the_date_is_the_pages_own():
    text = "Posted by: APO | 18 July 2016\n\nThe mission was extended in July."
    assert edtfs(text) == ["2016-07"]


def test_a_date_then_its_place_in_parentheses_is_a_dateline():
    text = "July 24, 2019 (JUBA) – Police officers have been trained since May."
    assert edtfs(text) == ["2019-05"]


def test_the_next_such_date_takes_its_year_only_from_the_pages_own_date():
    """ "el próximo 31 de enero", "next April", "avril prochain": the first such date after
    the page was written, as "the last 31 January" is the last before it."""
    dated = "Jueves, 18 enero 2018, 03:06\n\nEl general tomará el mando el próximo 31 de enero."
    assert edtfs(dated) == ["2018-01-31"]
    after = "Jueves, 18 enero 2018, 03:06\n\nLa misión empezará el próximo mes de abril."
    assert edtfs(after) == ["2018-04"]
    # Without the page's own date, no year: never the last year the page stated.
    text = "The course ran in 2013. El ministro dijo que empezará el próximo mes de abril."
    assert edtfs(text) == ["2013", "XXXX-04"]
    assert edtfs("La formation reprendra en avril prochain à Bamako.") == ["XXXX-04"]


@pytest.mark.parametrize(
    "later",
    [
        "Three years later, the trainers left in October.",
        "Tres años después, el ejercicio se hizo a primeros de octubre.",
        "Trois ans plus tard, l'exercice a eu lieu en octobre.",
        "Drei Jahre später fand die Übung im Oktober statt.",
    ],
)
def test_after_a_span_of_years_or_months_a_yearless_date_keeps_no_year(later):
    text = f"On 29 June 2014 the city fell.\n\n{later}"
    assert edtfs(text) == ["2014-06-29", "XXXX-10", None]


# What the thirteenth held-out set's first run missed -------------------------------------


def test_published_with_a_clock_before_the_date_is_the_pages_own_date():
    text = "Published 6:30 PM, November 13, 2017\n\nThe drill began in October."
    assert edtfs(text) == ["2017-10"]


def test_a_month_naming_a_morning_is_a_date():
    assert edtfs("It was a bleak February morning when the recruits arrived.") == ["XXXX-02"]
    assert edtfs("The Council met in 2015. On a cold March day the course opened.") == [
        "2015",
        "2015-03",
    ]
    # A month alone with no such word stays no date ("March" the verb, a name).
    assert edtfs("The recruits march every morning.") == []


# What the fourteenth held-out set's first run missed -------------------------------------


def test_a_resolution_written_in_french_is_no_year():
    text = "Conformément à la résolution 2085 (2012) du Conseil de sécurité, la mission agit."
    assert edtfs(text) == ["2012"]


def test_after_a_few_months_the_year_last_stated_no_longer_dates_what_follows():
    text = (
        "Les premiers experts sont arrivés le 6 juillet 2014. Après quelques mois de contacts, "
        "les opérations ont été lancées en janvier."
    )
    assert edtfs(text) == ["2014-07-06", "XXXX-01", None]


def test_a_day_alone_on_the_pages_last_line_is_its_own_date():
    text = "Le second bataillon a été formé en septembre 2017.\n\nA suivre...\n\nLe 29 octobre 2017"
    assert edtfs(text) == ["2017-09"]


@pytest.mark.parametrize(
    "stamp",
    [
        "A. WRITER MADRID Jueves, 18 enero 2018, 03:06",
        "Thursday, January 18th, 2018 at 08:16 pm",
    ],
)
def test_a_weekday_a_date_and_a_clock_are_a_timestamp(stamp):
    assert edtfs(f"{stamp}\n\nThe general takes command in May.") == ["2018-05"]


def test_this_month_of_takes_the_pages_year():
    text = "Jueves, 18 enero 2018, 03:06\n\nEl relevo se hará durante el presente mes de enero."
    assert edtfs(text) == ["2018-01"]


def test_this_year_under_a_heading_with_a_year_takes_the_headings():
    text = "Die Ausbildungsmission im Nordirak 2020\n\nIm Januar dieses Jahres begann der Einsatz."
    assert edtfs(text) == ["2020-01"]


def test_reported_future_in_german_keeps_no_year_from_the_past():
    text = "Die Mission begann 2007.\n\nNoch im Oktober werde ein Trainingszentrum eröffnet."
    assert edtfs(text) == ["2007", "XXXX-10"]


def test_a_date_then_by_and_an_author_is_a_byline():
    text = "8/30/2009 By Master Sgt. A. Writer, Marine Forces Europe\n\nThe battalion left in May."
    assert edtfs(text) == ["2009-05"]


def test_a_news_releases_date_line_with_sections_or_its_place_and_department():
    text = (
        "March 27, 2023 | Local, Other Defence\n\n"
        "March 27, 2023 – Ottawa, Ontario – National Defence / Armed Forces\n\n"
        "The operation was extended in March."
    )
    assert edtfs(text) == ["2023-03"]


def test_the_past_month_of_is_the_last_such_month():
    text = "La Guardia Civil reconoció el pasado mes de noviembre los espacios."
    assert edtfs(text) == ["XXXX-11"]
    assert edtfs("El cuartel abrió en 2006.\n\n" + text) == ["2006", "XXXX-11"]


def test_since_the_start_in_the_year_is_the_start_of_what_goes_on():
    text = (
        "Seit Beginn der Mission im Jahr 2002 hat der Bund viel gezahlt.\n\n"
        '"Start ist bereits Mitte September", erklärt er.'
    )
    assert edtfs(text) == ["2002", "XXXX-09"]


# What the fifteenth held-out set's first run missed --------------------------------------


def test_a_dateline_with_its_agency_after_a_comma():
    assert edtfs("Bakou, 20 février, AZERTAC\n\nLa mission a été lancée en décembre.") == [
        "XXXX-12"
    ]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Die Mission begann 2019. Da Deutschland im Sommer die Führung übernimmt, bleibt sie.",
         "2019-22"),
        ("La mission a commencé en 2019. Les instructeurs arrivent en automne.", "2019-23"),
        ("La misión empezó en 2019. Los instructores llegan en primavera.", "2019-21"),
    ],
)  # fmt: skip
def test_a_season_alone_after_im_en_or_au(text, edtf):
    assert edtfs(text)[-1] == edtf


def test_a_range_of_months_opened_by_d_apostrophe():
    text = "D’octobre à décembre 2016, le mandat s’est concentré sur la formation."
    assert edtfs(text) == ["2016-10/2016-12"]


def test_a_sentence_about_the_future_takes_the_next_such_date_after_the_pages_own():
    text = (
        "WASHINGTON, May 30, 2006 – NATO trainers work at the college.\n\n"
        "The course was re-established in 2005.\n\n"
        "The academy may transfer to NATO in July, officials said."
    )
    assert edtfs(text)[-1] == "2006-07"


def test_a_date_closing_the_repeated_title_is_the_pages_own_date():
    raw = (
        "TITLE: British troops to lead new officer academy\n\n"
        "British troops to lead new officer academy 08 July 2011\n\n"
        "Announcing the withdrawal of troops by the end of 2012 on 6 July, he said so."
    )
    assert edtfs(raw) == ["2012", "XXXX-07-06"]


def test_posted_in_french_with_the_year_first():
    text = "Posté: 2007 Sep 06 - 01:30• Douze ans après sa création, la police est formée."
    assert edtfs(text) == []
    assert edtfs("The course opened on 2007 Sep 06 in the capital.") == ["2007-09-06"]


def test_a_decade_in_two_digits():
    found = only("The police force was founded at the end of the 90's.")
    assert (found.edtf, found.precision, found.qualifier) == ("199X", "decade", "end")
    assert edtfs("In the '80s the army was small.") == ["198X"]


def test_a_range_of_days_with_the_before_each():
    text = "From the 22nd to the 27th November 2010, trainers were trained in Harare."
    assert edtfs(text) == ["2010-11-22/2010-11-27"]


def test_a_dateline_with_an_ellipsis_between_place_and_date():
    text = "Baghdad, Iraq…October 3, 2003— In an important step, the police trained in May."
    assert edtfs(text) == ["2003-05"]


def test_a_month_after_a_past_range_takes_the_ranges_year():
    text = (
        "La formation a duré sept mois. De janvier à mars 2017, la mission a formé deux "
        "compagnies. Durant le mois d’avril, le bataillon s’est exercé."
    )
    assert edtfs(text) == ["2017-01/2017-03", "2017-04"]
    # The end of what the page looks ahead to still bounds it.
    assert edtfs("The mission stays until May 2019. In November it will be reviewed.") == [
        "2019-05",
        "XXXX-11",
    ]


# What the sixteenth held-out set's first run missed --------------------------------------


def test_a_german_date_with_a_two_digit_year():
    assert edtfs("BG A. Offizier am 15.10.24 beim Vortrag in Kiel.") == ["2024-10-15"]
    assert edtfs("Der Vortrag fand am 15. 10.2024 statt.") == ["2024-10-15"]


def test_a_sites_initials_a_dash_and_a_date_alone_on_a_line_are_the_pages_own_date():
    text = "TMP – 24/02/2017\n\nOn 3 February, EU leaders agreed on a plan."
    assert edtfs(text) == ["2017-02-03"]


def test_a_text_line_broken_inside_a_sentence_is_joined_to_the_next():
    text = (
        "Around 130 personnel deployed to the country on\na wide range of training tasks in 2015."
    )
    found = only(text)
    assert found.text.startswith("Around 130 personnel") and found.edtf == "2015"


def test_between_one_month_to_another_is_a_range():
    assert edtfs("Courses held between January to June 2019 trained 615 officers.") == [
        "2019-01/2019-06"
    ]


def test_dated_is_a_publication_line():
    assert edtfs("Dated August 29, 2019\n\nThe trainers met in May.") == ["2019-05"]


def test_the_month_before_a_noun_after_the_is_a_date():
    text = "The army trained in 2015 to meet the December deadline set by the president."
    assert edtfs(text) == ["2015", "2015-12"]


def test_a_season_after_courant_and_a_print_issues_date():
    assert edtfs("La mission a débuté en 2020. Les gendarmes arrivent courant automne.") == [
        "2020",
        "2020-23",
    ]
    text = "RETROUVEZ L’ARTICLE DANS LA PARUTION DU MARDI 07 JUILLET 2020\n\nIls partent en mai."
    assert edtfs(text) == ["2020-05"]


def test_a_bar_then_a_date_alone_on_a_line_is_the_pages_own_date():
    assert edtfs("| 14.05.2016\n\nLa coopération a commencé en mars.") == ["2016-03"]


def test_a_year_inside_a_photos_identifier_is_no_year():
    text = "Photo: Combat Camera, DND IS03-2016-0017-008\n\nThe course closed on January 15."
    assert edtfs(text) == ["XXXX-01-15"]


def test_weihnachtsfest_is_christmas_day():
    text = "Die Polizisten flogen im Oktober 2019 nach Mali. Das Weihnachtsfest feiern sie dort."
    assert edtfs(text) == ["2019-10", "2019-12-25"]


def test_a_date_then_its_place_alone_on_a_line_is_a_dateline():
    text = "15th September 2016 Mogadishu, Somalia\n\nThe army opened a school in May."
    assert edtfs(text) == ["2016-05"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Für den Gegenbesuch wurde die 46. KW 2017 vereinbart.", "2017-11-13/2017-11-19"),
        ("The visit was set for week 46 of 2017.", "2017-11-13/2017-11-19"),
        ("Die Delegation reiste vom 11. – 16.11.2017 nach Bamako.", "2017-11-11/2017-11-16"),
    ],
)
def test_a_calendar_week_and_a_range_of_days_in_figures(text, edtf):
    assert edtfs(text) == [edtf]


def test_a_byline_in_german_with_its_agency_then_a_bar_and_the_date():
    text = "Von: A. Schreiber, dpa | 12.12.16\n\nDie Ausbilder kamen im Mai."
    assert edtfs(text) == ["2016-05"]


def test_a_german_ordinal_after_an_article_ends_no_sentence():
    text = "Für den Gegenbesuch wurde die 46. KW 2017 vereinbart."
    assert only(text).text == text


def test_a_plan_to_do_something_is_no_sentence_about_the_future():
    text = (
        "TMP – 24/02/2017\n\n"
        "On 3 February, EU leaders agreed on a wider plan to train the coast guard."
    )
    assert edtfs(text) == ["2017-02-03"]


# What the seventeenth held-out set's first run missed ------------------------------------


def test_a_figure_after_a_french_month_is_no_day():
    text = "La mission est née en janvier 2007 et a été mandatée par l’ONU en février 2, puis."
    assert edtfs(text) == ["2007-01", "2007-02"]


def test_the_american_order_still_reads_an_english_month_and_its_day():
    assert edtfs("The mission was approved in 2007, on February 2.") == ["2007", "2007-02-02"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Los soldados viajarán a Europa entre julio y agosto.", "XXXX-07/XXXX-08"),
        ("Les officiers ont été formés entre octobre et mars à Kananga.", "XXXX-10/XXXX-03"),
        ("Die Lehrgänge fanden zwischen Mai und Juli statt.", "XXXX-05/XXXX-07"),
    ],
)
def test_two_months_between_without_a_year_are_one_range(text, edtf):
    assert edtfs(text) == [edtf]


def test_a_month_after_d_ici_a_is_a_date():
    # A sentence about the future: only the page's own date would give the year.
    text = "Le contingent a été renforcé en 2007. Il sera porté à 200 d’ici à décembre."
    assert edtfs(text) == ["2007", "XXXX-12"]


def test_a_dateline_whose_place_names_its_country_in_parentheses():
    text = (
        "BASE AVANCEE DE MAIWAN (Afghanistan), 8 sept 2007 (AFP) - Les instructeurs "
        "arrivent. Le nombre sera porté à 200 d’ici à décembre."
    )
    found = only(text)
    assert (found.edtf, found.inferred_year) == ("2007-12", True)


def test_a_year_closing_or_opening_a_broken_line_keeps_its_sentence():
    text = (
        "Beide Zentren sind Teil der 2014\n"
        "beschlossenen Partnerschaft. Deutschland hatte bereits\n"
        "2016 die gleiche Summe gegeben."
    )
    found = read(text)
    assert [c.edtf for c in found] == ["2014", "2016"]
    assert found[1].text.startswith("Deutschland hatte bereits")


@pytest.mark.parametrize(
    "stamp",
    [
        "Pubdate: Mon, 07 Aug 2000 Source: A Daily Copyright: A Daily 2000",
        "Modified Date: 07:46 | 15 June 2023",
        "Vol. 4, No. 2: May 2003",
        "| March 5, 2010 | 0 Comments",
        "27. Juni 2011 | Themenbereich: Polizei | Drucken",
        "Editor in Chief: A. Writer Tuesday, June 2nd, 2020",
        "Excerpt, Marines train a battalion, Africom Monday, July 29, 2013",
    ],
)
def test_the_page_own_dates_of_headers_and_bars(stamp):
    assert edtfs(stamp + "\n\nThe trainers arrived in 2019.") == ["2019"]


def test_a_weekday_and_date_closing_a_sentence_is_an_event():
    assert edtfs("The council met on Monday, July 29, 2013") == ["2013-07-29"]
    assert edtfs("The council met Monday, July 29, 2013.") == ["2013-07-29"]


def test_a_future_date_takes_its_year_from_a_wire_header():
    text = "Pubdate: Mon, 07 Aug 2000\n\nThe battalion will begin training in September."
    assert edtfs(text) == ["2000-09"]


def test_a_dateline_with_a_point_before_the_year():
    text = "Vushtrri, May 26.2023 – The academy was visited by the minister."
    assert edtfs(text) == []


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("The school trained officers from its opening in 1999 until February 2007.",
         "1999/2007-02"),
        ("L’école a formé des policiers depuis sa création en 2004 jusqu’en 2012.", "2004/2012"),
    ],
)  # fmt: skip
def test_a_range_from_a_beginning_named_before_its_year(text, edtf):
    assert edtfs(text) == [edtf]


# What the eighteenth held-out set's first run missed -------------------------------------


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Boko Haram at a glance\n\n  • Founded in 2002\n", "2002"),
        ("Projekt\n\n  • Laufzeit: 2025-2027\n", "2025/2027"),
        ("Land: Südsudan\nGesamtlaufzeit: 2013 bis 2018\n", "2013/2018"),
    ],
)
def test_a_fact_box_item_is_no_heading(text, edtf):
    assert edtfs(text) == [edtf]


def test_a_short_line_with_a_year_alone_is_still_a_heading():
    assert edtfs("2004\n\nThe mission opened in May.") == ["2004-05"]


def test_a_decade_in_two_digits_after_during():
    assert edtfs("During 90s, peace operations were re-evaluated.") == ["199X"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Bereits vom 11. bis zum 13. April 2010 müssen sie einsatzfähig sein.",
         "2010-04-11/2010-04-13"),
        ("Partirán en dos rotaciones entre el 21 y el 29 de noviembre de 2019.",
         "2019-11-21/2019-11-29"),
    ],
)  # fmt: skip
def test_a_range_of_days_with_an_article_after_its_joiner(text, edtf):
    assert edtfs(text) == [edtf]


def test_days_of_a_list_share_the_month_of_the_last():
    text = "En 2019 partieron hacia Beirut los días 12, 18 y 23 de noviembre."
    assert edtfs(text) == ["2019", "2019-11-12", "2019-11-18", "2019-11-23"]


def test_two_days_that_follow_each_other_are_still_a_range():
    assert edtfs("Flights left on 12 and 13 March 2015.") == ["2015-03-12/2015-03-13"]
    assert edtfs("Patrols ran entre los días 25 y 27 de septiembre de 2019.") == [
        "2019-09-25/2019-09-27"
    ]


@pytest.mark.parametrize(
    "stamp",
    [
        "07:00 • 27 oct. 2019",
        "8:34 am on 6 May 2014",
        "Meldung vom 07.04.2010",
        "Erstellt: 03.11.2018, 11:11 Uhr",
        "PANA, 09 février 2019",
        "A. Writer, back from the Cantonment     9 March, 2018 12:00 AM printer",
        "2023 – Balkan Defence Monitor",
        "O 141103Z SEP 09",
    ],
)
def test_more_page_own_dates(stamp):
    assert edtfs(stamp + "\n\nThe trainers arrived in 2021.") == ["2021"]


def test_a_cables_declassification_date_gives_no_year():
    text = "E.O. 12958: DECL: 09/14/2019\n\nThe centre told us on September 9 that it agreed."
    assert edtfs(text) == ["XXXX-09-09"]


def test_a_cables_date_time_group_dates_the_page():
    text = "O 141103Z SEP 09\n\nThe centre told us on September 9 that it agreed."
    assert edtfs(text) == ["2009-09-09"]


def test_a_month_closing_a_line_and_its_year_opening_the_next():
    text = (
        'They proposed that the U.S. conduct a December\n2009 "big picture" module for officials.'
    )
    found = only(text)
    assert found.edtf == "2009-12"


def test_the_weekday_picks_a_year_the_page_stated():
    text = (
        "Depuis début janvier 2014, des experts forment le bataillon. Le camp a été créé en "
        "2010.\n\nLe président s’y est rendu le jeudi 13 février."
    )
    assert edtfs(text)[-1] == "2014-02-13"


def test_a_date_after_a_verb_in_the_past_is_not_about_the_future():
    # Not the first October 14 after the page's date (2012): the announcement was made,
    # before the page's own day, in its year.
    text = (
        "Monday, November 7, 2011\n\nThe plan dates from talks in 2007.\n\n"
        "The department announced October 14 that officers will begin training soon."
    )
    assert edtfs(text) == ["2007", "2011-10-14"]


def test_the_first_of_a_pair_takes_the_year_the_second_states():
    text = "Zwei Missionen hatten im Februar und November 2012 das Land bereist."
    assert edtfs(text) == ["2012-02", "2012-11"]


def test_a_day_of_this_month_takes_the_page_dates_month():
    text = (
        "Tegucigalpa (12.02.2024). – El curso empezó el 11 de febrero y finalizará el 15 de "
        "este mes."
    )
    assert edtfs(text) == ["2024-02-11", "2024-02-15"]


def test_a_day_of_this_month_without_a_page_date_is_left_out():
    assert edtfs("El curso finalizará el 15 de este mes.") == []


def test_the_months_of_a_list_after_a_comma():
    text = "The trainers came in 2019. In May, June and July the course ran."
    assert edtfs(text) == ["2019", "2019-05", "2019-06", "2019-07"]


def test_last_after_the_last_month_of_a_list_makes_each_the_last_such():
    # "pasado": before the page's date, which this page does not give; not the 2018 stated.
    text = (
        "Según el convenio suscrito en el 2018, durante los meses de agosto, setiembre y "
        "octubre pasado se capacitó a policías."
    )
    assert edtfs(text) == ["2018", "XXXX-08", "XXXX-09", "XXXX-10"]


# What the nineteenth held-out set's first run missed -------------------------------------


def test_a_month_of_last_year_takes_the_year_before_the_pages_own_date():
    # Relative to the page's date: under a dateline, the year before it, as "May this year"
    # takes the dateline's own.
    text = (
        "MANAMA, June 15, 2015\n\nThe talks follow the signing in December last year of a "
        "memorandum of understanding."
    )
    assert edtfs(text) == ["2014-12"]
    # With no date of its own, the page gives no year: the reviewer gives it.
    assert edtfs(text.split("\n\n")[1]) == ["XXXX-12"]
    # A year stated in the text is not the page's: "last year" is still not dated by it.
    assert edtfs("The plan was agreed in 2009. It was signed in December last year.") == [
        "2009",
        "XXXX-12",
    ]
    # "next year" counts on from the page's date.
    assert edtfs(text.replace("December last year", "June next year")) == ["2016-06"]


def test_months_of_a_list_of_last_year_keep_no_year():
    text = (
        "Exports worth $29 million were licensed between 2008 and 2013. Items approved in "
        "September and December of last year include body armour."
    )
    assert edtfs(text) == ["2008/2013", "XXXX-09", "XXXX-12"]
    # Two months one after the other are one span, and it keeps no year either.
    assert edtfs(text.replace("September", "November")) == ["2008/2013", "XXXX-11/XXXX-12"]


@pytest.mark.parametrize(
    "phrase",
    [
        "en décembre de l'année dernière",
        "im Dezember letzten Jahres",
        "en diciembre del año pasado",
    ],
)
def test_a_month_of_last_year_in_other_languages(phrase):
    text = f"Agencia, 15.06.2015 - El acuerdo firmado {phrase} entra en vigor."
    assert edtfs(text) == ["2014-12"]
    assert edtfs(text.replace("Agencia, 15.06.2015 - ", "")) == ["XXXX-12"]


def test_a_date_after_a_weather_reading_is_the_sites_clock_not_the_pages_date():
    # The day the page was served: "last May" keeps no year rather than the clock's.
    text = (
        "27 C\nWednesday, December 1, 2021\n\nOfficers train at the college\n\n"
        "Forty students started the course at the college, which opened last May."
    )
    assert edtfs(text) == ["XXXX-05"]


def test_a_bullet_holding_only_a_date_is_the_bylines_date():
    text = (
        "Exercise commences\n\n  • By\n  • May 23,2016\n  • 697\n\n"
        "The exercise, launched yesterday, runs until June 4."
    )
    assert edtfs(text) == ["2016-06-04"]


def test_a_spanish_weekday_abbreviation_before_the_sites_date():
    text = "Jue. Sep 19th, 2024\n\nSeis instructores prepararán a los aspirantes."
    assert edtfs(text) == []


def test_a_dateline_with_the_date_in_the_agencys_parentheses_after_a_semicolon():
    text = "(EBC; March 20, 2017)-  Ethiopia reaffirms its commitment to the mission."
    assert edtfs(text) == []


def test_a_dateline_of_place_date_with_a_slash_and_agency():
    text = (
        "Addis Ababa February 13/2021 (ENA) The training school has today graduated "
        "peacekeepers. The course began on January 4."
    )
    assert edtfs(text) == ["2021-01-04"]


def test_an_agency_and_place_with_le_before_the_date():
    text = "MADAR/Nouakchott le 12-12-2025\nLe projet, lancé en 2017, a pris fin."
    assert edtfs(text) == ["2017"]


def test_a_byline_naming_its_office_place_and_country_before_the_date():
    text = (
        "By Anna Writer U.S. Command Public Affairs GABORONE, Botswana Nov 09, 2011\n"
        "The second course was taught this autumn."
    )
    # The byline is no event; it dates "this autumn".
    assert edtfs(text) == ["2011-23"]


def test_a_journals_issue_line_is_no_event():
    text = "REVISTA  n.35 Quito Jan./Apr. 2023\n\nThe article reviews aid from 2006 onwards."
    assert edtfs(text) == ["2006"]


def test_a_day_and_capitalised_french_month_in_a_name_is_no_date():
    text = "Le pays soutiendrait la rébellion du M23 (Mouvement du 23 Mars) depuis un an."
    assert edtfs(text) == []


def test_through_joins_two_months_into_a_range():
    text = "The second course, taking place in October through mid-November 2011, was taught."
    assert edtfs(text) == ["2011-10/2011-11"]


def test_a_period_label_run_into_its_range():
    for label in ("Period3", "Period 3"):
        text = f"Program Outline\n\n{label} December, 2013 - 18 March, 2014\nLocation: Odongk"
        assert edtfs(text) == ["2013-12-03/2014-03-18"], label


def test_a_fiscal_year():
    assert edtfs("In FY2013, more personnel were dispatched.") == ["2013"]


def test_a_line_in_another_script_gives_the_pages_date():
    text = (
        "Troops to take part\n\nХуучирсан мэдээ: 2016.01.28-нд нийтлэгдсэн\n\n"
        "The exercise is planned to take place from 22nd May to 4th June."
    )
    assert edtfs(text) == ["2016-05-22/2016-06-04"]


def test_a_date_before_its_verb_in_the_past_is_not_about_the_future():
    # Not the first December after the page's date: the approval was given; the training
    # the relative clause looks ahead to is another matter.
    text = (
        "Monday, March 5, 2012\n\nThe process began in 2011, and goes on.\n\n"
        "In December, the ministry approved the transfer of the instructors, who will train "
        "officers for a year."
    )
    assert edtfs(text)[-1] == "XXXX-12"
    spanish = (
        "Lunes, 5 de marzo de 2012\n\nDesde enero del 2011 se inició este proceso. En "
        "diciembre, dijo Lira, se tuvo información del traslado de los instructores, quienes "
        "capacitarán a los uniformados."
    )
    assert edtfs(spanish)[-1] == "XXXX-12"


# What the twentieth held-out set's first run missed --------------------------------------


def test_a_date_after_since_does_not_take_the_year_of_an_end_stated_in_passing():
    text = (
        "The centre was revalidated, which allows training until July 2023.\n\n"
        "Instructors have been in the Congo since June, training soldiers."
    )
    assert edtfs(text) == ["2023-07", "XXXX-06"]


def test_an_agency_and_a_date_in_parentheses_closing_a_paragraph_are_the_sources():
    text = "The academy opened in 2006. Violations rose in 2009. (CISPES, Sept. 16)"
    assert edtfs(text) == ["2006", "2009"]


def test_a_photo_captions_year_does_not_date_the_story():
    text = (
        "Police secure a building in Nairobi, Kenya, on Jan. 15, 2019. (REUTERS Photo)\n"
        "The agency kicked off a training programme for police on Feb. 24."
    )
    assert edtfs(text) == ["2019-01-15", "XXXX-02-24"]


def test_a_weekday_after_a_ranges_joiner():
    text = "L’équipe a visité les forces du dimanche 16 au jeudi 20 janvier 2022."
    assert edtfs(text) == ["2022-01-16/2022-01-20"]


def test_a_list_of_decades_after_annees():
    text = "La coopération ne date respectivement que des années 1980 et 2000 (MINDEF)."
    assert edtfs(text) == ["198X", "200X"]


def test_los_anos_and_la_decada_del():
    assert edtfs("En la década del 90 comenzamos a participar.") == ["199X"]


def test_a_quoted_documents_citation_line_is_no_event():
    text = (
        "Government sources\n\nTonga and Australia continue to cooperate on security, "
        "Government of Tonga media release, 17 April 2007\n\nThe team is in the Kingdom now."
    )
    assert edtfs(text) == []


def test_a_year_naming_a_thing_in_passing_dates_no_later_paragraph():
    text = (
        "Pakistan has troops there under a 1982 bilateral agreement.\n\n"
        "The troops will not be deployed outside the kingdom.\n\n"
        "On February 14 the first phase of the exercise began."
    )
    assert edtfs(text) == ["1982", "XXXX-02-14"]


def test_a_capitalised_spanish_month_in_a_place_name():
    text = "La ceremonia tuvo lugar en la Guarnición Militar de Campo de Mayo."
    assert edtfs(text) == []


def test_a_date_run_into_the_text_at_the_top_is_the_pages():
    text = "08 Feb, 2022“The arrival of the forces is part of the cooperation,” the army said."
    assert edtfs(text) == []


def test_a_place_and_date_line_before_any_event_is_the_pages_date():
    text = (
        "Autor: A. Writer; Fotos: B. Writer\n\nHamburg, 23.11.2018\n\n"
        "Im Oktober besuchte die Ministerin das Land."
    )
    assert edtfs(text) == ["2018-10"]


def test_a_bracketed_byline_closing_with_its_date():
    text = (
        "[ A.Writer,Bruxelles, Example-forum.org, le dimanche 4 janvier 2014 ] A Bujumbura, "
        "l’armée prépare l’envoi de troupes."
    )
    assert edtfs(text) == []


def test_a_capitalised_name_ending_like_a_french_future_is_no_verb():
    text = (
        "Le 18 janvier 2022, le groupe a visité le quartier général.\n\n"
        "Les 18 et 19 janvier, le groupe a participé à un cours dans le district de Bugesera."
    )
    assert edtfs(text) == ["2022-01-18", "2022-01-18/2022-01-19"]


# What the twenty-first held-out set's first run missed -----------------------------------


def test_a_stamp_with_its_time_zone_in_parentheses():
    assert edtfs("# 29 December 2021 17:12 (UTC +04:00)\n\nThe commandos began training.") == []


def test_a_month_in_capitals_alone_is_a_name():
    text = "The UNHCR, the ICRC and MARCH (an NGO based in Lebanon) gave their contribution."
    assert edtfs(text) == []


def test_since_at_least_a_year():
    assert edtfs("They have assisted the police since at least 2010.") == ["2010"]


def test_del_opens_a_range_of_days():
    text = "Del 12 de enero al 26 de febrero, 61 unidades se entrenarán en el país."
    assert edtfs(text) == ["XXXX-01-12/XXXX-02-26"]


def test_a_decade_after_late():
    assert edtfs("The ships were introduced into the navy in the late 80s.") == ["198X"]


def test_a_photo_by_credit_closes_a_caption():
    text = (
        "By A. Writer   July 23, 2019 | 05:04 pm PT\n\n"
        "A vessel the coast guard received in 2017. Photo by Vietnam Coast Guard.\n\n"
        "The cutter patrolled the Western Pacific from January to mid-June."
    )
    assert edtfs(text) == ["2017", "2019-01/2019-06"]


def test_a_span_of_years_naming_a_war_in_passing_dates_nothing_after_it():
    text = (
        "Lebanon has lived through many crises, most recently the war of 2024.\n\n"
        "Its divisions were exploited, as in the 1975–1990 Civil War.\n\n"
        "A recent example is the September war between the two sides."
    )
    # Nor does the year of the war told in passing two paragraphs up, on a page without a
    # date of its own (the rule of the sixty-second set's tuning).
    assert edtfs(text) == ["2024", "1975/1990", "XXXX-09"]


def test_a_date_before_the_pages_own_day_takes_its_year_when_the_prose_year_is_in_passing():
    text = (
        "By A. Writer   July 23, 2019 | 05:04 pm PT\n\n"
        "The programme began with a boat sent in 2017.\n\n"
        "The cutter patrolled the Western Pacific from January to mid-June."
    )
    assert edtfs(text) == ["2017", "2019-01/2019-06"]
    # After the page's own day, it would be the year before: the page never states it.
    later = text.replace("from January to mid-June", "from August to mid-December")
    assert edtfs(later) == ["2017", "XXXX-08/XXXX-12"]


# What the twenty-second held-out set's first run missed ----------------------------------


def test_a_range_of_days_with_slashes_and_its_dash():
    assert edtfs("The course ran during the period from (7-11/11/2021) in Rome.") == [
        "2021-11-07/2021-11-11"
    ]


def test_a_tables_days_with_two_figure_years_joined_by_a_slash():
    text = "Training event\nU.S. unit\n15-Oct-98 / 20-Nov-98\nLight infantry course; San Lorenzo"
    assert edtfs(text) == ["1998-10-15/1998-11-20"]
    # Two figures name 1969 to 2068, as C's strptime reads them: "09" is this century's.
    assert edtfs("Training event\n03-Feb-09 / 20-Mar-09\nRiverine course") == [
        "2009-02-03/2009-03-20"
    ]


def test_a_date_line_with_a_comma_after_each_part_is_the_pages():
    text = "Thursday, 02, January, 2025\n\nThe trainers took part in a five-day exchange."
    assert edtfs(text) == []


def test_a_span_starting_before_1900_gives_its_end_no_event():
    assert edtfs("Entre 1850 et 2018, l'école a accueilli 1 665 élèves étrangers.") == []


def test_a_year_inside_a_resolutions_number():
    text = "The ministry published Ministerial Resolution 770-2015-DE / MGP accepting the grant."
    assert edtfs(text) == []


def test_french_sept_without_its_full_stop_is_seven():
    assert edtfs("Les formations se composent de sept modules différents.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Victoria/New Delhi, May 16 (Agency) India will help the coast guard with a radar.",
        "Port Louis [Mauritius], November 9 : The navy's team has begun a diving camp.",
        "Georgia, Tbilisi, Dec. 3 / Agency A. Writer /\nThe general met his counterpart.",
    ],
)
def test_datelines_without_a_year_of_other_shapes(text):
    assert edtfs(text) == []


def test_a_date_with_a_dash_and_a_clock_after_it_is_a_stamp():
    text = (
        "The minister arrived today. Photo from the ministry's press office., 08 Feb 2018 - "
        "18:39, Tbilisi,Georgia\n\nThe two ministers signed a cooperation plan."
    )
    assert edtfs(text) == []


def test_last_and_next_around_a_range():
    text = (
        "domingo, 13 de septiembre de 2015\n\n"
        "The submarine will remain deployed between July 15 last until next October 13."
    )
    assert edtfs(text) == ["2015-07-15/2015-10-13"]


def test_two_months_one_after_the_other_joined_by_and_are_one_span():
    assert edtfs("The course will be held in October and November, with 40 students.") == [
        "XXXX-10/XXXX-11"
    ]
    # Not two months apart, nor the last two of a longer list.
    assert edtfs("The teams met in March and September 2012.") == ["2012-03", "2012-09"]
    assert edtfs("Visitaron el país durante los meses de agosto, setiembre y octubre.") == [
        "XXXX-08",
        "XXXX-09",
        "XXXX-10",
    ]


def test_a_models_year_dates_no_later_paragraph():
    text = (
        "The gunners still use howitzers of model 1938 and 1943.\n\n"
        "Agreements were reached during visits by the deputy prime minister in August."
    )
    assert edtfs(text) == ["1938", "1943", "XXXX-08"]


def test_a_summary_drops_the_word_pointing_its_date_back():
    found = read("In 2015 the mission grew.\n\nLast June, he went on to report.")
    assert [c.summary for c in found] == ["The mission grew.", "He went on to report."]


# What the twenty-third held-out set's first run missed -----------------------------------


def test_a_blogs_stamp_line_of_date_parts_and_a_clock_is_the_pages():
    text = (
        "30 janvier 2014 4 30 /01 /janvier /2014 22:38\n\n"
        "Le commandant est en visite aux Comores du 28 au 30 janvier."
    )
    assert edtfs(text) == ["2014-01-28/2014-01-30"]


def test_a_date_before_the_pages_categories_is_the_pages():
    text = "26 September 2018 / Categories: News and Events\n\nThe course was held in Maseru."
    assert edtfs(text) == []


def test_a_time_label_before_the_pages_date():
    assert edtfs("Time: March 23, 2018\n\nJEDDAH: Eleven guards completed a course.") == []


def test_a_wires_dateline_without_its_place():
    text = "Dec. 30 (UPI) -- Navy personnel concluded the second of three training sessions."
    assert edtfs(text) == []


def test_a_date_inside_a_files_name_is_none():
    assert edtfs("Screen_Shot_2016-01-14_at_7.51.39_PMBrig. Gen. A. Writer spoke.") == []


@pytest.mark.parametrize(
    "text, edtf",
    [
        ("There will be several visits throughout December.", "XXXX-12"),
        ("Die Offiziere werden von Juli an Sprachkurse in Deutschland belegen.", "XXXX-07"),
    ],
)
def test_a_month_alone_after_throughout_and_von(text, edtf):
    assert edtfs(text) == [edtf]


def test_a_photographers_and_agencys_credit_closes_a_caption():
    text = (
        "Des forces spéciales lors d’une prise d’otages en octobre 2014. A. Writer/AFP\n\n"
        "En visite à Tunis jusqu’au 5 octobre, le ministre a conclu un accord."
    )
    assert edtfs(text) == ["2014-10", "XXXX-10-05"]


def test_a_year_aimed_at_dates_no_later_paragraph():
    text = (
        "Le pays prévoit de porter à 100 le nombre de cadets d’ici à 2025.\n\n"
        "En août, le ministre a remercié ses partenaires pour la formation."
    )
    assert edtfs(text) == ["2025", "XXXX-08"]


# What the twenty-fourth held-out set's first run missed ----------------------------------


def test_a_line_broken_before_a_year_and_its_comma_is_joined():
    text = "Between 1929 and\n1935, a Belgian military mission trained the\nguard."
    assert edtfs(text) == ["1929/1935"]


def test_between_the_years_opens_a_range():
    text = "La inversión se ejecutará progresivamente entre los años 2025 y 2029."
    assert edtfs(text) == ["2025/2029"]


def test_a_start_and_an_end_each_with_its_verb_are_one_range():
    text = "El ciclo iniciará formalmente el 19 de enero y concluirá el 9 de julio."
    assert edtfs(text) == ["XXXX-01-19/XXXX-07-09"]
    assert edtfs("The course begins on 3 May 2010 and ends on 20 May 2010.") == [
        "2010-05-03/2010-05-20"
    ]


def test_a_range_starting_later_in_the_year_than_its_end_starts_the_year_before():
    assert edtfs("The teams trained from 20 December to 15 January 2020.") == [
        "2019-12-20/2020-01-15"
    ]


def test_a_posts_stamp_with_its_clock_closing_the_line():
    text = "- Par A. Writer\n- Le 02/03/2016 à 07:53\nL’armée a entamé lundi la formation."
    assert edtfs(text) == []


def test_a_site_clock_over_a_place_and_an_hour():
    text = (
        "Les dernières actualités\nmardi 16 avril 2024\nAntananarivo | 13h48\n\n"
        "La France met le paquet\n\nsamedi 17 novembre 2007\n\n"
        "La ferme-école souhaitée lors de sa visite officielle en 2003 verra le jour."
    )
    assert edtfs(text) == ["2003"]


def test_a_dateline_whose_place_is_in_capitals_needs_no_agency():
    text = "DAR ES SALAAM, Dec. 30 -- The opening ceremony of the joint training was held."
    assert edtfs(text) == []


def test_a_programmes_name_with_an_acronym_and_a_year():
    assert edtfs("Auf dem Forum wurde das Projekt NATO 2030 diskutiert.") == []


def test_one_name_before_a_full_date_opening_the_text_is_a_byline():
    assert edtfs("Steve July 16, 2022\n\nThe generals invest in the relationship.") == []


def test_a_sources_date_in_parentheses_after_two_commas():
    text = "Fig. 16.20 The border in Sikkim (after A. Writer, Times of India, 30.6.17). p. 89"
    assert edtfs(text) == []


# A summary without the dateline that opens its sentence ---------------------------------


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        (
            "DAR ES SALAAM, Dec. 30 -- The opening ceremony of the joint training was held on "
            "December 23, 2019.",
            "The opening ceremony of the joint training was held.",
        ),
        (
            "POHANG, Feb. 8 (Korea Bizwire) – Since February 1, the division has trained with "
            "the marines.",
            "The division has trained with the marines.",
        ),
        (
            "Dec. 30 (UPI) -- Navy personnel concluded the second of three sessions this week.",
            "Navy personnel concluded the second of three sessions.",
        ),
    ],
)
def test_a_summary_leaves_out_the_dateline_opening_its_sentence(text, summary):
    assert [c.summary for c in read(text)] == [summary]


# What the twenty-fifth held-out set's first run missed -----------------------------------


@pytest.mark.parametrize(
    "stamp",
    [
        "Jueves, 29 de agosto de 2013 a las 07:30 pm",
        "Le 29 août 2013 à 07:30",
        "29.08.2013 · 07:30 Uhr",
        "Von Ana Beispiel 29.08.2013, 07:30",
        "Jueves , 29 de agosto de 2013",
    ],
)
def test_a_stamp_line_is_the_pages_date_and_gives_its_year(stamp):
    text = f"Maniobras conjuntas\n\n{stamp}\n\nLa operación será del 3 al 6 de septiembre."
    assert edtfs(text) == ["2013-09-03/2013-09-06"]


def test_an_ordinal_day_in_a_stamp_line():
    assert edtfs("Le 1er décembre 2025 à 09:13\n\nLa formation a débuté le 3 novembre.") == [
        "2025-11-03"
    ]


def test_a_year_set_off_by_a_dash_belongs_to_its_day():
    found = read("Miércoles 11 de Diciembre - 2024\n\nLas maniobras comenzaron ayer.")
    assert [c.edtf for c in found if c.edtf] == []
    (mention,) = find_dates("Miércoles 11 de Diciembre - 2024")
    assert (mention.first.year, mention.first.month, mention.first.day) == (2024, 12, 11)
    assert mention.last is None


def test_a_news_archives_list_of_days_is_no_event():
    text = (
        "The centre opened on 29 March 2010.\n\n"
        "Archiv\n24.05.2017(Heute)\n23.05.2017(Gestern)\n22.05.2017(Mo)\n"
    )
    assert edtfs(text) == ["2010-03-29"]


def test_a_date_written_year_first_with_slashes_is_the_pages_date():
    text = (
        "Coast guards to start training\n\n2022/10/19 英字\n\n"
        "The coast guards will start a joint training before the end of October."
    )
    assert edtfs(text) == ["2022-10"]


def test_a_day_named_again_without_its_year_is_the_day_already_dated():
    text = (
        "The Senate authorised a stay from 15 February to 16 April 2026. "
        "The instructors will arrive in Mexico on 15 February."
    )
    found = read(text)
    assert [c.edtf for c in found] == ["2026-02-15/2026-04-16", "2026-02-15"]
    assert found[1].inferred_year


def test_a_caption_run_into_the_repeated_title_tells_an_event():
    text = (
        "SOURCE: https://example.org/news\nTITLE: Island to host joint training\n\n"
        "Island to host joint training Soldiers arrive at the airport ahead of the two-week "
        "joint exercise, July 24, 2021.\n\n"
        "More troops will arrive for the exercise, which will unfold from Aug. 1 to 14."
    )
    assert edtfs(text) == ["2021-07-24", "2021-08-01/2021-08-14"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("From the 4-5th of May, the vice minister visited the base.", "XXXX-05-04/XXXX-05-05"),
        ("Since March 2017 and until January 2018, engineers trained the unit.", "2017-03/2018-01"),
        (
            "The coast guard trained crews during the course held on Oct. 23 to Nov. 25.",
            "XXXX-10-23/XXXX-11-25",
        ),
        (
            "The frigate docked on Wednesday, November 3, and will be in the port until "
            "Saturday, November 6.",
            "XXXX-11-03/XXXX-11-06",
        ),
    ],
)
def test_more_ways_of_writing_one_range(text, edtf):
    assert edtfs(text) == [edtf]


def test_a_decision_on_one_day_until_another_is_two_dates():
    assert edtfs("The operation was prolonged on 28 November 2016 until 31 December 2018.") == [
        "2016-11-28",
        "2018-12-31",
    ]


def test_a_sentence_cut_short_after_its_year_is_no_heading():
    text = "The two armies trained together.\nSince 2010, Beijing ha"
    assert edtfs(text) == ["2010"]


def test_a_year_dating_the_start_of_what_goes_on_gives_no_year_to_later_days():
    text = (
        "Les échanges sont fréquents, surtout depuis la première session de la commission "
        "mixte, tenue le 29 janvier 2020.\n\n"
        "Pour mémoire, une délégation s'est rendue dans le pays les 3 et 4 juin."
    )
    assert edtfs(text) == ["2020-01-29", "XXXX-06-03/XXXX-06-04"]


# What the twenty-sixth held-out set's first run missed -----------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "YEREVAN, AUGUST 25, ARMENPRESS: Joint exercises started yesterday at the range.",
        "NAIROBI, Kenya Nov 4 – Kenya has received a frigate for a joint exercise.",
        "Berlin, 17. Januar 2022. Im Ministerium fand das Treffen zur Ausbildung statt.",
        "Ciudad de Guatemala, 18 jul. (AGN).– El Ministerio continúa la formación policial.",
        "PRETORIA, 19 octobre. / TASS/. La France entend réduire ses instructeurs.",
        "New Delhi, Oct 26: The navy has sent a training squadron to the island.",
        "Phnom Penh (FN), Mar. 15 – The two armies began their joint drills.",
        "Lepaterique, Francisco Morazán 02 de mayo,2018.  El presidente inaugurará la base.",
        "Diplomacy |Author: A. Writer | November 23, 2016, Wednesday @ 10:22| 4937 views",
        "(Source: Royal Navy; issued July 18, 2019)",
    ],
)
def test_datelines_and_stamps_of_more_shapes_are_no_event(line):
    assert [c.edtf for c in read(line) if c.edtf] == []


def test_a_dateline_with_its_year_after_a_comma_and_no_space_gives_its_year():
    text = (
        "Lepaterique, Francisco Morazán 02 de mayo,2018.  El presidente inaugurará la base el "
        "5 de mayo."
    )
    assert edtfs(text) == ["2018-05-05"]


def test_a_norwegian_date_line_is_the_pages_date():
    text = "mandag 18. mars 2019\n\nThe drills will end with a March 27 closing ceremony."
    assert edtfs(text) == ["2019-03-27"]


def test_weekdays_inside_a_range_of_two_months():
    text = "Du lundi 30 Octobre au vendredi 10 Novembre 2017, 18 policiers ont été formés."
    assert edtfs(text) == ["2017-10-30/2017-11-10"]


def test_a_month_called_current_takes_no_year_from_prose():
    text = (
        "Après Port-Gentil en 2015, le navire a mouillé au large de Libreville du 11 au 15 "
        "avril courant."
    )
    assert edtfs(text) == ["2015", "XXXX-04-11/XXXX-04-15"]


def test_a_decade_in_words_with_its_modifier():
    found = only("The relationship between the two navies had peaked in the late eighties.")
    assert (found.edtf, found.precision) == ("198X", "decade")


def test_a_year_after_seit_and_a_pronoun_is_a_start_that_goes_on():
    text = (
        "Er kehrt regelmäßig zurück, seit er 1981 in Hangelar war.\n\n"
        "Nachdem er bereits im Mai seine Funktion verloren hatte, wurde er entlassen."
    )
    assert edtfs(text) == ["1981", "XXXX-05"]


# A short line with a full date above the article's first paragraph ----------------------


def test_a_dated_line_above_the_first_paragraph_is_the_pages_date():
    text = (
        "Joint exercise begins\n\nNyheter · 07.04.2022 · Skrevet av Ola\n\n"
        "The two armies began the exercise on April 5 and will end it on April 20, the "
        "ministry said in its statement."
    )
    assert edtfs(text) == ["2022-04-05", "2022-04-20"]


@pytest.mark.parametrize(
    ("line", "edtf"),
    [
        ("Der General am Montag, 15.10.2024 beim Vortrag vor dem Kommando", "2024-10-15"),
        ("16 December 2004: the Council approves the training mission", "2004-12-16"),
    ],
)
def test_a_caption_or_a_date_led_item_above_the_first_paragraph_is_an_event(line, edtf):
    text = (
        f"{line}\n\nThe mission trained officers of the army and the police in many courses "
        "over the years."
    )
    assert edtfs(text) == [edtf]


# What the twenty-seventh held-out set's first run missed ---------------------------------


def test_a_period_that_starts_and_ends_on_one_day_is_that_day():
    found = only(
        "Mandate in the capital 15/02/2012 - 15/02/2012\n\n"
        "The team advised officers of the police in many courses over the years."
    )
    assert (found.edtf, found.precision) == ("2012-02-15", "day")


def test_a_range_glued_to_its_from():
    text = "Three trainers went to the coast guard from12 to 27 July 2024 to train its crews."
    assert edtfs(text) == ["2024-07-12/2024-07-27"]


def test_a_date_line_over_a_clock_line_is_the_pages_date():
    text = (
        "Publicidad\n\nEcuador, 19 de Marzo de 2024\nEcuador Continental: 12:34\n\n"
        "La misión llegó el jueves 25 de abril al país."
    )
    assert edtfs(text) == ["2024-04-25"]


def test_the_year_in_a_coming_things_name_dates_its_later_days():
    text = (
        "Veintiocho países celebrarán aquí la competencia Fuerzas Comando 2023.\n\n"
        "La competencia será del 12 al 23 de junio en el centro de entrenamiento."
    )
    assert edtfs(text) == ["2023", "2023-06-12/2023-06-23"]
    # A year a past thing started in dates no day to come.
    text = (
        "Mit der 2007 von der EU gestarteten Mission soll die Zahl der Experten steigen.\n\n"
        "Noch im Oktober werde ein Zentrum in Dienst gestellt."
    )
    assert edtfs(text) == ["2007", "XXXX-10"]


# What the twenty-eighth held-out set's first run missed ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Ausbildung wird zu Beginn des dritten Quartals 2020 fortgesetzt.",
        "La formation reprendra au troisième trimestre 2020.",
        "El curso se dará en el tercer trimestre de 2020.",
    ],
)
def test_a_quarter_named_by_its_ordinal_in_german_french_and_spanish(text):
    found = only(text)
    assert (found.edtf, found.precision) == ("2020-35", "quarter")


def test_two_years_joined_by_a_slash_are_a_span():
    assert edtfs("Portugal will support the training for the 2017/2027 horizon.") == ["2017/2027"]


def test_a_range_of_days_with_its_month_in_figures_and_no_year():
    text = (
        "Mercredi 28 septembre 2022\n\n"
        "Des instructeurs ont formé leurs homologues à Lomé du 12 au 23-09, dit l'ambassade."
    )
    assert edtfs(text) == ["2022-09-12/2022-09-23"]


@pytest.mark.parametrize(
    "line",
    ["En Avril, 2015 (17:35 PM)Participer à la Discussion", "(Reçu à Example 24 décembre 2019)"],
)
def test_a_comments_stamp_and_a_receipt_line_are_no_event(line):
    assert [c.edtf for c in read(f"{line}\n\nLa marine a patrouillé au large.") if c.edtf] == []


# What the twenty-ninth held-out set's first run missed -----------------------------------


@pytest.mark.parametrize(
    "line",
    ["Publié le 7 juin 2024 Mis à jour le 24 juin 2024", "Published in Example, October 1st, 2019"],
)
def test_an_update_after_a_publication_date_and_a_papers_print_line_are_no_event(line):
    assert edtfs(f"The army will train the troops of its partner.\n\n{line}\n") == []


# What the thirtieth and thirty-first held-out sets' first runs missed --------------------


def test_a_date_set_off_by_commas_before_a_past_verb_is_that_verbs():
    text = (
        "In 2015, up to 300 soldiers were trained by the advisers.\n\n"
        "The minister, in December, said the trainers will begin the new courses in 2016."
    )
    assert edtfs(text) == ["2015", "2015-12", "2016"]


def test_a_yearless_range_of_days_in_american_order_joined_by_to():
    text = "In 2018, the army hosted a field exercise June 14 to 28 at the training area."
    assert edtfs(text) == ["2018", "2018-06-14/2018-06-28"]


@pytest.mark.parametrize(
    "text",
    [
        "La session aura lieu de la mi-janvier à la fin du mois de février 2013 au camp.",
        "Ende Januar und Anfang Februar 2013 sollen weitere Waffen geliefert werden.",
        "More rifles will be delivered in late January and early February 2013.",
    ],
)
def test_a_range_of_two_months_each_with_its_modifier(text):
    assert edtfs(text) == ["2013-01/2013-02"]


@pytest.mark.parametrize(
    "text",
    [
        "El ministerio otorgaba becas en los años 60 y 70 a los oficiales.",
        "Le ministère accordait des bourses dans les années 60 et 70 aux officiers.",
        "The ministry gave scholarships to officers in the 1960s and 1970s.",
    ],
)
def test_two_decades_one_after_the_other_joined_by_and_are_one_span(text):
    assert edtfs(text) == ["196X/197X"]


def test_sept_in_french_is_seven_not_september():
    assert edtfs("Les militaires de Sept pays africains y prendront part en 2013.") == ["2013"]


def test_a_day_of_a_month_of_a_year_in_words():
    text = (
        "Thu. 02 of December of 2010, 14:47h\n\n"
        "The two ministers signed, November 19 last, an agreement on the training of officers."
    )
    assert edtfs(text) == ["2010-11-19"]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        (
            "Thursday 27 March 2025 | Written by A. Writer | Published in Crime, National",
            "2025-03-02",
        ),
        (
            "July 9, 2017    Example –  Example News – The coalition has trained the police.",
            "2017-03-02",
        ),
    ],
)
def test_a_byline_after_a_weekday_and_a_place_and_news_service_between_dashes(line, day):
    text = f"Police train officers\n\n{line}\n\nThe course of the police began on 2 March."
    assert edtfs(text) == [day]


def test_a_day_opening_the_story_before_a_period_is_its_date_when_the_story_counts_from_it():
    text = (
        "Three ships to visit the islands\n\n"
        "14 November, 2019. Three ships will sail into the harbour later this week to train "
        "with the navy, after a visit on 2 March."
    )
    assert [edtf for edtf in edtfs(text) if edtf] == ["2019-03-02"]
    # A chronology's line opening on a day and a period is an event.
    assert edtfs("16 December 2004. The Council agreed to expand the mission.") == ["2004-12-16"]


def test_a_count_after_bis_zu_is_no_year():
    text = "In diesem Jahr sollen bis zu 2000 Soldaten ausgebildet werden, bis 2020 alle."
    assert edtfs(text) == ["2020"]


# What the thirty-second and thirty-third held-out sets' first runs missed ------------------


def test_a_photo_credit_with_the_agency_first_closes_a_caption_whose_year_dates_nothing_after():
    text = (
        "Troops walk past a mosque in the city, May 25, 2017. REUTERS/A. Photographer TPX\n\n"
        "The trainers' course, staged between June 26-July 4, focused on urban fighting."
    )
    assert edtfs(text) == ["2017-05-25", "XXXX-06-26/XXXX-07-04"]


def test_a_start_and_an_end_in_a_week_of_two_months():
    text = (
        "The exercise will commence in the last week of March and conclude in the first week "
        "of April 2014, the officer said."
    )
    assert [e for e in edtfs(text) if e] == ["2014-03/2014-04"]


@pytest.mark.parametrize(
    "line",
    ["Fecha de publicación: 11/11/2020.", "Actualizare: 12.12.2018", "18:21 / 11.01.2022."],
)
def test_more_labels_and_stamps_of_the_pages_own_date(line):
    assert edtfs(f"The navy trained the crews.\n\n{line}\n") == []


def test_a_month_naming_a_print_issue_is_no_event():
    text = "El artículo apareció en el número de marzo del boletín de la Orden, en 2021."
    assert edtfs(text) == ["2021"]


def test_a_count_of_women_and_men_is_no_year():
    assert edtfs("In 2019 the project trained 3155 staff, 1969 women and 1186 men.") == ["2019"]


def test_headlines_under_a_related_posts_label_are_no_events():
    text = (
        "October 17, 2023\n\nThe police trained the negotiators.\n\nRelated Posts\n\n"
        "Deputy minister calls for better laws\n\nA. Writer\n\n"
        "Tourist arrivals up in September\n\nB. Writer\n"
    )
    assert edtfs(text) == []


def test_a_range_of_two_days_in_figures_alone_on_its_line():
    text = "The programme addressed the fight against crime.\n\nPeriod\n\n01.08.2011 - 30.06.2017\n"
    assert edtfs(text) == ["2011-08-01/2017-06-30"]


def test_a_yearless_month_in_a_sentence_about_this_year_takes_only_the_pages_year():
    text = (
        "The ships take part in the exercise Example 2014 at the command.\n\n"
        "This year, the opening ceremony of the patrol would be held in April."
    )
    assert [e for e in edtfs(text) if e] == ["2014", "XXXX-04"]
    dated = "Port Blair, 6 February 2014 (Agency) - " + text.split("\n\n")[1]
    assert [e for e in edtfs(dated) if e] == ["2014-04"]


# What the thirty-fourth and thirty-fifth held-out sets' first runs missed ----------------


def test_a_decade_and_the_early_part_of_the_next_are_one_span():
    text = "Thais trained with the army in the 1970s and early 1980s against the insurgency."
    assert edtfs(text) == ["197X/198X"]


def test_a_month_alone_in_capitals_is_an_acronym():
    assert edtfs("In 2023 the MAI will train the officers of the border police.") == ["2023"]


def test_a_byline_with_middle_dots_is_the_pages_date():
    text = (
        "Police officers train abroad\n\n"
        "By A. Writer  ·  2021-07-05  ·   Source: VOL. 13 JUNE 2021\n\n"
        "Officers will travel abroad for courses in June and July.\n\n"
        "The training of the police began in late June this year."
    )
    assert edtfs(text) == ["2021-06/2021-07", "2021-06"]


def test_a_range_in_parentheses_and_a_year_before_its_month():
    text = (
        "Police restored peace during the 2013 January protests. The UK will provide funds "
        "over 2 years (June 2013 to July 2015) to support the police."
    )
    assert edtfs(text) == ["2013-01", "2013-06/2015-07"]


def test_a_month_of_next_year_is_counted_on_from_the_pages_own_date():
    text = (
        "domingo, 13 de noviembre de 2011\n\n"
        "El satélite será lanzado entre septiembre y octubre del próximo año, anunció."
    )
    assert [e for e in edtfs(text) if e] == ["2012-09/2012-10"]
    # Without the page's date, the reviewer counts it.
    assert [e for e in edtfs(text.split("\n\n")[1]) if e] == ["XXXX-09/XXXX-10"]


def test_a_headline_run_into_its_date_line_and_a_year_in_passing_under_it():
    text = (
        "Soldiers to train the national armyMardi 23 Février 2016 - 14:54 Selon un journal, "
        "des militants ont lancé des attaques en 2015. Des représentants se sont rendus, le "
        "19 février, à Tunis."
    )
    assert edtfs(text) == ["2015", "2016-02-19"]


def test_this_month_and_a_month_comma_the_day():
    text = (
        "On 20.02.2023 the ministers met. The first course starts on March, the 7th. "
        "The centre opened this August."
    )
    assert edtfs(text) == ["2023-02-20", "2023-03-07", "XXXX-08"]


# What the thirty-sixth and thirty-seventh held-out sets' first runs missed ---------------


def test_a_month_followed_by_proximo_is_the_next_one_from_the_pages_date():
    text = "En 2008 se anunció la reforma. A partir de enero próximo, la policía se reorganiza."
    assert [e for e in edtfs(text) if e] == ["2008", "XXXX-01"]


def test_a_state_abbreviation_before_a_range_is_no_circa():
    found = only("The jump was held at Fort Bragg, N.C. from Sep. 28-Oct. 12, 2009.")
    assert (found.edtf, found.qualifier) == ("2009-09-28/2009-10-12", "")


def test_a_day_opening_a_story_told_of_the_next_few_days_is_its_date():
    text = (
        "Brazil to train soldiers\n\n"
        "August 9, 2006. In the next few days, the President will analyse a request. "
        "A team is going to the country at the end of September."
    )
    assert [e for e in edtfs(text) if e] == ["2006-09"]


# What the thirty-eighth and thirty-ninth held-out sets' first runs missed ----------------


@pytest.mark.parametrize(
    "line",
    [
        "13. Oktober 2016 · Kommentare deaktiviert · Kategorien: Europa, Libyen · Tags:",
        "Rédigé le Jeudi 20 Novembre 2025 à 22:26",
        "A. Reader (not verified)     Mon, 03/15/2021 @ 08:18pm",
    ],
)
def test_more_lines_of_a_pages_own_date_and_of_its_comments(line):
    assert edtfs(f"The navy trained the crews.\n\n{line}\n") == []


def test_a_day_a_comma_and_its_month_and_a_range_of_days_after_between():
    text = (
        "Since 28, June 2015, the police have trained officers. The course is to be held "
        "between February 15 and 16, 2016 in Berlin."
    )
    assert edtfs(text) == ["2015-06-28", "2016-02-15/2016-02-16"]


# The fortieth and forty-first held-out sets' first runs (made-up lines of the same shapes).


def test_a_date_line_with_the_year_first_and_one_figure_for_the_month_dates_last_year():
    text = "Letters from the embassy\n\n2015/9/18\n\nThe call centre opened on July 15 last year."
    assert edtfs(text) == ["2014-07-15"]
    assert edtfs("The office opened on 2016/3/4 in the capital.") == ["2016-03-04"]


def test_a_season_this_year_is_the_pages_year():
    assert edtfs("LONDON, May 3, 2016 - The new adviser arrived this spring.") == ["2016-21"]
    # Without a date of its own, the page leaves the year to the reviewer.
    assert edtfs("The new adviser arrived this spring.") == ["XXXX-21"]
    assert edtfs("The aim of this late-summer course was to train pilots.") == ["XXXX-22"]


def test_a_year_written_short_after_a_slash_is_a_span_of_two_years():
    assert edtfs("She was the best cadet of the academy's class of 2016/17.") == ["2016/2017"]
    # A document's number is no span: "Decision 2013/34/CFSP".
    assert edtfs("Council Decision 2013/34/CFSP set up the mission.") == []


def test_a_period_named_by_two_years_joined_by_and_is_one_range():
    assert edtfs("Cooperation was agreed for the period 2019 and 2022.") == ["2019/2022"]


def test_two_days_that_follow_each_other_in_american_order_are_one_range():
    assert edtfs("He said the March 3 and 4 drills will test rescue skills.") == [
        "XXXX-03-03/XXXX-03-04"
    ]


def test_the_mirage_2000_is_a_jet_not_a_year():
    assert edtfs("Its Mirage 2000 fighters trained with the air force in May 2019.") == ["2019-05"]


def test_a_date_run_into_a_news_agencys_name_is_a_credit():
    text = "Photo: ABC ABC12.05.2019 Europe\n\nThe ministers met in the capital in June 2019."
    assert edtfs(text) == ["2019-06"]


def test_a_source_line_with_its_date_is_no_event():
    text = "The brigade trained for a year.\n\nQuelle: Beispiel Nachrichten, 22.08.2009"
    assert edtfs(text) == []


def test_datelines_naming_a_paper_or_an_agency_are_no_events():
    assert (
        edtfs("LAE, Papua New Guinea (The Daily Star, Mar. 4) – Police recruits graduated.") == []
    )
    assert edtfs("ABC, XY, NEWSAG, le 12 mars 2011. Les soldats ont suivi une formation.") == []
    assert edtfs("Les soldats ont suivi une formation.\n\nABC, XY, NEWSAG, le 12 mars 2011.") == []
    assert edtfs("DIARIO DEL SUR, 12 Mar. (Vigo)Los cadetes llegaron al puerto.") == []


def test_the_year_a_ship_was_built_dates_nothing_after_it():
    assert edtfs("The training ship, built in 1936, crossed the canal in April.") == [
        "1936",
        "XXXX-04",
    ]


def test_the_past_few_years_bring_the_story_to_the_pages_own_day():
    text = (
        "The group attacked a base in May 2017. For the past three years, it has raided "
        "villages. In June, fighters killed 20 people."
    )
    assert edtfs(text) == ["2017-05", "XXXX-06"]
    assert edtfs("PARIS, July 2, 2018 - " + text) == ["2017-05", "2018-06"]


def test_a_span_of_years_written_with_a_dash_gives_no_year_to_what_follows():
    text = (
        "They signed the Defence Programme 2021-2026 on Monday. At the end of March, the "
        "minister spoke of it."
    )
    assert edtfs(text) == ["2021/2026", "XXXX-03"]


def test_days_of_this_month_in_a_list_take_the_pages_month():
    text = "Friday, March 18, 2011\n\nThe forces will exercise on the 19th and 28th this month."
    assert [e for e in edtfs(text) if e] == ["2011-03-19", "2011-03-28"]


def test_a_blog_posts_comment_line_ends_the_post():
    text = (
        "The navy trained the cadets in May 2019.\n\nNo comments:\n\n"
        "Memories of the floods in 2004."
    )
    assert edtfs(text) == ["2019-05"]


# The forty-second and forty-third held-out sets' first runs (made-up lines of the same shapes).


def test_a_headline_in_capitals_is_no_event_however_long():
    text = (
        "Visite\n\nVISITE DE TRAVAIL DU GENERAL DE BRIGADE A LA TETE DES FORCES ARMEES A RABAT, "
        "27-30 NOVEMBRE 2016.\n\nLe général a visité l’école du 27 au 30 novembre 2016."
    )
    assert edtfs(text) == ["2016-11-27/2016-11-30"]


def test_a_fiscal_years_funding_gives_no_year_to_what_follows():
    text = (
        "The country received $30 million in fiscal year 2017 funding.\n\n"
        "In March, the general testified to Congress."
    )
    assert edtfs(text) == ["2017", "XXXX-03"]


def test_a_mandate_that_ends_in_a_month_after_a_since_year_is_after_the_pages_date():
    text = (
        "Monday, 15 August 2016\n\nHe has been in power since 2001 and must step down when "
        "his mandate ends in November."
    )
    assert edtfs(text) == ["2001", "2016-11"]


def test_next_after_a_day_the_paragraph_stated_is_the_first_such_day_after_it():
    text = (
        "Les navires sont arrivés le vendredi 12 novembre 2021 à Alger. L’exercice se "
        "poursuivra jusqu’au 20 novembre prochain."
    )
    assert edtfs(text) == ["2021-11-12", "2021-11-20"]
    # In another paragraph, that day no longer tells when the page was written.
    assert edtfs(text.replace("Alger. ", "Alger.\n\n")) == ["2021-11-12", "XXXX-11-20"]


def test_a_press_reviews_item_number_after_a_date_makes_it_the_pages():
    text = (
        "05/12/2011 (B633) Le Journal (Blog) Djibouti: le bataillon part.\n\n"
        "Le 17 novembre, vingt officiers ont rejoint l’école."
    )
    assert edtfs(text) == ["2011-11-17"]


def test_jusqu_with_a_space_before_au_joins_a_range():
    text = "La formation a lieu depuis le 22 février jusqu’ au 04 mars 2021 à Bujumbura."
    assert edtfs(text) == ["2021-02-22/2021-03-04"]


def test_a_read_more_credit_with_its_date_is_no_event():
    text = (
        'Commandos could be trained in Jordan. Read more in "Forces to train in Jordan", '
        "The Daily Paper, January 9, 2014"
    )
    assert edtfs(text) == []


# The forty-fourth and forty-fifth held-out sets' first runs (made-up lines of the same shapes).


def test_a_number_before_what_it_counts_in_french_or_spanish_is_no_year():
    assert edtfs("Le concours de 2007 avait offert 2000 places à 60 000 inscrits.") == ["2007"]
    assert edtfs("En 2019 se graduaron 2000 agentes en la academia.") == ["2019"]


def test_a_mirage_2000_with_a_hyphen_is_a_jet():
    assert edtfs("Egypt trained with Rafale, Mirage-2000 and F-16 jets in May 2021.") == ["2021-05"]


def test_a_date_in_a_breadcrumb_is_the_pages_own():
    text = "Countries > Turkey > 09.12.2013 >\n\nThe soldiers arrived on 8 December."
    assert edtfs(text) == ["2013-12-08"]


def test_a_photo_credits_year_is_no_event():
    text = "Fotografía: 2019 Agencia Gradual Ltda.\n\nLa policía se formó en Francia en 2018."
    assert edtfs(text) == ["2018"]


def test_a_sites_capitals_before_the_date_and_a_dash_make_a_dateline():
    text = "ETLJB 06 November 2012 - The guard's officers arrived on 2 November."
    assert edtfs(text) == ["2012-11-02"]


def test_a_month_counted_from_the_pages_day_ends_the_year_stated_before_it():
    text = (
        "The country's economy grew in 2022.\n\n"
        "Relations have been strained since the coup in the north last July.\n\n"
        "On May 15, a delegation held talks with the president."
    )
    assert edtfs(text) == ["2022", "XXXX-07", "XXXX-05-15"]
    last_year = text.replace("since the coup in the north last July", "since September last year")
    assert edtfs(last_year) == ["2022", "XXXX-09", "XXXX-05-15"]


def test_a_caption_credited_to_its_photographer_with_abbreviations_dates_nothing_after_it():
    text = (
        "Officers are briefed where the Readiness Training 2016 exercise will take place. - "
        "photo by Capt. A. Writer/U.S. Army Africa\n\n"
        "DAKAR, Senegal — Planners met Jan. 12-14 to plan the exercise."
    )
    assert edtfs(text) == ["2016", "XXXX-01-12/XXXX-01-14"]


# The forty-sixth and forty-seventh held-out sets' first runs (made-up lines of the same shapes).


def test_a_since_year_leaves_a_day_before_the_pages_own_in_the_pages_year():
    text = (
        "Tuesday, September 19, 2006\n\nSince spring 2006 the border police have been "
        "reformed. The academy opened a faculty on September 18."
    )
    assert edtfs(text) == ["2006-21", "2006-09-18"]


def test_datelines_with_the_agency_after_the_date():
    assert edtfs("Chisinau, 03 August /AGENCY/ – The USA is ready to help.") == []
    text = "YEREVAN, FEBRUARY 10, NEWSAG. The embassy on February 9 hosted a reception."
    assert edtfs(text) == ["XXXX-02-09"]


def test_a_sources_name_with_a_hyphen_or_a_semicolon_after_its_date_is_a_citation():
    text = (
        "The minister visited on September 13 (Asia-Plus, September 14). Talks went on "
        "(Avesta, September 15; Reuters)."
    )
    assert edtfs(text) == ["XXXX-09-13"]


def test_a_place_and_date_alone_under_the_headline_is_the_pages_date():
    text = (
        "TITLE: Police are trained by the bureau\n\nPolice are trained by the bureau\n\n"
        "Prishtina, May 10, 2019\n\nOfficers finished the course on 9 May."
    )
    assert edtfs(text) == ["2019-05-09"]


def test_a_french_month_capitalised_after_an_english_preposition_is_no_date():
    assert edtfs("No one was abducted by aliens from Mars.") == []


def test_a_month_with_this_year_needs_no_preposition():
    assert edtfs("This goes into effect June this year.") == ["XXXX-06"]
    assert edtfs("PARAMARIBO, March 2, 2016 - This goes into effect June this year.") == ["2016-06"]
    assert edtfs("Arrests rose during the first quarter this year.") == ["XXXX-33"]


def test_a_parliaments_record_of_its_sitting_is_the_pages_date():
    text = "HC Deb 17 June 1997 vol 296 c123W\n\nThe minister answered on 16 June."
    assert edtfs(text) == ["1997-06-16"]


# The forty-eighth and forty-ninth held-out sets' first runs (made-up lines of the same shapes).


def test_ages_in_their_twenties_and_thirties_are_no_decades():
    assert edtfs("The school has trained officers in their 20s and 30s.") == []


def test_a_blogs_month_year_and_day_stamp_is_no_event():
    text = "India teaches English\nJul 2011 06\n\nThe soldiers paraded in May 2011."
    assert edtfs(text) == ["2011-05"]


def test_a_stations_name_and_the_date_on_one_line_is_the_pages_date():
    text = "Radio & Television Tonga News 02/08/2017\n\nThe soldiers paraded on 1 August."
    assert edtfs(text) == ["2017-08-01"]


def test_a_date_in_parentheses_opening_an_item_is_the_pages():
    assert edtfs("(01.11.2011) Namibia ist seit 1990 ein unabhängiger Staat.") == ["1990"]


def test_a_month_after_its_or_their_is_a_date():
    assert edtfs("Israel kept its February promise to train the officers.") == ["XXXX-02"]


def test_two_months_of_the_current_year():
    text = "They agreed on joint trainings in February-March months of current year."
    assert edtfs(text) == ["XXXX-02/XXXX-03"]


def test_a_last_modified_stamp_is_no_event():
    assert edtfs("Esta entrada fue modificada por última vez el 28 de abril de 2017.") == []


# The fiftieth and fifty-first held-out sets' first runs (made-up lines of the same shapes).


def test_a_yearless_last_month_in_a_clause_keeps_the_year_opening_the_paragraph():
    text = (
        "From March through April 2016, the army flew in five loads. They went by a scheme "
        "the agency extended last December.\n\n"
        "  • 12 March: 40 tons of rifles.\n"
        "  • 3 April: two trucks."
    )
    assert edtfs(text) == ["2016-03/2016-04", "XXXX-12", "2016-03-12", "2016-04-03"]


def test_a_link_to_another_story_after_read_is_no_event():
    text = "The council approved the aid in 2023.\n\nRead: A minister visited a college in 2024"
    assert edtfs(text) == ["2023"]


def test_a_note_where_the_text_was_first_published_is_no_event():
    text = (
        "Anteriormente publicado en la revista Historia 2010/1, páginas 45 a 56. Cairn.info, "
        "el 1° de enero de 2010\n\nLos oficiales se formaron en París en 1957."
    )
    assert edtfs(text) == ["1957"]


def test_a_title_line_repeating_the_pages_own_day_is_no_event():
    text = (
        "Saturday, December 15, 2007\n\nNews from the Air Wing: 15 Dec 2007\n\n"
        "The first pilots graduated on 12 December."
    )
    assert edtfs(text) == ["2007-12-12"]


def test_a_place_a_slash_and_the_date_make_a_dateline():
    text = "MANILA/17 October 2012—The courses ended on 15 October."
    assert edtfs(text) == ["2012-10-15"]


def test_a_number_of_people_in_french_is_no_year():
    assert edtfs("En 2005, 2000 personnes auront suivi ces cours.") == ["2005"]


def test_a_german_decade_written_with_two_digits():
    assert edtfs("Die ersten Einsätze kamen Anfang der 90er Jahre.") == ["199X"]


# The fifty-second and fifty-third held-out sets' first runs (made-up lines of the same shapes).


def test_a_place_in_capitals_and_a_full_stop_before_the_date_make_a_dateline():
    assert edtfs("KIEV. May 14. UNN. The instructors arrived on 12 May 2019.") == ["2019-05-12"]
    text = "MOSCOW. July 2 (Agency) - The minister signed the plan in June 2019."
    assert edtfs(text) == ["2019-06"]


def test_a_date_opening_its_line_then_por_or_par_and_an_author_is_a_byline():
    text = "domingo, 8 de septiembre de 2024 por Ana Autora\n\nEl curso terminó en agosto de 2024."
    assert edtfs(text) == ["2024-08"]
    text = "vendredi 15 septembre 2017 par Une Agence\n\nLa formation a commencé en 2016."
    assert edtfs(text) == ["2016"]


def test_a_transcripts_title_line_holds_the_pages_own_date():
    text = (
        "Transcript of press conference: Dili, Timor Leste: Monday, 13 December 2010: "
        "[Training of the police]\n\n"
        "We trained the police in March."
    )
    assert edtfs(text) == ["2010-03"]


def test_decades_with_a_turned_apostrophe():
    assert edtfs("During the 1990‘s however, ties cooled.") == ["199X"]
    assert edtfs("The first sale came in the early 70‘s.") == ["197X"]
    assert edtfs("Sales grew in the 70’s and 80s.") == ["197X/198X"]


def test_a_yearless_date_that_comes_every_year_is_no_event():
    text = "Annually, in the first week of November, the state honours its soldiers."
    assert edtfs(text) == []


def test_a_day_of_a_year_before_1900_is_no_yearless_day():
    assert edtfs("On June 19, 1826, he became president. In March 1827 he left.") == []
    assert edtfs("On 12 May 1500 troops landed.") == ["XXXX-05-12"]


# The fifty-fourth and fifty-fifth held-out sets' first runs (made-up lines of the same shapes).


def test_a_machine_timestamp_is_the_pages_own_date():
    text = "Item 8457 2023-10-23T03:35:18 The unit was formed in 2017."
    assert edtfs(text) == ["2017"]


def test_characters_and_inmates_are_counted_not_dated():
    assert edtfs("You have 2000 characters left.") == []
    assert edtfs("During the raid, around 2000 inmates were freed.") == []


def test_a_place_in_capitals_a_dash_and_the_date_make_a_dateline():
    text = "CAIRO - 11 September 2021: The navies ended a drill begun on 9 September."
    assert edtfs(text) == ["2021-09-09"]


def test_a_place_a_full_stop_and_the_full_date_make_a_dateline():
    text = "New Delhi. 20 September 2017. The admiral is visiting from 18 to 21 September 2017."
    assert edtfs(text) == ["2017-09-18/2017-09-21"]


def test_a_citations_access_date_is_no_event():
    assert edtfs("(Access: 11th Dec,2017)) The team was set up in October 2017.") == ["2017-10"]


def test_a_sites_capitals_and_a_section_word_before_the_date_alone_is_the_pages_date():
    text = "WIB front March 27, 2017\n\nThe police trained in Mosul on March 20."
    assert edtfs(text) == ["2017-03-20"]


def test_a_day_that_comes_every_year_after_every_last_saturday_is_no_event():
    assert edtfs("When? – Every last Saturday in June.") == []


def test_a_date_and_its_agency_in_parentheses_is_the_pages_own():
    text = "(07.10.2015/dpa) Die Schulung dauert bis zum 6. November."
    assert edtfs(text) == ["2015-11-06"]


def test_a_german_month_after_auf_is_a_date():
    assert edtfs("Die erste Schulung ist auf Juni geplant.") == ["XXXX-06"]


def test_a_note_that_the_article_was_corrected_is_no_event():
    assert edtfs("Correction: This article was corrected on 15 June 2021.") == []


# The fifty-sixth and fifty-seventh held-out sets' first runs (made-up lines of the same shapes).


def test_two_months_joined_by_a_dash_with_no_year_are_one_range():
    text = "The 2022 drills were held in Laos in November-December."
    assert edtfs(text) == ["2022", "2022-11/2022-12"]
    assert edtfs("In 2019 the courses ran in March - April.") == ["2019", "2019-03/2019-04"]


def test_a_line_cut_after_a_comma_and_an_article_is_prose_not_a_heading():
    text = "The police were reformed.\n\nSince the old force was disbanded in 2009, an"
    assert edtfs(text) == ["2009"]


def test_figures_inside_a_web_address_are_no_date():
    text = "Feed https://wordpress.org/?v=5.9.10 The squad was trained on 9 July 2021."
    assert edtfs(text) == ["2021-07-09"]


def test_a_place_and_a_yearless_day_alone_on_their_line_are_a_dateline():
    assert edtfs("Donation\n\nLima, Dec. 17.\n\nChina will give equipment in 2017.") == ["2017"]
    assert edtfs("Donation\n\n09:45 | Lima, Dec. 17.\n\nThe deal was signed in 2016.") == ["2016"]


def test_a_yearless_day_just_after_a_year_before_1900_is_no_event():
    text = "Im Jahr 1751, genauer gesagt am 14. Dezember, wurde die Akademie gegründet."
    assert edtfs(text) == []


def test_an_agencys_photo_credit_with_the_pictures_width_is_no_date():
    text = "Sappers - RIA Novosti, 1920, 01/04/2023\n\nThe exercise was planned for 2023."
    assert edtfs(text) == ["2023"]


# The fifty-eighth and fifty-ninth held-out sets' first runs (made-up lines of the same shapes).


def test_anfangs_opens_a_range_from_seit_to_bis():
    text = "Seit anfangs Oktober 2012 bis Mitte Februar 2013 sind zwei Polizisten hier."
    assert edtfs(text) == ["2012-10/2013-02"]


def test_a_published_line_with_a_short_weekday_is_the_pages_own_date():
    text = (
        "Dubai - The Dubai Police and British authorities are also enhancing their "
        "crime-fighting cooperation academically.\n"
        "Published: Sun 22 Apr 2018, 9:00 PM\n"
        "Updated: Mon 23 Apr 2018, 12:08 AM\n"
        "Joint security efforts between the two police forces were made in 2014."
    )
    assert edtfs(text) == ["2014"]


def test_a_dateline_with_a_two_figure_year_and_its_agency_in_brackets_dates_the_page():
    text = (
        "P-au-P, 03 mars 09 [Agence] --- Un groupe est attendu en ce début du mois de mars.\n\n"
        "Un accord a été signé le 2 février dernier."
    )
    assert edtfs(text) == ["2009-03", "2009-02-02"]


def test_after_since_a_yearless_month_of_the_pages_own_day_takes_its_year():
    text = (
        "P-au-P, 03 mars 2009 (Agence) --- Un groupe arrive.\n\n"
        "Ils sont au Chili depuis le 28 février 2009, dit la source.\n\n"
        "Trois autres partent dans le courant du mois de mars."
    )
    assert edtfs(text) == ["2009-02-28", "2009-03"]


def test_a_date_after_a_forum_handle_is_when_the_post_was_written():
    assert edtfs("r/cuba Jul 02 '24\n\nu/[deleted] Jul 06 '24\n\nThe course began in 2023.") == [
        "2023"
    ]


def test_a_dateline_after_the_sites_name_dates_the_page():
    text = "14ymedio bigger14ymedio, Havana, 1 July 2024 — Training resumed on 26 June."
    assert edtfs(text) == ["2024-06-26"]


def test_a_place_in_capitals_its_agency_and_a_date_with_a_full_stop_are_a_dateline():
    assert edtfs("ADDIS ABABA (HAN) May 15. 2021. The army trained in March.") == ["2021-03"]


def test_a_bulletins_hour_and_dash_before_the_date_are_its_stamp():
    assert edtfs("News Bulletin 12.00 pm - 2024.05.02") == []


def test_the_headlines_under_latest_are_the_sites_other_stories():
    text = "The visit was in 2019.\n\nLatest\n\nParty Pushes Deadline to July 25 Over Turnout"
    assert edtfs(text) == ["2019"]


# The sixtieth and sixty-first held-out sets' first runs (made-up lines of the same shapes).


def test_a_names_short_form_in_brackets_does_not_state_its_year_again():
    assert edtfs("The ship is part of Pacific Endeavour 2024 (PE 2024).") == ["2024"]


def test_a_year_of_the_bikram_sambat_calendar_is_not_taken_for_a_gregorian_year():
    # Read as the two Gregorian years it overlaps since the eighty-eighth set, never as 2060.
    assert edtfs("The exercise has been held every year since 2060 BS.") == ["2003-04/2004-04"]


def test_a_month_opening_its_sentence_before_will_is_a_date():
    text = "The chiefs met in 2018. February will see two more visits to Delhi."
    assert edtfs(text) == ["2018", "XXXX-02"]


# The sixty-second and sixty-third held-out sets' first runs (made-up lines of the same shapes).


def test_a_year_told_in_passing_does_not_date_a_later_paragraph_of_a_page_without_a_date():
    text = (
        "The exercise “Steppe Eagle – 2019” has begun in the north.\n\n"
        "Its active phase runs between June 6 and 11."
    )
    assert edtfs(text) == ["2019", "XXXX-06-06/XXXX-06-11"]


def test_a_day_told_in_an_earlier_paragraph_still_dates_the_next():
    text = (
        "A team was set up on 30 July 2004 in the capital.\n\nIts first officers came on 7 August."
    )
    assert edtfs(text) == ["2004-07-30", "2004-08-07"]


def test_this_year_tells_what_follows_from_the_pages_own_year():
    text = (
        "Im Sommer 2011 war es so weit. Dieses Jahr werden zwei Kurse durchgeführt. "
        "Der zweite dauert noch bis Ende Juli."
    )
    assert edtfs(text) == ["2011-22", "XXXX-07"]


def test_publie_le_without_its_accent_is_the_pages_own_date():
    text = "publie le Monday 28 August 2023\nparPress Office\n\nThe deputies met on 25 August 2023."
    assert edtfs(text) == ["2023-08-25"]


def test_a_number_before_a_word_and_the_people_it_counts_is_no_year():
    assert edtfs("The next batches will comprise 2000 former fighters each.") == []


def test_an_agency_in_brackets_before_a_place_in_capitals_opens_a_dateline():
    assert edtfs("(WIRE-AFP) - BUCHAREST, SEP 13 - The first pilots began training.") == []


# The sixty-fourth and sixty-fifth held-out sets' first runs (made-up lines of the same shapes).


def test_next_before_a_month_alone_makes_it_a_date_after_the_pages_own():
    text = "Monday, March 06, 2017\n\nThe fleet will hold drills with the navy next May."
    assert edtfs(text) == ["2017-05"]


def test_a_month_after_a_and_before_a_word_is_the_month_of_what_it_names():
    text = "During an April visit to the capital, the minister offered training."
    assert edtfs(text) == ["XXXX-04"]


def test_may_after_next_is_still_a_verb():
    assert edtfs("The first course was in 2019; the next may be in the south.") == ["2019"]


def test_last_month_after_a_name_with_its_year_in_the_sentence_takes_that_year():
    text = "The plan came from talks at the Defence Expo 2021 fair held in Lima last October."
    assert edtfs(text) == ["2021", "2021-10"]


def test_a_day_told_with_a_names_year_in_an_earlier_paragraph_still_dates_the_next():
    text = (
        "The ministry said on May 18, 2024 that the “Desert Partner-2024” drill had begun.\n\n"
        "Its opening ceremony was held on May 12 in the south."
    )
    assert edtfs(text) == ["2024-05-18", "2024", "2024-05-12"]


def test_a_names_other_words_in_brackets_do_not_state_its_year_again():
    text = "The navy joins the drill Dogu Akdeniz 2021 (East Mediterranean – 2021) at sea."
    assert edtfs(text) == ["2021"]


# The sixty-sixth and sixty-seventh held-out sets' first runs (made-up lines of the same shapes).


def test_a_decade_in_words_after_early_or_late_needs_no_the():
    text = "Their naval cooperation goes back to early seventies, when cadets first came."
    assert edtfs(text) == ["197X"]


def test_a_decade_in_words_after_a_possessive_is_an_age():
    assert edtfs("The general, in his early seventies, handed over the college.") == []


def test_a_month_after_the_month_is_a_date():
    assert edtfs("The summit of the two navies is due in the month July.") == ["XXXX-07"]


def test_an_organisations_meeting_named_by_its_month_is_a_date():
    text = "Police training goes on after a decision taken at NATO June summit in Riga."
    assert edtfs(text) == ["XXXX-06"]


def test_an_organisation_before_a_month_and_another_word_is_no_date():
    assert edtfs("The EU March plan is a draft of the staff.") == []


def test_an_agencys_report_credit_with_its_date_is_the_pages_own():
    text = "Fri, 04 Mar, 2016 12:06:08 AM\nDaily – STT Report, Mar 4\nThe troops left for Erbil."
    assert edtfs(text) == []


# The sixty-eighth and sixty-ninth held-out sets' first runs (made-up lines of the same shapes).


def test_a_last_month_after_a_day_of_its_paragraph_takes_that_days_year():
    text = "Le 12 juin 2023, le consul, arrivé à Dakar en mars dernier, a visité l'école."
    assert edtfs(text) == ["2023-06-12", "2023-03"]


def test_a_last_month_later_in_the_year_than_that_day_is_of_the_year_before():
    text = "On 3 February 2019 the colonel, who took command last October, opened the course."
    assert edtfs(text) == ["2019-02-03", "2018-10"]


def test_a_last_month_in_a_paragraph_of_its_own_is_still_yearless():
    text = "On 3 February 2019 the colonel opened the course.\n\nHe took command last October."
    assert edtfs(text) == ["2019-02-03", "XXXX-10"]


def test_a_last_day_after_an_end_date_in_the_sentence_before_stays_yearless():
    text = (
        "La mission est prolongée jusqu'au 19 septembre 2022. Les ambassadeurs avaient donné "
        "leur accord le 28 mai dernier."
    )
    assert edtfs(text) == ["2022-09-19", "XXXX-05-28"]


# The seventieth and seventy-first held-out sets' first runs (made-up lines of the same shapes).


def test_a_day_and_month_with_in_before_the_year_is_that_years_day():
    assert edtfs("The corps was founded in 3rd March in 1961 after independence.") == ["1961-03-03"]


def test_a_year_after_in_before_a_count_is_not_the_days_year():
    assert edtfs("The census of 5 May in 2000 villages was done by the police.")[0] == "XXXX-05-05"


def test_a_byline_closing_on_a_spaced_full_stop_is_the_pages_own_date():
    text = "Written by News Desk on 14 March 2023 .\n\nThe team trained recruits in May last year."
    assert edtfs(text) == ["2022-05"]


def test_a_line_opening_with_by_the_end_of_and_its_date_is_a_sentence():
    assert edtfs("By the end of 14 March 2023.\n\nThe team trained recruits.") == ["2023-03-14"]


def test_a_stored_copys_blank_lines_part_its_paragraphs_around_a_stray_tag():
    text = (
        "Defence ties grow\n\nMarch 3, 2021, 8:15 am\n\n"
        "<p>The minister (Photo: <em>Office</em>)</p>\n\n"
        "The forces will train together in June next year."
    )
    assert edtfs(text) == ["2022-06"]


def test_a_year_naming_an_editions_ranking_dates_no_later_day():
    text = (
        "Le pays renforce son armée (selon le classement 2024 du GFP).\n\n"
        "Le ministre a été reçu mercredi 12 juin à Rome."
    )
    assert edtfs(text) == ["2024", "XXXX-06-12"]


def test_a_year_after_the_word_year_still_dates_a_later_day():
    text = "L'armée se réforme pendant l'année 2024 de la loi. Le ministre a été reçu le 12 juin."
    assert edtfs(text) == ["2024", "2024-06-12"]


# The seventy-second and seventy-third held-out sets' first runs (made-up lines of the same shapes).


def test_a_day_that_comes_every_year_after_every_is_no_event():
    assert edtfs("Every 15 March is marked as the day of the armed forces.") == []
    assert edtfs("Le régiment fête chaque 8 mai sa création, depuis 1962.") == ["1962"]
    assert edtfs("The brigade paraded on 15 March 2021.") == ["2021-03-15"]


def test_jan_before_a_surname_is_a_given_name():
    text = "The ambassadors of France and Jan de Vries of the Netherlands attended."
    assert edtfs(text) == []
    assert edtfs("The envoy Jan Kowalski met the minister in Jan 2020.") == ["2020-01"]
    assert edtfs("The course ran from Nov to Jan and ended.") == ["XXXX-11/XXXX-01"]


def test_a_periodicals_issue_and_page_line_is_no_event():
    text = "Rundbrief 318 vom 12. März 2009, Artikel 4, Seite 2\n\nDie Truppe übte im Mai 2008."
    assert edtfs(text) == ["2008-05"]
    assert edtfs("Die Truppe übte am 12. März 2009, bevor sie abzog.") == ["2009-03-12"]


def test_a_listings_date_between_a_title_and_an_authors_name_is_no_event():
    text = (
        "3 Britain Expands Training Mission With Kenya Amid Concerns June 2, 2024 Jane Roe "
        "Britain is sending more instructors."
    )
    assert edtfs(text) == []
    assert edtfs("The Army Trained With Kenya June 2, 2024 in Nanyuki.") == ["2024-06-02"]


def test_an_acronyms_year_written_without_a_space_is_its_year():
    assert edtfs("On the sidelines of ADMM2023, the chiefs met.") == ["2023"]
    assert edtfs("The NATO2030 agenda was adopted.") == []


def test_a_year_in_a_linked_question_of_a_list_is_no_event():
    text = (
        "Las tropas llegarán desde el 3 de agosto.\n"
        "- ¿Cuánto cobra un cadete en Chile en 2024?: conoce el sueldo\n\n"
        "Los ejercicios empezarán el 3 de agosto."
    )
    assert edtfs(text) == ["XXXX-08-03", "XXXX-08-03"]


def test_a_month_opening_a_list_item_is_a_date():
    text = (
        "Du 2 au 14 mai 2022, les instructeurs ont formé 40 soldats. Parmi les stages récents :\n"
        "- avril, 30 militaires ont suivi un stage de tir ;\n"
        "- février 2022, 20 militaires ont été qualifiés ;\n"
        "- février également, 10 stagiaires ont été formés."
    )
    assert edtfs(text) == ["2022-05-02/2022-05-14", "2022-04", "2022-02", "2022-02"]


def test_a_books_year_and_page_in_a_note_stays_an_event():
    text = (
        "The offices were closed.[1]Arms and the region, the military link, A. Writer & B. "
        "Writer, New York, 1986, p. 86 In 1981, the sale was cancelled."
    )
    assert edtfs(text) == ["1986", "1981"]


# The seventy-fourth and seventy-fifth held-out sets' first runs (made-up lines of the same shapes).


def test_a_teasers_date_run_into_the_next_headline_is_no_event():
    text = (
        "The chief of staff visited Rabat from 4 to 9 March.\n\n"
        "Jane Roe - 12 octobre 2023Le ministre reçoit son homologue"
    )
    assert edtfs(text) == ["XXXX-03-04/XXXX-03-09"]


def test_a_french_byline_with_redige_par_and_no_name_is_the_pages_own_date():
    text = "Rédigé par le Mardi 14 Mars 2023\n\nLes deux armées ont signé un accord en 2021."
    assert edtfs(text) == ["2021"]


def test_a_place_a_full_stop_a_yearless_day_and_an_agency_with_a_slash_is_a_dateline():
    text = "Tbilisi. 3 May. NEWS.GE/ The ministers met in Tokyo and will meet again until May 20."
    assert edtfs(text) == ["XXXX-05-20"]


def test_a_caption_whose_opening_bracket_was_lost_dates_nothing_after_it():
    text = (
        "Officers at a drill Nov. 2, 2016 (Navy photo) Officers at a drill Navy photo)\n\n"
        "The minister ended a visit to Tokyo on March 17."
    )
    assert edtfs(text) == ["2016-11-02", "XXXX-03-17"]


def test_came_about_in_a_year_is_that_year_not_about_it():
    assert edtfs("The plan first came about in 2012, when the army asked.") == ["2012"]
    assert edtfs("The plan was drafted in about 2012.") == ["2012~"]


def test_a_day_alone_as_the_first_sentence_of_a_paragraph_is_the_pages_date():
    text = (
        "Troops to be trained\n\n"
        "June 11, 2014. Tanzania has agreed to train soldiers after a request.\n\n"
        "The minister spoke to parliament on May 21st."
    )
    assert edtfs(text) == ["2014-05-21"]


def test_a_day_month_and_two_figure_year_with_slashes_is_read_when_the_day_is_over_twelve():
    assert edtfs("The president announced on 29/12/13 that aid was pledged.") == ["2013-12-29"]
    assert edtfs("The score was 3/12/13 at the end.") == []


def test_an_issue_number_and_its_date_in_brackets_is_the_pages_own_date():
    text = "(Issue No 14/02 – February 3, 2015) The aid was pledged in January."
    assert edtfs(text) == ["2015-01"]


def test_a_note_that_the_text_first_appeared_elsewhere_gives_its_date_to_what_follows():
    text = (
        "This article first appeared in The Weekly (12/19/2013)\n\n"
        "The framework was signed in November."
    )
    assert edtfs(text) == ["2013-11"]


def test_a_captions_date_run_into_the_story_is_still_an_event():
    text = "Marines land on the beach during a drill on March 23, 2016On the rocky shores, troops"
    assert edtfs(text) == ["2016-03-23"]


def test_an_hour_and_a_dash_before_a_date_line_make_it_the_pages_own():
    assert edtfs("09:08 - 24/05/24 por Agencia\n\nLa misión se amplió en 2022.") == ["2022"]


# The seventy-sixth and seventy-seventh held-out sets' first runs (made-up lines of their shapes).


def test_a_subheading_whose_day_the_paragraph_under_it_tells_again_is_no_event():
    text = (
        "The exercise opens in Pune.\n\n"
        "What the cabinet approved on 14 May\n\n"
        "The cabinet approved the training agreement on 14 May 2024."
    )
    assert edtfs(text) == ["2024-05-14"]
    text = "The exercise opens in Pune.\n\nMay 14 Summit\n\nThe ministers met in June 2024."
    assert edtfs(text)[1:] == ["2024-06"]


def test_a_numbered_comments_author_and_date_are_no_event():
    text = "The army trained in 2006.\n\n#1 Reader on 11.02.07 at 1:01 am\n\nGood work."
    assert edtfs(text) == ["2006"]


# The seventy-eighth and seventy-ninth held-out sets' first runs (made-up lines of their shapes).


def test_a_day_set_by_the_weekday_nearest_it_comes_every_year():
    text = "On the Sunday nearest June 12, the navy celebrates its day. It sailed on June 12."
    assert edtfs(text) == ["XXXX-06-12"]


# The eightieth and eighty-first held-out sets' first runs (made-up lines of their shapes).


def test_years_joined_by_bis_after_a_compound_of_zeitraum_or_zyklus_are_one_span():
    assert edtfs("Die Hilfe läuft im Projektzyklus 2019 bis 2022 weiter.") == ["2019/2022"]
    # (and, since the three-hundred-and-third set, two years with "bis" alone; but a year
    # something was done in, then the year it runs until, stay two)
    assert edtfs("Die Hilfe wurde 2019 bis 2022 geleistet.") == ["2019/2022"]
    assert edtfs("Das Mandat wurde im Jahr 2019 bis 2022 verlängert.") == ["2019", "2022"]


def test_a_section_word_and_the_date_alone_on_a_line_are_the_pages_own():
    assert edtfs("News, 3/14/2019\n\nThe ministry trained the army in 2010.") == ["2010"]
    assert edtfs("The news, 3/14/2019, was that the army trained.") == ["2019-03-14"]


# The eighty-second and eighty-third held-out sets' first runs (made-up lines of their shapes).


def test_a_date_and_its_hour_after_a_slash_are_a_stamp():
    text = "12.03.2024 / 10:15 | Updated: 12.03.2024 / 11:40\n\nThe army trained in 2019."
    assert edtfs(text) == ["2019"]


def test_a_date_line_and_a_bar_before_stand_is_the_pages_own():
    text = "14.05.2019 | Stand 02.02.2022, 09:10 Uhr\n\nDie Ausbilder reisen ab Mitte Juni."
    assert edtfs(text) == ["2019-06"]


def test_a_dateline_whose_day_ran_into_the_month_is_a_dateline():
    text = "Bishoftu, March07, 2024 (EDU) The delegation visited the university."
    assert edtfs(text) == []
    assert edtfs("The course opened on March07, 2024, with forty officers.") == ["2024-03-07"]


# The eighty-fourth and eighty-fifth held-out sets' first runs (made-up lines of their shapes).


def test_a_month_to_come_after_the_day_a_story_is_told_from_takes_that_days_year():
    text = (
        "The chief of staff met the attaché on Friday 8 March 2024.\n\n"
        "The visiting general will arrive in April, his second visit."
    )
    assert edtfs(text) == ["2024-03-08", "2024-04"]
    # A month to come before that day's, or after a year alone, still has no year of its own.
    text = (
        "The chief of staff met the attaché on Friday 8 March 2024.\n\n"
        "The visiting general will arrive in February, his second visit."
    )
    assert edtfs(text) == ["2024-03-08", "XXXX-02"]
    text = "The army trained in 2009.\n\nOfficers will serve there from October."
    assert edtfs(text) == ["2009", "XXXX-10"]


def test_a_sentence_cut_short_on_the_last_line_is_no_heading():
    text = "The navy got two vehicles.\n\nHe also stated that later 2025, the cooperation b"
    assert edtfs(text) == ["2025"]
    # A heading above text still gives its year and is no event.
    assert edtfs("Training in 2025\n\nThe course opened in May.") == ["2025-05"]


def test_french_and_ispr_datelines_are_the_pages_own():
    text = "Abidjan, le 13 avril 2022 - En vue de renforcer la coopération, les armées se voient."
    assert edtfs(text) == []
    assert edtfs("Dhaka, 16 July :- Chief of Air Staff left for China.") == []
    assert edtfs("The chief left on 16 July 2022, for China.") == ["2022-07-16"]


def test_a_year_inside_a_resolutions_number_after_a_slash_is_no_year():
    text = "La Resolución Legislativa 13436/2025-CR autoriza el ingreso de tropas."
    assert edtfs(text) == []
    assert edtfs("El acuerdo de 2014/2015 sigue vigente.") == ["2014/2015"]


# The eighty-sixth and eighty-seventh held-out sets' first runs (made-up lines of their shapes).


def test_a_place_and_day_in_parentheses_alone_on_a_line_are_the_pages_dateline():
    text = "(El Paso, Texas, Dec. 14, 2017)\n\nThe academy hosted a delegation Nov. 28 to talk."
    assert edtfs(text) == ["2017-11-28"]
    # A source in parentheses after words of a sentence is no dateline: no year from it.
    text = "The course ended (see Army Times, Ohio, Dec. 14, 2017)\n\nIt began Nov. 28 in Ohio."
    assert edtfs(text) == ["XXXX-11-28"]


def test_an_agencys_credit_closing_a_paragraph_is_no_event():
    text = "Turkey will open its base and train soldiers. (L.M.) (Agenzia Fides 03/10/2016)"
    assert edtfs(text) == []
    assert edtfs("The base opened (on 03/10/2016) with 200 trainers.") == ["2016-10-03"]


def test_a_day_month_and_two_figure_year_alone_on_a_line_are_a_date_line():
    text = "Italian police to train Iraqi police\n\n20 Jul 07\n\nTraining began in June."
    assert edtfs(text) == ["2007-06"]
    assert edtfs("Training began on 20 Jul with 07 officers.") == ["XXXX-07-20"]


def test_a_month_and_year_after_in_or_on_alone_on_a_line_are_a_stamp():
    text = "in February 2019\n\nFrom 12 to 15th February 2019 the centre supported the course."
    assert edtfs(text) == ["2019-02-12/2019-02-15"]
    assert edtfs("The course ran in February 2019.") == ["2019-02"]


def test_pre_christmas_names_the_feast():
    assert edtfs("The squadron had some pre-Christmas sunshine in Kenya.") == ["XXXX-12-25"]
    assert edtfs("The Christmas spirit held.") == []


# The eighty-eighth and eighty-ninth held-out sets' first runs (made-up lines of their shapes).


def test_a_run_of_dated_links_with_two_figure_years_is_no_event():
    text = (
        "The network's latest posts.\n7.07.08: Hostage Rescue Endangers Journalists\n"
        "4.06.08: BLACKLIST TO THE A LIST\n15.04.12: Gallery Assaulted on April 9 in Meta\n"
        "The army trained 10,000 officers in 2007."
    )
    assert edtfs(text) == ["2007"]
    # Two such lines are not yet a list.
    assert edtfs("7.07.08: Rescue of hostages\n4.06.08: A list") == ["2008-07-07", "2008-06-04"]


def test_a_date_line_run_into_its_reading_time_is_the_pages_own():
    text = "Sun., June 27, 20211 min. read\n\nThe drill took place on June 24 near Amman."
    assert edtfs(text) == ["2021-06-24"]


def test_a_capitalised_romance_month_before_a_capitalised_word_is_a_place():
    text = "En janvier 2018, des éléphants ont été tués dans la région de Mayo Kebbi-Ouest."
    assert edtfs(text) == ["2018-01"]
    assert edtfs("Die Ausbilder kamen im Jahr 2018. Im Mai Soldaten zu schulen war das Ziel.")[
        1:
    ] == ["2018-05"]


def test_a_bikram_sambat_year_is_the_span_of_the_two_years_it_overlaps():
    text = "The academy was founded in 2055 BS and has trained officers since 2067BS."
    assert edtfs(text) == ["1998-04/1999-04", "2010-04/2011-04"]
    assert edtfs("The army sent 2060 soldiers in 2010.") == ["2010"]


def test_a_yearless_period_running_over_the_pages_own_day_is_of_its_year():
    text = (
        "Winter training\n\n31 January, 2013\n\nThe school formed in 1991 trains troops.\n\n"
        "Officers are on a course from 20 January till 15 February."
    )
    assert edtfs(text) == ["1991", "2013-01-20/2013-02-15"]
    # A period wholly after a year told in passing, on a page with no date of its own, has none.
    text = "The school formed in 1991 trains troops.\n\nOfficers are on a course from 20 to 25 May."
    assert edtfs(text) == ["1991", "XXXX-05-20/XXXX-05-25"]


# The ninetieth and ninety-first held-out sets' first runs (made-up lines of their shapes).


def test_a_spanish_span_of_months_without_a_year_is_one_range():
    assert edtfs("De enero a octubre, la unidad incautó droga.") == ["XXXX-01/XXXX-10"]
    assert edtfs("Ella viajó a octubre de nuevo.") == []


def test_ee_uu_does_not_end_a_sentence():
    text = "Desde 2020, EE. UU. donó 75 perros a la policía."
    candidates = read_dates(page_text(text))
    assert [(c.edtf, c.text) for c in candidates] == [("2020", text)]


def test_a_guns_model_number_is_no_year():
    text = "Soldaten feuern mit der Panzerhaubitze 2000. The PzH 2000 arrived in May 2022."
    assert edtfs(text) == ["2022-05"]
    assert edtfs("The howitzers arrived in 2000.") == ["2000"]


def test_a_day_then_its_place_and_a_dash_open_a_dateline():
    text = "14 June 2022, Accra - The board trained 30 officers in May."
    assert edtfs(text) == ["2022-05"]
    assert edtfs("On 14 June 2022, Accra - the capital - hosted the course.") == ["2022-06-14"]


def test_modifie_marks_a_stamp_of_the_pages_last_change():
    text = "Modifié 19 novembre 2024 à 15h56À la fin septembre 2024, le Maroc a formé 90 cadets."
    assert edtfs(text) == ["2024-09"]
    assert edtfs("Le plan modifié le 19 novembre 2024 fut adopté.") == ["2024-11-19"]


# The twentieth century, read before the ninety-second set (made-up lines of the shapes the
# earlier sets' gold lists hold).


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The navy grew in the post-colonial tides of the 20th century.", ""),
        ("Military ties began in the mid-20th century and grew.", "mid"),
        ("The early twentieth century saw the first treaty.", "early"),
        ("L'armée a connu une histoire tumultueuse au XXe siècle.", ""),
        ("Las misiones militares del siglo XX formaron a los oficiales.", ""),
        ("Im 20. Jahrhundert wurde die Schule gegründet.", ""),
    ],
)
def test_the_twentieth_century_is_read_with_two_unspecified_digits(text, qualifier):
    found = only(text)
    assert (found.edtf, found.precision, found.qualifier) == ("19XX", "century", qualifier)
    assert (found.start, found.end) == ("1900-01-01", "1999-12-31")


def test_other_centuries_and_the_adjective_are_not_read():
    assert edtfs("The force it deserves for the 21st century, serving all.") == []
    assert edtfs("Los retos del siglo XXI exigen formación.") == []
    assert edtfs("Die Herausforderungen des 21. Jahrhunderts verlangen viel.") == []
    assert edtfs("The land went to the United States in the 19th century.") == []
    assert edtfs("The museum shows a 20th-century rifle.") == []


def test_a_century_gives_no_year_to_a_yearless_date_after_it():
    text = "In 2004 the army changed. It had grown in the 20th century. On 3 May a course began."
    assert edtfs(text) == ["2004", "19XX", "2004-05-03"]


# The ninety-second and ninety-third held-out sets' first runs (made-up lines of their shapes).


def test_a_day_its_place_and_a_colon_open_a_dateline():
    text = "24 February 2021, Bishoftu-Ethiopia: The program trained officers in May."
    assert edtfs(text) == ["2021-05"]
    assert edtfs("On 24 February 2021, Bishoftu: the talks began.") == ["2021-02-24"]


def test_a_sites_name_in_double_parentheses_closes_a_dateline():
    text = "Port-au-Prince, vendredi 19 janvier 2018 ((example.com))– Des officiers partent en mai."
    assert edtfs(text) == ["2018-05"]


def test_a_sources_credit_closing_the_text_is_no_event():
    assert edtfs("The drill ended well.\n\n(Source / 05.07.2017)") == []
    assert edtfs("The drill ended on 05.07.2017 (Source: the ministry).") == ["2017-07-05"]


@pytest.mark.parametrize(
    "line",
    [
        "Posted in Iraq | 23-May-07 | Author: Jane Writer| Source: International Herald Tribune",
        "01/22/2025 | Press release | Distributed by Example on 01/22/2025 07:02",
    ],
)
def test_a_date_in_a_cell_of_a_barred_line_is_the_pages_own(line):
    assert edtfs(line + "\n\nThe course opened in January.") == [
        "2025-01" if "2025" in line else "2007-01"
    ]


def test_a_date_inside_a_sentence_of_a_barred_line_is_an_event():
    assert edtfs("Training | Kabul | the course opened on 3 May 2007 | Photos") == ["2007-05-03"]


def test_the_year_of_an_issue_is_the_pages_own():
    text = (
        "  • Datum:08. November 2013\n  • Ausgabejahr:2013\n\nDer Lehrgang fand im Oktober statt."
    )
    assert edtfs(text) == ["2013-10"]


def test_teasers_under_you_may_be_interested_are_no_events():
    text = (
        "The police opened a school in May 2024.\n"
        "You may be interested\n"
        "Eagles Start Against Benin\n"
        "Webby - November 14, 2024The Eagles line up in a 2025 Cup qualifier against Benin…\n"
    )
    assert edtfs(text) == ["2024-05"]


def test_a_sentence_broken_before_its_date_is_read_whole():
    text = "The crisis that has persisted since\n2012.\nThe police lack training."
    found = only(text)
    assert (found.edtf, " ".join(found.text.split())) == (
        "2012",
        "The crisis that has persisted since 2012.",
    )


# The ninety-fourth and ninety-fifth held-out sets' first runs (made-up lines of their shapes).


def test_a_since_month_later_than_the_pages_own_date_gets_no_year():
    text = "07.09.2015\n\nThe experts have trained detectives since December. In May they met."
    assert edtfs(text) == ["XXXX-12", "2015-05"]
    assert edtfs("07.09.2015\n\nThey have trained detectives since March.") == ["2015-03"]


def test_commenced_and_ended_join_two_days_into_a_range():
    text = "The course, which commenced on October 2 and ended on October 5, trained 30 officers."
    assert edtfs(text) == ["XXXX-10-02/XXXX-10-05"]


def test_a_year_in_brackets_after_a_yearless_date_is_its_year():
    text = "During a visit to Ukraine from July 19-23 (2018), the minister met the trainers."
    found = only(text)
    assert (found.edtf, found.inferred_year) == ("2018-07-19/2018-07-23", False)
    assert edtfs("The Hague Convention (1907) was signed in October.") == ["1907-10"]


@pytest.mark.parametrize(
    ("stamp", "year"),
    [
        ("Updated: 5 p.m. November 1, 2016", "2016"),
        ("samedi 24 octobre 2015, par Jean Dupont", "2015"),
        ("Headlines, Police Tuesday, February 4th, 2014The police chief said so.", "2014"),
    ],
)
def test_the_pages_own_stamps_are_no_events(stamp, year):
    text = "A course for the police\n\n" + stamp + "\n\nThe course began in January."
    assert edtfs(text) == [f"{year}-01"]


def test_a_sections_label_and_a_day_on_a_barred_line_are_no_event():
    text = (
        "Actuelles  | 21/09/2021\nAppui aux formateurs\n"
        "Le 21 septembre 2021, une formation de deux jours a été close au poste frontière.\n"
        "Actuelles  | 15/09/2021\nFormation aux techniques de surveillance\n"
    )
    assert edtfs(text) == ["2021-09-21"]


def test_a_day_run_into_the_next_sentence_after_on_is_an_event():
    text = "Marines land in Djibouti during a drill on March 23, 2016On the shores, troops march."
    assert edtfs(text) == ["2016-03-23"]


def test_a_case_studys_publication_line_is_no_event():
    text = "Interviews were held in May 2008. Case published September 2011. The police grew."
    assert edtfs(text) == ["2008-05"]


def test_a_sites_trail_to_the_page_is_no_event():
    text = "Home News Stories 2005 November The Training Initiative\n\nTraining began in June 2004."
    assert edtfs(text) == ["2004-06"]
    assert edtfs("Home affairs officers met in November 2005.") == ["2005-11"]


def test_a_span_of_years_closing_the_title_is_part_of_the_headline():
    text = (
        "TITLE: BUILDING POLICE CAPACITY: POST-CONFLICT LIBERIA, 2003 - 2011\n\n"
        "BUILDING POLICE CAPACITY: POST-CONFLICT LIBERIA, 2003 - 2011 SYNOPSIS As Liberia "
        "began to emerge from war in 2003, the sides agreed to reform the police. The new "
        "service, small and poorly paid, needed training, equipment and a new headquarters "
        "before it could patrol the capital and the counties on its own."
    )
    assert edtfs(text) == ["2003"]


# The ninety-sixth and ninety-seventh held-out sets' first runs (made-up lines of their shapes).


def test_a_forums_member_line_and_post_stamps_are_no_events():
    text = (
        "Sujet: Les FAR forment les armées africaines ! Jeu 14 Avr 2011 - 13:57\n"
        "messages : 24818 Inscrit le : 14/02/2009 Localisation : Rabat\n"
        "Les officiers maliens sont formés au Maroc depuis 1986.\n"
    )
    assert edtfs(text) == ["1986"]
    assert edtfs("La formation a commencé le 14 avril 2011 à 13h57 au camp.") == ["2011-04-14"]


def test_a_place_joined_by_di_before_the_day_is_a_dateline():
    text = (
        "TITLE: The CIMIC Group hosts a delegation\n\nThe CIMIC Group hosts a delegation\n\n"
        "Motta di Livenza, 27 july 2023\n\nFrom July 21 to July 27, 2023, the group hosted them."
    )
    assert edtfs(text) == ["2023-07-21/2023-07-27"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Desde los años 50–60, la doctrina de EE. UU. llegó al ejército.", "195X/196X"),
        ("In the 1970s-80s the army grew.", "197X/198X"),
        ("In the 1990s - 2000s the army grew.", "199X/200X"),
    ],
)
def test_a_span_of_decades_written_short_is_one_range(text, edtf):
    assert edtfs(text) == [edtf]


def test_a_count_after_a_spaced_dash_is_no_decade():
    assert edtfs("In the 1950s - 60 officers left the army.") == ["195X"]


# The ninety-eighth and ninety-ninth held-out sets' first runs (made-up lines of their shapes).


def test_started_on_a_day_until_another_is_one_range():
    text = "The drills, which started last 07 November until 16 November, trained 40 officers."
    assert edtfs(text) == ["XXXX-11-07/XXXX-11-16"]
    assert edtfs("The drills started on 7 November. They stayed until 16 November.") == [
        "XXXX-11-07",
        "XXXX-11-16",
    ]


@pytest.mark.parametrize(
    "line", ["Bar News - April 20, 2007", "Oregon State Bar Bulletin OCTOBER 2007 |"]
)
def test_a_periodicals_issue_line_is_the_pages_own_date(line):
    text = "Lawyers train Iraqi legal advisers\n\n" + line + "\n\nThe course began in March."
    assert edtfs(text) == ["2007-03"]


# The hundredth and hundred-and-first held-out sets' first runs (made-up lines of their shapes).


def test_two_years_joined_by_to_after_in_are_one_range():
    text = "Since its founding in 1986 to 2023, the academy ran 344 courses."
    assert edtfs(text) == ["1986/2023"]
    assert edtfs("Courses grew in 2010 to 2,400 in 2020.") == ["2010", "2020"]


def test_a_place_then_a_spaced_dash_before_the_day_is_a_dateline():
    text = "Ganta, Nimba County – July 29, 2025 — With support from UNDP, officers trained in May."
    assert edtfs(text) == ["2025-05"]


# The hundred-and-second and hundred-and-third held-out sets' first runs (made-up lines of
# their shapes).

_WRAPPED_PAGE = """Officers of the 2nd Public Order Battalion rehearse an arrest
during a training exercise at Forward Operating Base Nine in
March. The officers were getting ready to take over policing
duties in the city at the end of the month. They were being
trained by military and civilian officials, including an
adviser who played the role of the armed man in the street,
and by two instructors who came from the police academy at
Camp Dublin to show them how a checkpoint is run by night.

The second group of officers of the battalion practised at Forward
Operating Base Nine in April, its instructors from the same
academy at the camp and the same battalion of the police."""


def test_a_page_broken_every_sixty_characters_is_read_in_whole_sentences():
    found = read(_WRAPPED_PAGE)
    assert [c.edtf for c in found] == ["XXXX-03", "XXXX-04"]
    assert found[0].text.startswith("Officers of the 2nd Public Order Battalion")
    assert found[1].text.startswith("The second group of officers")


def test_short_lines_with_capitals_are_not_joined_on_a_page_not_broken_at_a_width():
    text = "Police Training Report\nMarch 2019 saw the first course open.\nMore courses followed."
    page = page_text(text)
    assert len(page.blocks) == 3


def test_a_paragraphs_end_stops_a_wrapped_sentence():
    title = "Police Battalion Learns To Run Checkpoints By Night In The City"
    page = page_text(title + "\n\n" + _WRAPPED_PAGE)
    assert page.text[page.blocks[0].start : page.blocks[0].end] == title


def test_a_newsletters_number_line_is_no_event():
    text = "Nr. 101, Oktober 2007\n\nSeit 1989 nehmen Beamte an Missionen teil."
    assert edtfs(text) == ["1989"]


def test_a_books_imprint_year_is_no_event():
    text = (
        "Ein Buch zu Polizeimissionen erschien 2007. A. Autor: Policing. Duisburg, "
        "Verlag für Kultur, 2007. - 280 Seiten. ISBN 978-3-86553-215-2"
    )
    assert edtfs(text) == ["2007"]
    assert edtfs("Bonn, Verlag, 2011, ISBN 978-3-00-000000-0") == []


# The hundred-and-fourth and hundred-and-fifth held-out sets' first runs (made-up lines of
# their shapes).


@pytest.mark.parametrize(
    "line",
    [
        "News Code: 4711 | Date: 2015/03/12 | Time: 10 : 20",
        "Written by  //  March 12, 2015  //  Afghanistan, News  //  Comments Off",
        "By A. Writer | March 12, 2015 | Afghanistan",
    ],
)
def test_a_stamp_cell_parted_by_bars_or_slashes_is_no_event(line):
    text = (
        "He said that six states have trained the dog handlers since May 2014, and he called "
        "the training useful and successful.\n\n" + line
    )
    assert edtfs(text) == ["2014-05"]


def test_a_run_in_headings_year_in_brackets_is_no_event():
    text = "Building Partner Capacity\n(2016). In an effort to help, planners met in May 2017."
    assert edtfs(text) == ["2017-05"]
    assert edtfs("The unit grew (2016). Then it shrank.") == ["2016"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Sometime in the 1980s I was asked to host three officers.", "198X"),
        ("Some time in 2010 the school opened.", "2010"),
        ("Around 2010 the school opened.", "2010~"),
    ],
)
def test_sometime_in_is_within_the_period_not_about_it(text, edtf):
    assert edtfs(text) == [edtf]


# The hundred-and-sixth and hundred-and-seventh held-out sets' first runs (made-up lines of
# their shapes).


@pytest.mark.parametrize(
    ("top", "edtf"),
    [
        ("For immediate release: Jul 7, 2010", "2010-07-15"),
        ("E-Bulletin September 2024", "XXXX-07-15"),
        ("Studie 2019/S 05, 29.03.2019, 41 Seiten", "2019-07-15"),
    ],
)
def test_a_release_line_a_bulletins_name_or_a_studys_imprint_dates_no_event(top, edtf):
    text = top + "\n\nThe first class of sailors will graduate on July 15 at the school."
    assert edtfs(text) == [edtf]


def test_a_french_range_of_days_with_weekdays_joined_by_a_ce():
    text = "La formation a duré trois jours, soit du samedi 19 à ce lundi 21 mars."
    assert edtfs(text) == ["XXXX-03-19/XXXX-03-21"]


# The hundred-and-eighth and hundred-and-ninth held-out sets' first runs (made-up lines of
# their shapes).


def test_a_lowercase_may_march_or_august_with_its_day_and_year_is_the_month():
    assert edtfs("The officers' course ended at 28th august 2005 in Kabul.") == ["2005-08-28"]
    assert edtfs("Of the recruits, the 28th may join the army in 2006.") == ["2006"]


def test_a_line_broken_between_a_day_and_its_year_is_joined():
    text = "Soldiers visit their partners at Zabul Province, Afghanistan, June 18,\n2014.The team"
    assert edtfs(text + " advises the army.") == ["2014-06-18"]


@pytest.mark.parametrize(
    "top",
    [
        "KYIV, Ukraine, July 12, 2013 /PRNewswire/ –",
        "3003 Bern, 12. Juli 2013",
        "Safety course ends 12-Jul-13 By Marine Sgt. Jess Writer",
    ],
)
def test_a_wire_dateline_a_postcodes_place_and_a_date_before_a_byline_are_the_pages(top):
    text = (
        "TITLE: Officers learn disaster relief\n\nOfficers learn disaster relief\n"
        + top
        + "\n\nOfficers of twelve states learn from 7 to 11 June in Wangen, NATO said."
    )
    assert edtfs(text) == ["2013-06-07/2013-06-11"]


# Date forms met on pages of earlier sets and left unread until now (made-up lines).


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("The ministry signed the agreement on November, 2nd 2015 in Baghdad.", "2015-11-02"),
        ("The ministry signed the agreement on November, 2nd, 2015 in Baghdad.", "2015-11-02"),
        ("Der Lehrgang begann am 27.November 2019 in Koblenz.", "2019-11-27"),
        ("El curso comenzó el 3 de sept. de 2015 en Bogotá.", "2015-09-03"),
        ("El curso se inauguró el 12 ene. 2016 en Lima.", "2016-01-12"),
        ("Los cadetes llegaron el 3 de ago. de 2015 a la escuela.", "2015-08-03"),
        ("La entrega fue el 9 dic 2014 en Quito.", "2014-12-09"),
    ],
)
def test_an_ordinal_day_after_a_comma_a_glued_day_and_spanish_short_months(text, edtf):
    assert edtfs(text) == [edtf]


def test_spanish_short_months_are_read_only_between_a_day_and_a_year():
    assert edtfs("Three years ago 2015 brought the first course.") == ["2015"]
    assert edtfs("They set 2016 as the year of handover.") == ["2016"]


# The hundred-and-tenth and hundred-and-eleventh held-out sets' first runs.


def test_a_blogs_archive_heading_is_no_event_and_no_reference_date():
    text = (
        "Daily Archives: 10/11/2010\n\nCommand post exercise\n\n"
        "The exercise opened on 20 October 2010 in Addis Ababa. It will run until 29th October."
    )
    assert edtfs(text) == ["2010-10-20", "2010-10-29"]


# The hundred-and-twelfth and hundred-and-thirteenth held-out sets' first runs.


def test_an_american_date_with_a_two_figure_year_dates_a_dateline():
    text = (
        "Guard celebrates partnership\nStory by A. Writer, Public Affairs\n"
        "BELGRADE, Serbia (09/30/22)\nThe delegation's Sept. 7-10 visit to Serbia was a success."
    )
    assert edtfs(text) == ["2022-09-07/2022-09-10"]


def test_a_date_closed_by_an_underscore_opening_an_item_is_the_items_own():
    text = "Exercises\n\n02 August 2024_ The armies train from late July to mid-August."
    assert edtfs(text) == ["2024-07/2024-08"]


def test_a_note_that_the_article_was_first_published_is_the_pages_own_date():
    text = (
        "The deployment began in March 2018.\n\n"
        "Editorial Note: This article was first published on December 12, 2018. Since then the "
        "ministry released a report on December 20, 2018."
    )
    assert edtfs(text) == ["2018-03", "2018-12-20"]


# The hundred-and-fourteenth and hundred-and-fifteenth held-out sets' first runs.


def test_fiscal_years_joined_by_a_dash_are_one_range():
    text = "Allocations for the first seven years, FY2006-FY2012, have totaled $1.8 billion."
    assert edtfs(text) == ["2006/2012"]


def test_a_year_before_a_word_opening_with_euro_is_a_year_not_a_sum():
    assert edtfs("Since the 2003 European Security Strategy, reform has grown.") == ["2003"]
    assert edtfs("Each course cost 2000 euros per trainee in 2016.") == ["2016"]


def test_turning_the_clock_back_to_a_year_is_no_event():
    text = "The mission began working in January 2006. It waits to turn the clock back to 2006."
    assert edtfs(text) == ["2006-01"]


@pytest.mark.parametrize(
    "top", ["Headlines: May 7th, 1999", "May 7, 1999 Special Dispatch No. 9443"]
)
def test_a_news_index_label_and_a_series_number_mark_the_pages_own_date(top):
    text = top + "\n\nThe college trained officers from 1991 to 1994 in Pretoria."
    assert edtfs(text) == ["1991/1994"]


# The hundred-and-sixteenth and hundred-and-seventeenth held-out sets' first runs.


def test_a_month_to_come_after_a_month_stated_in_its_paragraph_takes_that_year():
    text = (
        "Soldiers flew to Campeche in February 2025. The course will last until the end of March."
    )
    assert edtfs(text) == ["2025-02", "2025-03"]
    # in another paragraph, or before the month stated, the year stays open
    assert edtfs(text.replace(". The", ".\n\nThe")) == ["2025-02", "XXXX-03"]
    assert edtfs(text.replace("February", "May")) == ["2025-05", "XXXX-03"]


def test_the_year_a_page_names_as_this_one_dates_the_days_to_come():
    text = (
        "El país y este 2025 acoge la competencia. Fue iniciada en 2004. "
        "El comandante asistirá el 28 de agosto a la clausura."
    )
    assert edtfs(text) == ["2025", "2004", "2025-08-28"]


def test_a_season_or_month_said_to_come_back_every_year_or_two_is_no_event():
    assert edtfs("The exercise began in 1981. It is held in the autumn every two years.") == [
        "1981"
    ]
    assert edtfs("El ejercicio empezó en 2010. Se celebra en mayo de cada año.") == ["2010"]


def test_a_month_run_into_the_word_before_it_is_read():
    text = "In 2020 the protocol was signed. A report in the GazetteJune 24 sparked a row."
    assert edtfs(text) == ["2020", "2020-06-24"]


# The hundred-and-eighteenth and hundred-and-nineteenth held-out sets' first runs.


def test_a_day_after_to_that_is_smaller_than_the_first_is_a_count_not_a_range():
    text = "Training began on February 18, 2011. Protests led on February 17 to 7 dead."
    assert edtfs(text) == ["2011-02-18", "2011-02-17"]


def test_last_autumn_is_the_autumn_before_the_pages_own_date():
    text = "2023.01.25 11:58\n\nLithuania has taken part in the training since last autumn."
    assert edtfs(text) == ["2022-23"]
    # with no date of its own, the page leaves it relative, for the reviewer
    assert edtfs("Lithuania has taken part in the training since last autumn.") == []


@pytest.mark.parametrize(
    "top",
    [
        "May 13, 2013, Vol. 18, No. 33",
        "Publication date 13.5.2013 14.05 | Published in English on 13.5.2013 15.32",
    ],
)
def test_a_magazines_volume_and_a_page_in_a_second_language_mark_the_pages_own_date(top):
    text = top + "\n\nThe special forces trained local police from 2010 to 2012."
    assert edtfs(text) == ["2010/2012"]


def test_a_link_to_another_post_by_its_day_is_no_event():
    text = "The brigade starts training in March 2013. Click here to read my post of July 2."
    assert edtfs(text) == ["2013-03"]


# The hundred-and-twentieth and hundred-and-twenty-first held-out sets' first runs.


@pytest.mark.parametrize(
    "top",
    [
        "February 2, 2012 (by Lieven Writer) - The first pilots arrived in Tucson.",
        "Posted by: Fred Writer 2012-02-02",
    ],
)
def test_a_byline_in_brackets_and_a_posted_by_line_mark_the_pages_own_date(top):
    text = top + "\n\nThe pilot was to start his training on Jan. 23."
    assert edtfs(text) == ["2012-01-23"]


def test_a_romance_month_alone_with_next_or_last_after_it_is_a_date():
    assert edtfs("Le lancement de la mission est prévu juillet prochain.") == ["XXXX-07"]


# The hundred-and-twenty-second and hundred-and-twenty-third held-out sets' first runs.


def test_a_count_of_military_personnel_is_no_year_but_an_exercises_name_before_people_is():
    assert edtfs("The drill saw over 2000 military personnel take part.") == []
    assert edtfs("Exercise Iron Wolf 2017 participants will also train together.") == ["2017"]


def test_this_year_takes_the_year_of_a_coming_exercises_name_in_its_sentence():
    text = "Scheduled this year, Exercise Iron Wolf 2017 will run from June 12 to 23."
    assert edtfs(text) == ["2017", "2017-06-12/2017-06-23", None]


def test_an_article_glued_to_the_repeated_title_is_read_and_a_bulleted_title_is_not():
    title = "TITLE: Steppe Eagle 2015 military exercise kicks off in Kazakhstan\n\n"
    glued = "Steppe Eagle 2015 military exercise kicks off in KazakhstanToday “Steppe Eagle 2015”"
    glued += " manoeuvres have started near Almaty."
    assert edtfs(title + glued) == ["2015"]
    posted = "• Steppe Eagle 2015 military exercise kicks off in Kazakhstan posted 12 May 2015"
    assert edtfs(title + posted + "\n\nThe first phase runs in April 2015.") == ["2015-04"]


def test_a_line_of_keywords_is_no_event():
    tags = "Lithuania, Poland, Ukraine, Canada, military exercises, Maple Arch 2017, NATO, training"
    assert edtfs(tags + "\n\nOn 5 November 2017 the exercise began.") == ["2017-11-05"]


def test_a_publications_name_a_slash_and_a_date_mark_the_pages_own_date():
    text = "Mondoweiss  /  December 26, 2024\n\nCanada trained the police in 2008."
    assert edtfs(text) == ["2008"]


def test_a_month_after_as_late_as_is_a_date():
    assert edtfs("A staggered deployment going as late as November ends it.") == ["XXXX-11"]


def test_a_month_after_until_in_a_since_clause_is_not_the_since_years():
    text = "Mentors were there since the first intake in 2013 until their mission ended in August."
    assert edtfs(text) == ["2013", "XXXX-08"]


def test_a_start_and_an_end_said_with_participles_are_one_range():
    text = "Débutant le 25 octobre et se terminant le 24 novembre, l'exercice réunit."
    assert edtfs(text) == ["XXXX-10-25/XXXX-11-24"]


def test_a_german_start_with_its_verb_after_the_day_and_an_end_are_one_range():
    text = "„Iron Wolf 2017“ ist am 12. Juni in Litauen gestartet und soll zum 24. Juni enden."
    assert edtfs(text) == ["2017", "2017-06-12/2017-06-24"]


# The hundred-and-twenty-fourth and hundred-and-twenty-fifth held-out sets' first runs.


def test_vom_bis_zum_and_days_joined_by_an_em_dash_are_ranges():
    assert edtfs("Vom 21. April bis zum 8. Mai 2015 trainieren acht Tornados.") == [
        "2015-04-21/2015-05-08"
    ]
    assert edtfs("The drill ran from 1—17 July 2010 in Tonga.") == ["2010-07-01/2010-07-17"]


def test_a_decade_typed_with_an_acute_accent_is_a_decade():
    assert edtfs("Diese findet jährlich seit den 1980´er Jahren statt.") == ["198X"]


@pytest.mark.parametrize(
    "top",
    [
        "Aug 3, 2024, 65 tweets",
        "The headline of the item\n(9 May 2024)",
        "Published/Last Modified on: May 9, 2024",
    ],
)
def test_a_threads_count_a_bracketed_date_line_and_a_modified_line_mark_the_pages_own(top):
    text = top + "\n\nThe squadron trained in 2019."
    assert edtfs(text) == ["2019"]


def test_a_weekday_after_am_and_before_dem_must_fit_the_year():
    text = "19.04.2024\n\nAm Montag, dem 28. März, begannen zwei Übungen."
    assert edtfs(text) == ["XXXX-03-28"]


def test_days_held_after_the_pages_own_date_in_its_year_are_of_a_year_it_does_not_state():
    text = "8 janvier 2006\n\nDu 5 au 16 décembre a eu lieu la quatrième édition de l'exercice."
    assert edtfs(text) == ["XXXX-12-05/XXXX-12-16"]


def test_a_military_messages_day_month_and_year_run_together_are_a_date():
    assert edtfs("The exercise ended on 23OCT12 at the camp.") == ["2012-10-23"]


# The hundred-and-twenty-sixth and hundred-and-twenty-seventh held-out sets' first runs.


def test_a_semester_is_a_half_and_of_the_year_may_stand_before_the_year():
    text = "It runs during the second semester of 2022, in the last quarter of the year 2022."
    assert edtfs(text) == ["2022-41", "2022-36"]


def test_a_capitalised_season_after_a_name_is_the_names_not_a_season():
    assert edtfs("The purpose of the Dacian Spring 2023 exercise was tested.") == ["2023"]
    assert edtfs("In Spring 2023 the brigade trained.") == ["2023-21"]


def test_a_latest_update_line_marks_the_pages_own_date():
    assert edtfs("Latest update: December 2020\n\nThe exercise ran in 2019.") == ["2019"]


def test_a_range_lasting_until_the_second_half_of_a_month_is_one_range():
    text = "A large exercise began in mid-March and will last until the second half of June."
    assert edtfs(text) == ["XXXX-03/XXXX-06"]


# The hundred-and-twenty-eighth and hundred-and-twenty-ninth held-out sets' first runs.


@pytest.mark.parametrize(
    "top",
    [
        "Izvor: Tanjug",
        # under a standfirst long enough to be prose
        "A specialized team of six police advisors has been deployed to the north of Kosovo "
        "and Metohija, the mission said.\n\nIzvor: Tanjug",
    ],
)
def test_a_weekday_and_date_line_closed_by_a_full_stop_marks_the_pages_own_date(top):
    text = top + "\n\nFriday, 24.11.2023.\n\nA team arrived in Kosovo on November 23."
    assert edtfs(text) == ["2023-11-23"]


# The hundred-and-thirtieth and hundred-and-thirty-first held-out sets' first runs.


def test_a_weekday_before_a_range_of_days_is_its_first_days_and_picks_the_year():
    text = (
        "21 oct. 2010\n\nLe sommet de Lisbonne, le 9 décembre 2007, a décidé.\n\n"
        "L'exercice sera conduit du dimanche 24 au jeudi 28 octobre sous la forme d'un CPX."
    )
    assert edtfs(text) == ["2007-12-09", "2010-10-24/2010-10-28"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        (
            "Entre el próximo 27 de junio al 2 de agosto se realizará el ejercicio.",
            "XXXX-06-27/XXXX-08-02",
        ),
        (
            "It commenced in mid-February and closed Thursday, February 23, 2023.",
            "2023-02/2023-02-23",
        ),
        ("Exercise Bongosagor will be held on October 4 & 5 in the Bay.", "XXXX-10-04/XXXX-10-05"),
    ],
)
def test_entre_al_a_start_and_a_closing_weekday_and_an_ampersand_make_ranges(text, edtf):
    assert edtfs(text) == [edtf]


# The hundred-and-thirty-second and hundred-and-thirty-third held-out sets' first runs.


def test_from_a_day_until_the_nth_is_a_range_within_the_month():
    assert edtfs("The exercise will run from May 14th until the 29th, residents say.") == [
        "XXXX-05-14/XXXX-05-29"
    ]


def test_the_nth_of_another_month_is_not_read_as_the_same_months_day():
    assert edtfs("The drill will run from May 14 until the 2nd of June.") == [
        "XXXX-05-14/XXXX-06-02"
    ]


def test_a_print_link_run_into_the_date_line_leaves_it_the_pages_own_date():
    text = (
        "TITLE: Exercise begins in Latvia\n\nExercise begins in Latvia\n\n"
        "BC, Riga, 20.08.2018.Print version\n\n"
        "The exercise got under way on Monday, the army said, and will end on August 26."
    )
    assert edtfs(text) == ["2018-08-26"]


def test_a_day_in_figures_run_into_the_first_paragraph_is_the_stories_own_date():
    text = (
        "Logistics in the making\n\n06-02-2014 After the redeployment of its forces the "
        "alliance held its logistics exercise in June 2013 in Slovakia."
    )
    assert edtfs(text) == ["2013-06"]


def test_a_day_in_figures_led_by_a_dash_still_tells_an_event():
    text = "Logistics in the making\n\n06-02-2014 – The alliance opened its logistics school."
    assert edtfs(text) == ["2014-02-06"]


def test_a_decade_glued_to_an_aircrafts_name_is_not_a_decade():
    text = "Italian EF.2000s and F-35s flew from Skrydstrup in the 1990s manner."
    assert edtfs(text) == ["199X"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Desde el 18 de agosto hasta el día 30, las fuerzas competirán.", "XXXX-08-18/XXXX-08-30"),
        ("Desde el 18 de agosto hasta el 2 de septiembre.", "XXXX-08-18/XXXX-09-02"),
        ("El ejercicio se celebrará del 15 al 26 de este mes de agosto.", "XXXX-08-15/XXXX-08-26"),
    ],
)
def test_spanish_ranges_ended_by_a_day_alone_or_in_this_named_month(text, edtf):
    assert edtfs(text) == [edtf]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        (
            "The exercise ran from Monday the 12th until Friday the 23rd of March, 2018.",
            "2018-03-12/2018-03-23",
        ),
        ("The course runs from 12 until 23 March 2018.", "2018-03-12/2018-03-23"),
        ("The course runs from 12 through 23 March.", "XXXX-03-12/XXXX-03-23"),
    ],
)
def test_until_and_through_join_two_days_of_a_month_a_weekday_before_each(text, edtf):
    assert edtfs(text) == [edtf]


# The hundred-and-thirty-fourth and hundred-and-thirty-fifth held-out sets' first runs.


def test_a_name_carrying_its_year_dates_a_day_its_sentence_tells_over_the_pages_year():
    text = (
        "21 December 2021\n\nThe “Joint Strike-2016” marines training got underway at the "
        "naval base on May 21. At the opening ceremony, the marines demonstrated their skills."
    )
    assert edtfs(text) == ["2016", "2016-05-21"]


def test_the_year_before_a_coming_exercises_name_dates_its_days():
    text = (
        "The member states are to hold the 2021 Indestructible Brotherhood exercise of their "
        "peacekeeping forces in Russia on November 8-12."
    )
    assert edtfs(text) == ["2021", "2021-11-08/2021-11-12"]


@pytest.mark.parametrize(
    "line",
    [
        "First held in 2015, AUSINDEX has increased in co",
        "Im Jahr 2024 gab es mehrere wichtige Ereignisse im Zus",
    ],
)
def test_a_sentence_cut_short_at_the_end_of_a_stored_copy_is_not_a_heading(line):
    text = "Exercise news\n\nThe navies met at sea for the drill, the ministry said.\n\n" + line
    assert edtfs(text) == ["2015" if "2015" in line else "2024"]


def test_a_mexican_ministrys_place_and_date_line_is_the_pages_own_date():
    text = (
        "Ciudad de México, a 21 de octubre de 2019.- La Secretaría de la Defensa Nacional "
        "participa en el ejercicio que comenzó el 14 de octubre."
    )
    assert edtfs(text) == ["2019-10-14"]


def test_a_year_inside_a_records_identifier_is_no_year():
    text = "Source ID: SRCE-2026-1768814430387-2017\n\nThe exercise ran in 2024."
    assert edtfs(text) == ["2024"]


def test_c_opening_a_list_item_is_its_letter_not_circa():
    text = "The exercise has three frames:\n\nc. 14 Oct to 30 Oct 2018 – Frame 2. Armour trains."
    found = only(text)
    assert (found.edtf, found.text.startswith("14 Oct")) == ("2018-10-14/2018-10-30", True)


# The hundred-and-thirty-sixth and hundred-and-thirty-seventh held-out sets' first runs.


def test_the_year_of_an_edition_dates_the_days_its_sentence_tells():
    text = (
        "Konkan 16, the 2016 edition of the annual bilateral maritime exercise, was held from "
        "December 5-16 in Mumbai and Goa."
    )
    assert edtfs(text) == ["2016", "2016-12-05/2016-12-16"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("L’édition de ce printemps rassemble 70 appareils.", "XXXX-21"),
        ("The drill was held in La Spezia in the early autumn.", "XXXX-23"),
    ],
)
def test_ce_printemps_and_an_early_season_are_read(text, edtf):
    assert edtfs(text) == [edtf]


def test_cet_automne_is_the_pages_years():
    text = "12 décembre 2025\n\nC’est ce qui s’est passé cet automne dans l’exercice."
    assert edtfs(text) == ["2025-23"]


def test_an_update_line_run_into_its_clock_dates_no_event():
    text = (
        "Publié le 9 oct. 2023 à 7:00Mis à jour le 9 oct. 2023 à 7:06\n\n"
        "Le 29 septembre s’est achevée la seconde édition de l’exercice."
    )
    assert edtfs(text) == ["2023-09-29"]


# The hundred-and-thirty-eighth and hundred-and-thirty-ninth held-out sets' first runs.


def test_a_month_after_scheduled_for_is_a_date():
    assert edtfs("The next drill is Exercise Bersama Lima, scheduled for October.") == ["XXXX-10"]


def test_a_month_after_the_pages_day_in_a_sentence_of_what_was_held_keeps_no_year():
    text = (
        "23 Jan 2017\n\nSpeaking at the helicopter exercise held in November in Belgium, the "
        "chief said more was needed.\n\nFourteen helicopters were involved over a three week "
        "period during November."
    )
    assert edtfs(text) == ["XXXX-11", "XXXX-11"]


def test_an_issues_month_over_the_byline_is_the_pages_own_date():
    text = (
        "The War Offshore\n\nAugust 2004\n\nby PA1 Matthew Belson\n\n"
        "For two weeks in April I photographed the training of the Iraqi marines."
    )
    assert edtfs(text) == ["2004-04"]


def test_years_in_an_aside_of_links_to_other_posts_are_no_events():
    text = (
        "The Typhoons took part in the exercise for the first time. (More on BERSAMA LIMA "
        "2011 – here and here as well as BERSAMA SHIELD 2012- here)"
    )
    assert edtfs(text) == []


# The hundred-and-fortieth and hundred-and-forty-first held-out sets' first runs.


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        (
            "Los ejercicios habilitados a partir del primero de junio comprenden maniobras.",
            "XXXX-06-01",
        ),
        ("La misión comenzó el 1° de mayo de 2019 en Asunción.", "2019-05-01"),
    ],
)
def test_the_first_of_a_month_in_spanish_words_is_its_first_day(text, edtf):
    assert edtfs(text) == [edtf]


@pytest.mark.parametrize(
    "text",
    [
        "Photo credit: © Operation 2021 / Alamy / Afripics",
        "The media will gather at 2050 National Guard Dr. in Raleigh.",
        "The office is in Building 2005 at Forbes Field.",
    ],
)
def test_a_credit_a_street_number_and_a_building_number_are_no_years(text):
    assert edtfs(text) == []


def test_gov_before_a_name_ends_no_sentence():
    found = only("The ties grew, and in June Gov. Linda Lingle traveled to Jakarta.")
    assert (found.edtf, "Lingle" in found.text) == ("XXXX-06", True)


# The hundred-and-forty-second and hundred-and-forty-third held-out sets' first runs.


def test_a_short_month_and_a_two_figure_year_after_in_are_that_month():
    text = (
        "The signing of a MoU on Defence Cooperation in Dec 05 and the Joint Military "
        "Cooperation in Mar 06 set the foundation."
    )
    assert edtfs(text) == ["2005-12", "2006-03"]


def test_a_weekday_then_day_month_and_year_in_figures_between_spaces_is_that_day():
    assert edtfs("Am Dienstag, 04 02 2020, standen drei Kontingente bereit.") == ["2020-02-04"]


def test_the_title_again_as_a_sentences_subject_is_read_as_text():
    page = page_text(
        "SOURCE: https://example.org/druzhba/\nTITLE: Pak-Russia Joint Military Exercises "
        "Druzhba (Friendship)\n\nPak-Russia joint military exercises Druzhba (friendship) are "
        "held every year. The exercises started in 2016. They include special operations.\n"
    )
    assert [c.edtf for c in read_dates(page)] == ["2016"]


def test_a_place_and_day_in_brackets_closing_a_release_is_no_event():
    text = "The patrol ended on 8 April 2014 at Port Blair.\n\n(Bangkok - 10 April 2014)"
    assert edtfs(text) == ["2014-04-08"]


# The hundred-and-forty-fourth and hundred-and-forty-fifth held-out sets' first runs.


def test_this_year_beside_a_name_carrying_its_year_is_that_year_on_an_undated_page():
    text = (
        "The armies concluded a planning conference for exercise Southern Accord 2024, which "
        "takes place from 5-16 August this year."
    )
    assert edtfs(text) == ["2024", "2024-08-05/2024-08-16"]


def test_a_byline_date_before_the_section_it_was_filed_in_is_the_pages_own():
    text = (
        "By Christopher Szabo     Oct 4, 2009 in World\n"
        "The exercise, which involved 12 nations, started in February with a mapping exercise."
    )
    assert edtfs(text) == ["2009-02"]


def test_an_aircraft_variant_after_a_slash_is_no_year():
    assert edtfs("The Red Forces fly one squadron of F-16 and F-5/2000 aircraft.") == []


def test_a_german_half_year_in_figures_is_that_half_and_ends_no_sentence():
    found = only("Im 2. Halbjahr 2008 übernahm die Brigade den Auftrag in Afghanistan.")
    assert (found.edtf, "übernahm" in found.text) == ("2008-41", True)


def test_two_german_days_joined_by_a_slash_before_month_and_year_are_a_range():
    assert edtfs("Nach den Konsultationen am 12./13.11.1987 in Karlsruhe.") == [
        "1987-11-12/1987-11-13"
    ]


# The hundred-and-forty-sixth and hundred-and-forty-seventh held-out sets' first runs.


def test_a_year_opening_a_chronologys_line_dates_the_sentence_after_it():
    found = read(
        "  • 1934. L’Armée de l’Air devient une arme autonome.\n"
        "  • 1969. Accord de coopération avec l’United States Air Force Academy.\n"
    )
    assert [(c.edtf, c.text.split()[-1]) for c in found] == [
        ("1934", "autonome."),
        ("1969", "Academy."),
    ]


def test_a_labelled_date_in_brackets_is_the_pages_own():
    text = (
        "Date: (19-05-2017)\n"
        "The centre conducted the 5-day course from 15 to 19 May 2017 for its partners."
    )
    assert edtfs(text) == ["2017-05-15/2017-05-19"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("They met at the planning conference in November/December.", "XXXX-11/XXXX-12"),
        ("The courses ran in March/April 2019 at the centre.", "2019-03/2019-04"),
    ],
)
def test_two_months_joined_by_a_slash_are_one_span(text, edtf):
    assert edtfs(text) == [edtf]


def test_a_subheading_naming_what_the_paragraph_below_names_again_is_no_event():
    page = page_text(
        "SOURCE: https://example.org/gonyeli/\nTITLE: Martyr Lieutenant Caner Gönyeli 2023 "
        "Search and Rescue Exercise Underway\n\nPress Briefing Held for Martyr Lieutenant "
        "Caner Gönyeli-2023 Search and Rescue Exercise\n\nA press briefing was conducted at "
        "the headquarters about the upcoming Martyr Lieutenant Caner Gönyeli-2023 Search and "
        "Rescue Invitation Exercise.\n"
    )
    found = read_dates(page)
    assert [(c.edtf, c.text.startswith("A press")) for c in found] == [("2023", True)]


# The hundred-and-forty-eighth and hundred-and-forty-ninth held-out sets' first runs.


def test_a_class_named_by_its_year_gives_that_year_to_no_day():
    text = (
        "Nine international students reported to the Naval Academy as members of the Class of "
        "2011 during Induction Day on June 27."
    )
    assert edtfs(text) == ["2011", "XXXX-06-27"]


def test_a_stay_told_in_the_french_past_after_the_pages_own_day_keeps_no_year():
    text = (
        "Date 22 février 2022\n\n"
        "Il s’est rendu à l’École Royale de l’Air à Marrakech, au Maroc, du 30 août au 15 "
        "décembre dans le cadre de sa formation."
    )
    assert edtfs(text) == ["XXXX-08-30/XXXX-12-15"]


# The hundred-and-fiftieth and hundred-and-fifty-first held-out sets' first runs.


def test_a_day_in_spanish_words_with_its_month_and_year_is_that_day():
    text = (
        "La escuela fue creada mediante Decreto 1277 del siete de julio de 1937, y el treinta y "
        "uno de diciembre de 1940 cerró su primer curso."
    )
    assert edtfs(text) == ["1937-07-07", "1940-12-31"]


def test_an_earlier_year_later_in_a_sentence_opened_by_a_date_dates_nothing_after_it():
    text = (
        "In April 2023, the government established the scheme, based on the strategy "
        "formulated at the end of 2022. In July, a division was established for it."
    )
    assert edtfs(text) == ["2023-04", "2022", "2023-07"]


# The hundred-and-fifty-second and hundred-and-fifty-third held-out sets' first runs.


def test_a_six_letter_short_name_run_into_its_year_carries_that_year():
    assert edtfs("The patrol ship, which participated in SEACAT2013, noted the gains.") == ["2013"]


def test_a_journals_received_and_accepted_dates_are_no_events():
    text = (
        "Recibido: 10 de marzo de 2014. Aceptado: 18 de abril de 2014.\n"
        "La Iniciativa Mérida comenzó en 2008 con la cooperación de ambos gobiernos."
    )
    assert edtfs(text) == ["2008"]


# The hundred-and-fifty-fourth and hundred-and-fifty-fifth held-out sets' first runs.


def test_a_two_figure_year_after_el_ano_is_that_year():
    assert edtfs("En Cuba, en el año 74 cuando llegamos allí asilados, no pasaba nada.") == ["1974"]


def test_a_byline_with_its_weekday_and_the_category_after_its_date_is_the_pages_own():
    text = (
        "Posted by hougansydney.com on Tuesday, April 11, 2017 Under: Security\n"
        "The mission was set up in 2004 to support the police."
    )
    assert edtfs(text) == ["2004"]


# The hundred-and-fifty-sixth and hundred-and-fifty-seventh held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_born_and_died_before_a_date_end_no_sentence():
    found = read("Emil Körner (b. 10 October 1846; d. 25 March 1920), German army officer.")
    assert [(c.edtf, c.text) for c in found] == [
        ("1920-03-25", "Emil Körner (b. 10 October 1846; d. 25 March 1920), German army officer.")
    ]


def test_a_german_short_adjective_of_a_nation_ends_no_sentence():
    found = read("Insgesamt umfasste die franz. Mission 1912/1913 elf Offiziere.")
    assert [(c.edtf, c.text[:24]) for c in found] == [("1912/1913", "Insgesamt umfasste die f")]


def test_a_footnotes_asterisk_after_a_full_stop_ends_the_sentence():
    text = "The border moved in 1892 and 1907.* In 1908, the Frontier Force was created."
    found = read(text)
    assert [(c.edtf, c.text) for c in found] == [
        ("1907", "The border moved in 1892 and 1907.*"),
        ("1908", "In 1908, the Frontier Force was created."),
    ]


def test_a_year_before_1900_and_another_are_two_years_a_span_only_after_between():
    assert edtfs("The border moved in 1892 and 1907.") == ["1907"]
    assert edtfs("The border moved between 1892 and 1907.") == []
    assert edtfs("Entre 1850 y 2018, la escuela formó a mil oficiales.") == []


def test_circa_run_into_its_year_is_that_year_roughly():
    text = "The photograph shows Liberian Frontier Force troopers c.1914 on parade."
    found = only(text)
    assert (found.edtf, found.qualifier) == ("1914~", "approximate")


def test_an_ordinal_decade_of_the_twentieth_century_is_that_decade():
    text = "In the first decade of the twentieth century, German officers taught in Buenos Aires."
    assert edtfs(text) == ["190X"]
    assert edtfs("The army grew during the third decade of the 20th century.") == ["192X"]


def test_an_almanac_sites_links_to_its_days_are_no_dates():
    text = (
        "On March 19, 1946 the advisory group was set up in Nanjing.\n"
        "- what happened on January 11th in History\n"
        "- what happened on February 11th in History"
    )
    assert edtfs(text) == ["1946-03-19"]


def test_a_month_after_one_month_later_keeps_the_year():
    text = (
        "En août 1916, la Roumanie entre en guerre. Un mois plus tard, le rapport se renverse. "
        "En octobre, une mission militaire française arrive."
    )
    assert edtfs(text) == ["1916-08", None, "1916-10"]
    text = "In December 1916 Romania lost. A month later, the front held. In February, they came."
    assert edtfs(text) == ["1916-12", None, "XXXX-02"]


def test_a_journals_reception_and_approval_dates_and_its_online_date_are_no_events():
    text = (
        "Recepción: 26 de enero de 2015. Aprobación: 15 de marzo de 2015.\n"
        "Published online by Cambridge University Press: 05 February 2009\n"
        "La misión francesa llegó al Perú en 1896 y volvió en 1930."
    )
    assert edtfs(text) == ["1930"]


def test_a_line_broken_before_a_year_before_1900_gives_the_day_no_other_year():
    text = (
        "En 2019 se publicó el libro. Hasta cuando se dio la Revolución Liberal, el 5 de junio de\n"
        "1895; por ende, su ascenso al solio presidencial."
    )
    assert edtfs(text) == ["2019"]


def test_a_journals_name_in_capitals_and_its_number_open_its_issue_line():
    text = "PROCESOS 51, enero-junio 2020\n\nLa misión chilena llegó a Quito en 1899 y en 1902."
    assert edtfs(text) == ["1902"]


def test_a_books_year_and_the_page_cited_are_no_event():
    text = (
        "Insgesamt umfasste die Mission 1912/1913 elf Offiziere, so Martin, Greece (1913), S. 90."
    )
    assert edtfs(text) == ["1912/1913"]


# The hundred-and-fifty-eighth and hundred-and-fifty-ninth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_a_capitalised_spanish_month_written_with_de_in_a_sentence_is_a_date():
    assert edtfs("La Crisis de Octubre de 1962 consolidó la alianza con Moscú.") == ["1962-10"]


def test_a_season_of_the_same_year_takes_the_year_just_stated():
    text = (
        "Im Frühjahr 1956 kam die Delegation. Im Herbst desselben Jahres traf der Präsident ein. "
        "In the autumn of the same year the advisers arrived."
    )
    assert edtfs(text) == ["1956-21", "1956-23", "1956-23"]


def test_a_spanish_month_and_a_two_figure_year_after_del():
    text = "Después del terremoto de mayo del 70, el ejército compró aviones soviéticos."
    assert edtfs(text) == ["1970-05"]


def test_a_declassified_records_fields_and_release_stamps_are_no_events():
    text = (
        "Document Creation Date:\nDecember 21, 2016\nPublication Date:\nJuly 18, 1984\n"
        "Approved For Release 2008/11/07: CIA-RDP88B00831R000100210054-1\n\n"
        "Cuban advisers arrived in Managua in 1979."
    )
    assert edtfs(text) == ["1979"]


def test_a_journals_labels_after_bars_and_commas_are_no_events():
    text = (
        "Pages 515-533 | Received 21 Dec 2022, Accepted 06 Sep 2023, Published online: 16 Sep\n"
        "Fecha de recepción: junio 2025\nRecibido: 28-04-2017 | Aceptado: 12-01-2018\n\n"
        "The first Kenyan officers were commissioned in 1961."
    )
    assert edtfs(text) == ["1961"]


def test_a_month_ending_a_line_and_its_day_and_year_opening_the_next_are_one_date():
    text = (
        "This report examines Sandinista words and actions from the July\n"
        "19, 1979, seizure of power to the present, particularly as they\n"
        "relate to the military build-up."
    )
    assert edtfs(text) == ["1979-07-19"]


def test_a_year_printed_in_five_figures_gives_no_date():
    text = "Posted by: Frenchy on February 02, 19100 at 11:51:06:\n\nCuba trained them in 1978."
    assert edtfs(text) == ["1978"]


def test_an_approximate_range_is_approximate_at_both_ends():
    assert edtfs("Guerrilla armies cropped up around 1980/1981 in Uganda.") == ["1980~/1981~"]
    text = "In the years around independence (c1957-65) officers trained in Britain."
    assert edtfs(text) == ["1957~/1965~"]


# The hundred-and-sixtieth and hundred-and-sixty-first held-out sets' first runs (made-up lines
# of the pages' shapes).


def test_an_authors_name_a_comma_and_a_year_in_brackets_is_a_work_cited_not_a_dateline():
    text = (
        "Such a story serves to legitimate current policy (Cohen, 2001). The agency reported "
        "fighting near the border (Asia-Plus, September 13)."
    )
    assert edtfs(text) == ["2001"]


def test_two_german_days_joined_by_a_slash_before_their_month_are_one_span():
    text = (
        "Vom 15.-17. März 2004 besuchte eine Gruppe die Polizeimission. "
        "Der Besuch fiel in die Stunden vor der Gewaltexplosion vom 17./18. März."
    )
    assert edtfs(text) == ["2004-03-15/2004-03-17", "2004-03-17/2004-03-18"]


def test_a_blogs_date_and_admin_and_a_print_issues_date_are_the_pages_own():
    text = (
        "-: Oct 20, 2016 / admin\n\nBy staff (9/27/2004 issue of the CACI Analyst)\n\n"
        "25-1-2010 ----- DynCorp trains the new army. The United States will train Georgian "
        "servicemen from 2005."
    )
    assert edtfs(text) == ["2005"]


# The hundred-and-sixty-second and hundred-and-sixty-third held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_a_month_yet_to_come_before_the_pages_own_day_in_its_year_keeps_no_year():
    text = (
        "Training the Crew\nThursday, 03 November 2011 22:27\n\n"
        "Yesterday 16 officers got their certificates. The skills will be trained at sea; the "
        "first sail is planned for May. The course began in March. The ship will sail in December."
    )
    assert edtfs(text) == ["XXXX-05", "2011-03", "2011-12"]


def test_two_days_one_after_the_other_across_a_months_end_joined_by_and_are_one_span():
    text = (
        "The training forces are scheduled to arrive on May 31 and June 1. "
        "They came back on May 3 and June 9."
    )
    assert edtfs(text) == ["XXXX-05-31/XXXX-06-01", "XXXX-05-03", "XXXX-06-09"]


# The hundred-and-sixty-fourth and hundred-and-sixty-fifth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_an_archives_list_of_months_is_no_event():
    text = "Archives\n\n  • 2018-07\n  • 2018-10\n\nLa escuela francesa llegó en 1957."
    assert edtfs(text) == ["1957"]


def test_a_cut_last_line_opening_on_a_firms_name_is_a_sentence():
    text = (
        "The government engaged another British company to train its police in Sri Lanka.\n\n"
        "KMS Ltd was founded in 1974 by a"
    )
    assert edtfs(text) == ["1974"]


def test_a_spanish_month_before_its_day_and_de_before_the_year():
    assert edtfs("Desde noviembre 15 de 1962 constan exiliados en el Congo.") == ["1962-11-15"]


def test_a_month_and_a_year_cut_after_an_apostrophe():
    text = "The June ‘67 war had resulted in an exodus. In May '21 the advisers left."
    assert edtfs(text) == ["1967-06", "2021-05"]


def test_spanish_decade_words_after_la_decada_de_los():
    assert edtfs("A lo largo de la década de los cincuenta llegaron asesores.") == ["195X"]


def test_a_late_decade_and_an_early_one_in_two_figures_are_one_span():
    text = "In the late 1950s and early 60s the United States trained the army."
    assert edtfs(text) == ["195X/196X"]


# The hundred-and-sixty-sixth and hundred-and-sixty-seventh held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_spanish_years_in_words_after_a_preposition_or_a_bracket():
    text = (
        "Hubo golpes en Guatemala (mil novecientos cincuenta y cuatro) y en Bolivia (mil "
        "novecientos setenta y uno). La escuela operó desde mil novecientos cuarenta y seis. "
        "En dos mil diez se firmó. Llegaron de mil novecientos cincuenta soldados."
    )
    assert edtfs(text) == ["1954", "1971", "1946", "2010"]


def test_spanish_decade_words_after_principios_or_finales_de_los():
    text = (
        "Sobre todo desde principios de los sesenta se formaron oficiales. "
        "A finales de los setenta años la mitad era de la escuela."
    )
    assert edtfs(text) == ["196X"]


def test_a_german_day_and_month_then_the_year_after_a_space():
    assert edtfs("Das MDR berichtete am 6.2. 2020 über die Helfer.") == ["2020-02-06"]


def test_a_year_run_into_in_by_the_stored_copy():
    text = "Pakistan bought 60 Sea Fury fighters in1950 from Britain. The Berlin1950 group left."
    assert edtfs(text) == ["1950"]


def test_about_after_talking_or_writing_is_no_approximation():
    text = (
        "You cannot talk about the Guard without talking about the 1930s. "
        "The force had grown in about 1935."
    )
    assert edtfs(text) == ["193X", "1935~"]


@pytest.mark.parametrize(
    "text",
    [
        # a site's name opening the text, then the day without a year and a dash
        "afrol.com, 10 January - The guard came to the country in 2008.",
        # the day, a dash and the place with its state's short name, the story on the next line
        "March 29, 2011 - Jalpaiguri (wb),\nThe fighters who trained here in 2008 came back.",
        # the day and "by", the author on the next line
        "Apr 18, 2015 by\nA. Writer\n\nThe two states traded arms in 2008.",
    ],
)
def test_datelines_and_bylines_of_a_site_a_state_or_an_author_on_the_next_line(text):
    assert edtfs(text) == ["2008"]


def test_a_year_before_rifle_is_the_weapons_model():
    text = "He carries a Springfield 1903 rifle. The force was equipped with it in 1944."
    assert edtfs(text) == ["1944"]


def test_a_german_date_line_with_spaces_after_the_day_and_the_month_is_no_date():
    assert edtfs("17. 01. 2021 category: Army\n\nThe army trained in Mali in 2020.") == ["2020"]


def test_a_number_after_a_number_sign_is_no_day():
    text = "F-mail N° 3 Décembre 1943 : Journal d'un élève-pilote. On 12 March 1944 he flew."
    assert edtfs(text) == ["1943-12", "1944-03-12"]


# The hundred-and-sixty-eighth and hundred-and-sixty-ninth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_german_decades_in_words_ending_ern_and_two_joined_by_und():
    text = (
        "In den Siebzigern und Achtzigern wurden die Beziehungen ausgebaut. "
        "In den siebziger und achtziger Jahren kamen Berater. In den Neunzigern gingen sie."
    )
    assert edtfs(text) == ["197X/198X", "197X/198X", "199X"]


def test_an_ordinal_day_closing_a_line_and_its_month_and_year_opening_the_next():
    text = "The first course at the camp began on 3rd\nDecember 1961, but little was done."
    assert edtfs(text) == ["1961-12-03"]


def test_a_dateline_closed_by_a_full_stop_and_a_spaced_dash():
    text = (
        "Conakry, République de Guinée, le 30 octobre 2025. – L'ambassadeur a rappelé la "
        "mission arrivée en 1976."
    )
    assert edtfs(text) == ["1976"]


@pytest.mark.parametrize(
    "text",
    [
        "Archivo por meses: marzo 2012\n\nLa misión llegó en 2008.",
        "Quelle: Deutsches Soldatenjahrbuch 1982 / 30.\n\nDie Zusammenarbeit begann 2008.",
        "Susana Iduya (Editor), British Legacy, Santiago, Ril Editores, 2011.\n\nIt began in 2008.",
        'Ein Artikel zu "Honeckers Afrika-Korps", DER SPIEGEL 10/1980. Sie kamen 2008.',
    ],
)
def test_an_archives_month_a_source_line_a_books_imprint_and_a_magazines_issue_are_no_events(
    text,
):
    assert edtfs(text) == ["2008"]


def test_the_end_of_a_span_of_decades_that_starts_before_1900_is_no_date():
    text = "Japan hired advisers from late 1870s to about early 1910s and again in the 1920s."
    assert edtfs(text) == ["192X"]


def test_cette_annee_la_is_a_year_told_before_not_the_pages_own():
    text = (
        "Conakry, le 30 octobre 2025. – Le contingent arriva en novembre de cette année-là. "
        "En 1975, Cuba décida. Ils arrivèrent en décembre de cette année-là."
    )
    assert edtfs(text) == ["XXXX-11", "1975", "1975-12"]


# The hundred-and-seventieth and hundred-and-seventy-first held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_a_day_an_abbreviated_month_and_a_year_in_four_figures_joined_by_dashes():
    assert edtfs("The brigade trained at Dumfries on 27-Jun-1941 and left.") == ["1941-06-27"]


def test_a_tables_year_with_its_month_in_brackets():
    text = "Cameroun 1966 (janvier) Des officiers installent le système. Tchad 1964 Entraînement."
    assert edtfs(text) == ["1966-01", "1964"]


def test_a_month_naming_an_event_whose_year_follows_of():
    text = "SOE's interest began in 1940. The March coup d'etat of 1941 changed it."
    assert edtfs(text) == ["1940", "1941-03"]


@pytest.mark.parametrize(
    "text",
    [
        # a record's fields
        "Creada: 23 mayo 2007\nEditada: 23 mayo 2007\nModificada: 27 noviembre 2012\n\n"
        "La misión francesa llegó en 2008.",
        # a site's list of dates, nothing between them
        "News Archives 22 Oct 2002 21 Oct 2002 20 Oct 2002 19 Oct 2002\n\n"
        "The dealer sent the equipment in 2008.",
        # a wire item's source and date fields
        "Source :NewsBharati   Date :06-Dec-2017\n\nIndia trained the force in 2008.",
        # a journal's number and place, its long name cut off before
        "Univ. Nac. Córdoba  no.36 Córdoba jun. 2016\n\nLa misión francesa llegó en 2008.",
    ],
)
def test_a_records_fields_a_list_of_dates_and_a_journals_issue_line_are_no_events(text):
    assert edtfs(text) == ["2008"]


# The hundred-and-seventy-second and hundred-and-seventy-third held-out sets' first runs
# (made-up lines of the pages' shapes).


def test_the_second_of_two_spanish_decades_in_words_closes_a_span():
    text = "Los asesores venían del ejército de los años veinte y treinta. Eran treinta y cuarenta."
    assert edtfs(text) == ["192X/193X"]


def test_an_english_season_alone_after_in_takes_the_year_told_before():
    text = "He joined the army in 1918. In autumn, he went to the airfield. He ran summer camps."
    assert edtfs(text) == ["1918", "1918-23"]


def test_a_season_inside_a_sentence_is_no_date():
    text = "The unit trained in 2019 on an exercise in winter. Visitors enjoy it in summer, too."
    assert edtfs(text) == ["2019"]


def test_a_byline_with_its_published_label_and_colon_dates_the_page():
    text = (
        "Saudis look to surge pilot training\n\nBy: Tim Ripley Published: 10 Jul 2012\n\n"
        "The deal was announced on 23 May this year."
    )
    assert edtfs(text) == ["2012-05-23"]


def test_the_last_line_cut_after_a_verb_and_its_year_is_a_sentence_not_a_heading():
    text = "Die Legion entstand im Sommer 1941.\n\nBose war 1941 auf abenteuerlichen Wegen nach Deu"
    assert edtfs(text) == ["1941-22", "1941"]


@pytest.mark.parametrize(
    "text",
    [
        # a journal's year and number over the months the issue covers
        "AÑO 11  / N° 18 Enero – Junio 2020\n\nLa misión llegó en 2008.",
        # when the journal received and approved the article
        "Recibido: 22/10/2019 – Aprobado:23/04/2020\n\nLa misión llegó en 2008.",
        # how to cite the article
        "Cita sugerida: Molinari, L. (2020). Las relaciones.\n\nLa misión llegó en 2008.",
    ],
)
def test_a_journals_year_and_number_its_approval_and_its_citation_are_no_events(text):
    assert edtfs(text) == ["2008"]


# The hundred-and-seventy-fourth and hundred-and-seventy-fifth held-out sets' first runs
# (made-up lines of the pages' shapes).


def test_news_told_today_under_its_day_after_a_names_initial_is_the_pages_date():
    text = (
        "Feb. 28, 1964 - Attorney General Robert F. Kennedy said today that the academy "
        "trained officers from 1962."
    )
    assert edtfs(text) == ["1962"]


def test_a_spanish_weekday_date_line_under_a_counters_label_is_the_pages_date():
    text = "Vistas de página en total\n\nviernes, 5 de agosto de 2011\n\nLa misión llegó en 1910."
    assert edtfs(text) == ["1910"]


def test_a_newsletters_issue_line_dates_the_page():
    text = (
        "Weekly Report - 19 August 2003\n\nThe agreement was signed in June last year. "
        "The academy opened in 1999."
    )
    assert edtfs(text) == ["2002-06", "1999"]


def test_two_german_decades_the_first_with_a_hyphen_for_jahre_make_a_span():
    assert edtfs("Die Berater kamen während der 1950er- und 1960er-Jahre.") == ["195X/196X"]


def test_two_spanish_figures_of_a_decade_after_an_apostrophe():
    assert edtfs("La escuela lo mantuvo hasta finales de los años ’50.") == ["195X"]


def test_vers_le_a_day_is_approximate():
    text = "La retraite commence en 1915. Les premiers arrivent vers le 15 décembre 1915."
    assert edtfs(text) == ["1915", "1915-12-15~"]


def test_a_french_first_day_with_its_ordinal_set_apart_and_a_day_run_into_its_article():
    text = "L'armée serait prête à partir du 1 er avril 1916. J'avais envisagé le8 janvier 1916."
    assert edtfs(text) == ["1916-04-01", "1916-01-08"]


def test_a_french_day_closing_a_line_before_its_month_and_year():
    text = "Andranik arriva à Tiflis, en passant par Varna et Odessa, le 2\naoût 1914. Il partit."
    assert edtfs(text) == ["1914-08-02"]


def test_the_months_of_the_print_issue_an_article_was_taken_from_are_no_event():
    text = (
        "This article is taken from the December/January 2023 issue of The Critic. "
        "The 4 March 1992 issue of the newsletter named them; the 2018 edition began."
    )
    assert edtfs(text) == ["1992-03-04", "2018"]


# The hundred-and-seventy-sixth and hundred-and-seventy-seventh held-out sets' first runs
# (made-up lines of the pages' shapes).


def test_a_lowercase_may_after_in_and_before_its_year_is_the_month():
    text = "In may 1950, the government proposed a school. Officers may 1950 be here."
    assert edtfs(text) == ["1950-05", "1950"]


def test_des_le_a_day_jusquau_another_is_a_span():
    text = "La formation dura dès le 12 septembre 1963 jusqu’au 14 juin 1964 à Libreville."
    assert edtfs(text) == ["1963-09-12/1964-06-14"]


def test_the_first_of_two_days_joined_by_or_takes_the_seconds_year():
    text = "El Día D sería el 6 de agosto o el 3 de octubre de 1975, dijo el general."
    assert edtfs(text) == ["1975-08-06", "1975-10-03"]


def test_a_short_line_closed_by_a_comma_is_a_lists_item_not_a_heading():
    text = (
        "Die Aufträge betrafen:\nAufbau einer Marinewerft ab 1984, mit Ausbildung,\n"
        "Modernisierung der Marinebasis Apapa (ca. 1985-88),\nSchulung von Personal."
    )
    assert edtfs(text) == ["1984", "1985~/1988~"]


# The hundred-and-seventy-eighth held-out set's first run (made-up lines of the pages' shapes).


def test_alla_por_a_year_is_approximate():
    text = "La guardia nació allá por el año de 1907. Allá por 1910 se fundó la escuela."
    assert edtfs(text) == ["1907~", "1910~"]


# The hundred-and-seventy-ninth and hundred-and-eightieth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_a_chronologys_lines_of_a_year_a_dash_and_a_name_are_its_items():
    text = (
        "The names of the early naval forces\n"
        "1934 - Straits Settlement Naval Volunteer Reserve\n"
        "1936- Royal Navy Malay Section\n"
        "1949- Malayan Naval Force (MNF)"
    )
    assert edtfs(text) == ["1934", "1936", "1949"]


def test_a_year_a_dash_and_a_site_name_alone_are_still_a_title_bar():
    text = "2023 – Balkan Defence Monitor\nInternational Cooperation – North Macedonia\n\nIt began."
    assert edtfs(text) == []


def test_a_year_alone_on_its_line_dates_the_entry_below_that_states_no_date():
    text = (
        "German and Bolivian relations\n\n1902\n\n"
        "The German Empire opens a legation in La Paz.\n\n1906\n\n"
        "Two officers publish a book. They publish another in 1912.\n\n1911\n\n"
        "The mission arrives on 3 May."
    )
    found = read(text)
    assert [(c.edtf, c.text) for c in found] == [
        ("1902", "The German Empire opens a legation in La Paz."),
        ("1906", "Two officers publish a book."),
        ("1912", "They publish another in 1912."),
        ("1911-05-03", "The mission arrives on 3 May."),
    ]
    assert not any(c.inferred_year for c in found[:3])


def test_the_end_of_a_span_between_two_years_written_short():
    assert edtfs("Das Heer wurde zwischen 1927 und 38 von Beratern ausgebildet.") == ["1927/1938"]
    assert edtfs("Between 2010 and 12 officers were trained there.") == ["2010"]


def test_from_a_year_through_until_another_is_a_span():
    assert edtfs("He served in Malaya from 1952 through until 1956.") == ["1952/1956"]


def test_a_chronologys_year_then_its_month_and_day_before_a_colon():
    text = 'The list has: "...1945, Dec.1: Carl Gustaf von Rosen hired by the emperor."'
    assert edtfs(text) == ["1945-12-01"]


def test_on_the_ordinal_day_takes_the_month_its_paragraph_named_last():
    text = (
        "In September 1978, arms arrived. The media reported his arrival on September 26, "
        "and his meeting with Castro on the 27th. By the end of the year, arms came.\n\n"
        "They set sail at midnight on 20 January 1964. At first light on the 25th, Z Company "
        "landed."
    )
    assert edtfs(text) == ["1978-09", "1978-09-26", "1978-09-27", "1964-01-20", "1964-01-25"]
    assert read(text)[2].inferred_year


def test_on_the_ordinal_day_without_a_month_before_it_or_before_its_day_is_no_date():
    assert edtfs("The website reported on the 16th that ships had left.") == []
    assert edtfs("It began on 3 May 2010. It ended on the 2nd.") == ["2010-05-03"]
    assert edtfs("It began in May 2010.\n\nIt ended on the 20th.") == ["2010-05"]
    assert edtfs("It began on 3 May 2010, on the 5th day of the talks.") == ["2010-05-03"]


# The hundred-and-eighty-first and hundred-and-eighty-second held-out sets' first runs
# (made-up lines of the pages' shapes).


def test_a_spanish_decade_in_two_figures_after_de_los_without_anos():
    text = "La colaboración data de los 60, precisa el diario. Llegaron 20 de los 60 que fueron."
    assert edtfs(text) == ["196X"]


def test_a_spanish_year_run_into_its_de():
    assert edtfs("Al año siguiente, el 4 de noviembre de1920, voló el avión.") == ["1920-11-04"]


def test_a_year_closing_its_sentence_on_the_next_line_of_a_broken_copy():
    text = "Il renonce à toute occupation (on sait ce qu'il en advint en\n1940).\nIl part."
    found = read(text)
    assert [c.edtf for c in found] == ["1940"]
    assert "on sait ce qu'il en advint en" in found[0].text


def test_a_year_opening_its_sentence_before_the_people_sent_then_their_verb():
    text = "They came. From 1949 officers were sent to Sandhurst. Over 2000 officers were trained."
    assert edtfs(text) == ["1949"]


# The hundred-and-eighty-third and hundred-and-eighty-fourth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_may_day_and_the_labour_days_of_may_are_the_first_of_may():
    text = "In 2006 oil firms were taken over on May Day. Am Tag der Arbeit 2010 sprach er."
    assert edtfs(text) == ["2006", "2006-05-01", "2010-05-01"]


def test_a_month_after_the_pages_own_day_told_with_a_verb_in_the_past_and_in_gets_no_year():
    text = (
        "The Times - Tuesday, July 10, 2007\n\n"
        "The pact was signed with Morales, who announced in August that bases were built. "
        "The drill scheduled in August will start. He announced in May the plan."
    )
    assert edtfs(text) == ["XXXX-08", "2007-08", "2007-05"]


def test_a_yearless_place_and_day_dateline_before_a_count_opening_the_story():
    text = "New Delhi, 15 June: 43 Afghan military cadets passed out of the academy in 2022."
    assert edtfs(text) == ["2022"]


def test_a_month_after_the_pages_own_day_yet_to_come_keeps_the_pages_year():
    text = "Friday, 24 June 2016\n\nThe second phase will be launched in December, sources said."
    assert edtfs(text) == ["2016-12"]


# The hundred-and-eighty-fifth and hundred-and-eighty-sixth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_a_comma_after_the_month_and_after_the_day():
    text = "Hitler declared war on Dec, 11, 1941. A treaty was signed on Jan, 29, 1942."
    assert edtfs(text) == ["1941-12-11", "1942-01-29"]


def test_the_twentieth_century_named_by_its_figures_after_the_nineteenth():
    text = "El ejército de fines del siglo XIX y principios del XX se caracterizó por su reforma."
    assert edtfs(text) == ["19XX"]


def test_a_posts_category_day_and_author_after_a_bar_are_the_pages_own():
    text = (
        "Catégorie : Nouveautés, Gironde  |  le 30 Décembre 2017 par Pierre Archassal\n\n"
        "Il fut formé en 2016."
    )
    assert edtfs(text) == ["2016"]
    assert edtfs("Le décret fut signé le 3 mai 2017 par Emmanuel Macron.") == ["2017-05-03"]


def test_the_reader_binds_each_of_its_module_names_once():
    # A pattern named again further down replaces the first for every caller, silently: two
    # rules then read with one of them (so it was for a preposition's pattern until 2026-12-05).
    tree = ast.parse(pathlib.Path(reader.__file__).read_text(encoding="utf-8"))
    names = collections.Counter()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets += [node.target] if isinstance(node, ast.AnnAssign) else []
        names.update(t.id for t in targets if isinstance(t, ast.Name))
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names[node.name] += 1
    assert [name for name, count in names.items() if count > 1] == []


# The hundred-and-eighty-seventh and hundred-and-eighty-eighth held-out sets' first runs
# (made-up lines of the pages' shapes).


def test_a_hard_wrapped_copys_line_goes_on_with_a_year_or_after_a_figure():
    text = (
        "The advisers of the training team came from the Australian army, and\n"
        "they were posted to the camps near the border for a year or more, and\n"
        "officers of the Australian Army Training Team Vietnam, helped train 27\n"
        "light infantry battalions of the Cambodian army in South Vietnam during\n"
        "1972. This project was, according to one study, a classic example of\n"
        "using special forces as a multiplier, and it had been planned with the\n"
        "Americans, who paid for the rifles, the boots and the rations of the men\n"
        "while the Australians gave the instruction in the camps of the south and\n"
        "the battalions went back to the war once their training was over, some of\n"
        "them within weeks, and a few of their officers came back as instructors."
    )
    found = read(text)
    assert [c.edtf for c in found] == ["1972"]
    assert "helped train 27\nlight infantry battalions" in found[0].text
    assert found[0].text.endswith("South Vietnam during\n1972.")


# The hundred-and-eighty-ninth and hundred-and-ninetieth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_two_years_joined_by_to_after_a_dash_or_a_bracket_are_a_span():
    text = (
        "My time in the Malayan Police Force - 1952 to 1958 - was long. They compared 2019 to 2020."
    )
    assert edtfs(text) == ["1952/1958", "2019", "2020"]


# The hundred-and-ninety-first and hundred-and-ninety-second held-out sets' first runs
# (made-up lines of the pages' shapes).


def test_a_reports_number_and_year_is_no_event():
    text = "Oslo: Norad (Report Discussion no. 19/2010) 30 p.\n\nThe police course began in 2004."
    assert edtfs(text) == ["2004"]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("La escuela de aviación abrió en la segunda década del siglo XX.", "191X"),
        ("La mission militaire date de la deuxième décennie du XXe siècle.", "191X"),
        ("The gendarmerie was raised in the third decade of the twentieth century.", "192X"),
    ],
)
def test_a_decade_told_by_its_place_in_the_twentieth_century(text, edtf):
    assert edtfs(text) == [edtf]


def test_a_papers_volume_number_and_place_before_its_day_are_its_issue():
    text = (
        "Evening Post, Volume 15, Number 276, Rensselaer, Jasper County, 22 November 1911 — "
        "NATIVE SOLDIERS\n\n"
        "On 3 November the first company of the constabulary paraded before its officers."
    )
    found = read(text)
    assert [c.edtf for c in found] == ["1911-11-03"]
    assert found[0].inferred_year


def test_a_number_read_as_a_day_after_a_volume_is_the_issue_not_an_event():
    text = (
        "The Egyptian army was reformed under British officers in 1936.\n\n"
        "This article was first published in the Defence Journal, Vol 128, No 2, April 1998"
    )
    assert edtfs(text) == ["1936"]


# The hundred-and-ninety-third and hundred-and-ninety-fourth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_years_closing_an_aside_in_square_brackets_are_read():
    text = (
        "From 1958 till 1960 the officer was lent to the new government [followed by his "
        "deputy from 1959 till 1961]. The service was modelled on the one he had set up "
        "[later the foreign service, in 1968]."
    )
    assert edtfs(text) == ["1958/1960", "1959/1961", "1968"]


def test_a_footnotes_mark_after_a_year_closing_its_paragraph_leaves_the_year():
    text = (
        "The movement's ministers, among them the guerrillas' envoys, met at the conference "
        "in Belgrade in 1978.2\n\nThe figure rose to 2003.5 in the next report."
    )
    assert edtfs(text) == ["1978"]


@pytest.mark.parametrize(
    "line",
    [
        "2014-02-27 The armed forces freed from the shadow of France",
        "Journeys in Time 2014-02-27 The armed forces freed from the shadow of France",
    ],
)
def test_a_posts_day_before_the_title_on_its_line_is_the_pages_own_date(line):
    text = (
        "TITLE: The armed forces freed from the shadow of France\n\n"
        f"{line}\n\n"
        "The accords were signed in June 1973 and the bases were handed over."
    )
    assert edtfs(text) == ["1973-06"]


def test_a_spanish_blogs_weekday_month_day_and_year_line_is_the_pages_own_date():
    text = (
        "Mi foto\nNombre: Luciano Cuadra\nUbicación: Managua\n\n"
        "jueves, agosto 09, 2007\n\n"
        "El telegrama del 10 de diciembre de 1924 nombra la fuerza por primera vez."
    )
    assert edtfs(text) == ["1924-12-10"]


@pytest.mark.parametrize(
    "line",
    [
        "Descriptors: Volume 2019, 20th Century, World War I Print Version",
        "Boston: Walter de Gruyter, 2018. Pp. 289. ISBN 978-3-11-055289-8.",
        "Enviado: mayo de 2025. Aceptado: abril de 2025. Publicado: 30/06/2025",
        "This is a digitized version of an article from the paper's print archive, before the "
        "start of online publication in 1996.",
    ],
)
def test_a_reviews_keywords_a_books_details_and_an_archives_notice_date_no_event(line):
    text = f"{line}\n\nThe German officers stayed in Turkey until 1938."
    assert edtfs(text) == ["1938"]


def test_a_revolution_named_by_its_month_is_no_date():
    text = (
        "Under the influence of the October Revolution the party turned to Moscow, and the "
        "advisers arrived in July."
    )
    assert edtfs(text) == ["XXXX-07"]


def test_years_in_square_brackets_alone_or_opening_a_note_stay_no_event():
    text = (
        "Year : [2005] [2004] [2003]\n\n"
        "[Reprinted from the article written for the anniversary volume, Lima, 2005]\n\n"
        "The naval school opened its doors in 1947."
    )
    assert edtfs(text) == ["1947"]


def test_a_year_in_square_brackets_after_a_day_is_that_days_year():
    text = "On September 15, [1997] 500 troops parachuted into the south with the battalion."
    assert edtfs(text) == ["1997-09-15"]


def test_a_weather_reading_then_a_place_then_a_day_is_the_sites_clock():
    text = (
        "19.4 C\nLima\nsábado, noviembre 23, 2024\n\n"
        "Que el Día D sería el 6 de agosto de 1975 y que la concentración de tropas, en el mes "
        "de agosto, fue un ensayo."
    )
    assert edtfs(text) == ["1975-08-06", "1975-08"]


# The hundred-and-ninety-fifth and hundred-and-ninety-sixth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_a_forums_breadcrumb_post_lines_quote_headers_and_member_fields_are_no_events():
    text = (
        "Click here to view this topic in its original format Forum > The Interwar Period "
        "(1920-1940) > French Military Mission?!\n\n"
        "Posted by: woj May 27, 2009 08:27 pm\n"
        "In 1939 the mission was offered to Romania by France.\n\n"
        "QUOTE (Jeroen @ May 27, 2009 08:40 pm)\n"
        "The mission in Warsaw closed in 1932.\n\n"
        "Posts: 1523\nJoined: 1/7/2009\nFrom: Woodbridge, VA\n\n"
        "The scouts were formed in 1901."
    )
    assert edtfs(text) == ["1939", "1932", "1901"]


def test_a_posted_by_line_gives_the_page_its_year():
    text = "Posted by: woj May 27, 2009 08:27 pm\n\nThe instructors left Bucharest on 3 May."
    found = read(text)
    assert [c.edtf for c in found] == ["2009-05-03"]
    assert found[0].inferred_year


def test_a_german_abbreviated_month_between_a_day_and_a_year():
    text = (
        "Die Befehlshaber waren: 15. April 1941 - 7. Januar 1942 Generalmajor Paul Völckers "
        "7. Januar 1942 - 1. Dez. 1943 Oberst Heinrich Knesch. Der Stab zog am 15. Okt. 1943 um."
    )
    assert edtfs(text) == ["1941-04-15/1942-01-07", "1942-01-07/1943-12-01", "1943-10-15"]


def test_a_german_two_letter_weekday_before_a_day_alone_on_its_line_is_a_date_line():
    text = "Mi, 11. Dezember 2019\n\nDie Patrouille der Schweizer siegte im Oktober in Wales."
    found = read(text)
    assert [c.edtf for c in found] == ["2019-10"]


# The hundred-and-ninety-seventh and hundred-and-ninety-eighth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_an_articles_digest_note_gives_the_page_its_day_and_no_event():
    text = (
        "This article was digested from the original, published in THE REPORTER, 12 January "
        "1967.\n\n"
        "Last summer, a correspondent went with a unit down the trail."
    )
    assert edtfs(text) == ["1966-22"]


def test_a_decade_closing_a_captions_square_brackets_is_read():
    text = "A fighter of the Imperial Ethiopian Air Force. [circa mid 1950s]"
    assert edtfs(text) == ["195X"]


# The hundred-and-ninety-ninth and two-hundredth held-out sets' first runs (made-up lines of the
# pages' shapes).


def test_a_day_in_quotes_naming_a_class_is_no_date():
    text = (
        "Les élèves de la 29e promotion, baptisée « 5 février », puis la promotion « promotion "
        "5 février », ont reçu leurs épaulettes le 12 décembre 2024."
    )
    assert edtfs(text) == ["2024-12-12"]


def test_a_journals_issue_months_before_its_pages_are_no_event():
    text = (
        "papeles de trabajo, 18(34), julio-diciembre 2024, pp. 37-57\n\n"
        "Los oficiales fueron formados en 1977 por instructores argentinos."
    )
    assert edtfs(text) == ["1977"]


def test_a_threads_started_by_line_is_the_pages_own_date():
    text = (
        "Discussion in 'North Africa' started by Belgian Dave, Sep 23, 2013.\n\n"
        "He arrived in Ankara on 3 February and met the Turkish staff."
    )
    found = read(text)
    assert [c.edtf for c in found] == ["2013-02-03"]


# The two-hundred-and-first and two-hundred-and-second held-out sets' first runs (made-up lines
# of the pages' shapes).


def test_a_decrees_number_and_year_and_a_blogs_month_archive_label_are_no_events():
    text = (
        "Posts made in October, 2015\n\n"
        "El régimen, a través del decreto presidencial 19-2024, autorizó el ingreso de tropas "
        "extranjeras para ejercicios en 2025."
    )
    assert edtfs(text) == ["2025"]


# The two-hundred-and-third and two-hundred-and-fourth held-out sets' first runs (made-up lines
# of the pages' shapes).


def test_a_cut_last_line_opening_on_an_elided_preposition_and_a_year_is_a_sentence():
    text = (
        "Un colonel supervisait l’encadrement de la garde présidentielle.\n"
        "Jusqu’en 1988, ce dernier avait officié au Zaïre (aujourd"
    )
    assert edtfs(text) == ["1988"]


def test_a_month_a_comma_and_an_ordinal_day_with_no_year():
    found = only("The pilots can fly demonstration flights on October, 5th, in the capital.")
    assert (found.edtf, found.inferred_year) == ("XXXX-10-05", False)
    assert edtfs("In December, 1st Battalion moved to the border.") == ["XXXX-12"]


def test_an_also_read_link_and_a_count_of_men_are_no_events():
    text = (
        "The squadron arrived at Port Victoria on 1 September 2025.\n\n"
        "Also Read: New Submarines to Start Construction in 2027 with 16 Missiles\n\n"
        "Laut Programm wurden 2000 Mann in Großbritannien ausgebildet."
    )
    assert edtfs(text) == ["2025-09-01"]


# The two-hundred-and-fifth and two-hundred-and-sixth held-out sets' first runs (made-up lines of
# the pages' shapes).


def test_a_title_whose_sentence_goes_on_after_a_comma_dates_its_rest():
    text = (
        "TITLE: Washington announces a grant to strengthen security in Argentina\n\n"
        "Washington announces a grant to strengthen security in Argentina,\n\n"
        "being the first grant of its kind since 2003.\n\n"
        "The grant will let the army buy equipment."
    )
    assert edtfs(text) == ["2003"]


def test_a_date_line_and_the_category_the_post_was_filed_in_are_the_pages_own():
    text = (
        "The Agency by The Agency\n"
        "27/02/2025,\n"
        "in Afrique\n"
        "Reading Time: 2 mins read\n"
        "Russian instructors trained the forces of the Sahel states in 2024."
    )
    assert edtfs(text) == ["2024"]


# The two-hundred-and-seventh and two-hundred-and-eighth held-out sets' first runs (made-up
# lines of the pages' shapes).


def test_a_press_archives_source_line_dates_the_page():
    found = read("Lippe aktuell , 21.05.2003 :\n\nSeit Mitte März werden Soldaten ausgebildet.")
    assert [(c.edtf, c.inferred_year) for c in found] == [("2003-03", True)]


def test_a_wire_dateline_with_a_full_stop_after_the_agency_is_the_pages_own():
    text = "Bruxelles, 12 décembre 2024 (ACP).-Le chef de la Défense a visité un détachement."
    assert edtfs(text) == []


def test_a_date_originally_written_line_and_a_movement_named_by_its_day_are_no_events():
    text = (
        "Date Originally Written:  April 10, 2023.\n\n"
        "The M23 (Mouvement du 23 mars) took the town; the Movimiento 26 de Julio fought in "
        "1958."
    )
    assert edtfs(text) == ["1958"]


# The two-hundred-and-ninth and two-hundred-and-tenth held-out sets' first runs (made-up lines of
# the pages' shapes).


def test_a_range_from_yesterday_named_by_its_day_to_the_next_day():
    found = only("El ejercicio opera desde ayer, 14 de mayo, hasta el próximo 28 de mayo.")
    assert found.edtf == "XXXX-05-14/XXXX-05-28"


def test_an_author_boxs_latest_posts_are_no_events():
    text = (
        "Russian instructors arrived in Niamey in 2024.\n"
        "Les derniers articles par Rédaction (tout voir)\n"
        "- Un autre article sur le gaz depuis le printemps 2022 - 21 novembre 2024\n"
        "- Un troisième article - 20 novembre 2024"
    )
    assert edtfs(text) == ["2024"]


# A release's or a wire's own dateline, of the shapes the two-hundred-and-tenth to
# two-hundred-and-fifteenth sets met: a place, date and clock closing a line; the day, place and
# paper in the brackets that open a story; a place, a yearless day and an agency closing it.
@pytest.mark.parametrize(
    "text",
    [
        "Belmopan. April 24, 2020. 11:10 a.m.\n\n"
        "The unit has pledged its continued support to the security forces since 2019.",
        "(August 25, Colombo, A Paper) The United States donated equipment, as it did in 2019.",
        "The two ministers signed agreements in 2019.\n\nTegucigalpa, 18 Mar (Notimex)",
    ],
)
def test_a_release_or_wire_dateline_is_the_pages_own(text):
    assert edtfs(text) == ["2019"]


# The two-hundred-and-eleventh to two-hundred-and-fourteenth held-out sets' first runs (made-up
# lines of the pages' shapes).


@pytest.mark.parametrize("opening, closing", [("[", "]"), ("(", ")")])
def test_a_year_after_est_in_an_aside_is_an_event(opening, closing):
    text = (
        f"The FBI leads the academy at Budapest {opening}est. 1995{closing}, the DEA the one "
        f"at Bangkok {opening}est. 1999{closing} and FLETC the one at Gaborone."
    )
    found = read(text)
    assert [c.edtf for c in found] == ["1995", "1999"]
    assert all("Bangkok" in c.text for c in found)


# The two-hundred-and-seventeenth and two-hundred-and-eighteenth held-out sets' first runs
# (made-up lines of the pages' shapes).


@pytest.mark.parametrize(
    "text",
    [
        "Los ejercicios serán del 24 de marzo al 27 del mismo mes en Puebla.",
        "Le stage se tiendra du 24 mars au 27 du même mois à Dakar.",
    ],
)
def test_a_range_whose_end_is_a_day_of_the_same_month(text):
    assert only(text).edtf == "XXXX-03-24/XXXX-03-27"


# The two-hundred-and-nineteenth and two-hundred-and-twentieth held-out sets' first runs (made-up
# lines of the pages' shapes).


@pytest.mark.parametrize(
    "told, before",
    [
        (
            "« Nous avons accueilli ce jeudi 12 mai 2022 les instructeurs », a dit la radio.",
            "Une mission s'était rendue à Bamako en novembre pour préparer leur venue.",
        ),
        (
            "The trainers landed at Kigali on 12 May 2022, the radio said.",
            "A delegation had visited the academy in November to prepare their stay.",
        ),
        (
            "Los instructores llegaron a Asunción el 12 de mayo de 2022.",
            "Una delegación había llegado en noviembre para preparar su estancia.",
        ),
    ],
)
def test_a_month_told_in_the_pluperfect_after_the_day_told_is_not_of_its_year(told, before):
    found = read(f"{told}\n\n{before}")
    assert [c.edtf for c in found] == ["2022-05-12", "XXXX-11"]
    assert not found[1].inferred_year


@pytest.mark.parametrize(
    "after, edtf",
    [
        # in the simple past, after the day told: told in order, of its year
        ("A second team arrived in November to train the drivers.", "2022-11"),
        # in the pluperfect, before the day told: of its year too
        ("A delegation had visited the academy in March to prepare their stay.", "2022-03"),
    ],
)
def test_a_month_told_after_the_day_keeps_its_year_unless_it_cannot_be_in_it(after, edtf):
    found = read(f"The trainers landed at Kigali on 12 May 2022, the radio said.\n\n{after}")
    assert [c.edtf for c in found] == ["2022-05-12", edtf]


@pytest.mark.parametrize(
    "line",
    [
        "You can read more about the Shield Exercise 2024 on the U.S. DVIDS website",
        "Read more about the Shield Exercise 2024 at the ministry's web site.",
        "Pour en savoir plus sur l'exercice Bouclier 2024, voir le site du ministère.",
    ],
)
def test_a_line_pointing_to_another_site_for_more_is_no_event(line):
    text = "Ten nations trained together at Baturaja in September 2024.\n\n" + line
    assert [c.edtf for c in read(text)] == ["2024-09"]


# The two-hundred-and-twenty-first to two-hundred-and-twenty-fourth held-out sets' first runs
# (made-up lines of the pages' shapes).


def test_a_day_with_next_takes_the_year_the_same_day_was_told_with():
    found = read(
        "Le conseil a décidé de s'en tenir à la date du 30 juin 2024.\n\n"
        "Il demandait déjà la fin du mandat le 30 juin prochain."
    )
    assert [c.edtf for c in found] == ["2024-06-30", "2024-06-30"]


@pytest.mark.parametrize(
    "line, edtf",
    [
        ("Die ersten Flugzeuge werden diesen Sommer erwartet.", "2024-22"),
        ("Die Ausbilder kommen in diesem Herbst zurück.", "2024-23"),
        ("Los instructores llegarán este verano.", "2024-22"),
    ],
)
def test_this_season_in_german_and_spanish_is_of_the_pages_year(line, edtf):
    assert edtfs(f"A page\n30.05.2024, 18:09\n\n{line}") == [edtf]


def test_this_past_season_on_a_page_without_a_date_is_proposed_without_a_year():
    found = only("This past fall, the brigade sent four officers to the course in Aalborg.")
    assert (found.edtf, found.inferred_year) == ("XXXX-23", False)


def test_last_season_on_a_page_without_a_date_is_still_no_event():
    assert edtfs("Last summer, the brigade sent four officers to the course in Aalborg.") == []


@pytest.mark.parametrize("number", ["01870–2025", "01870-2025", "10870–2025"])
def test_a_resolutions_number_ending_in_a_year_is_no_date(number):
    assert edtfs(f"Mediante la Resolución Ministerial {number}, el Ministerio aceptó.") == []


def test_a_range_of_years_with_a_dash_is_still_read():
    assert edtfs("La misión de formación 1992–2025 formó a miles de soldados.") == ["1992/2025"]


def test_a_captions_month_in_parentheses_before_a_colon_is_still_an_event():
    text = "(Archivbild Dezember 2014: Ausbildung somalischer Militärpolizisten in Mogadischu)"
    assert edtfs(text) == ["2014-12"]


# The two-hundred-and-twenty-fifth to two-hundred-and-twenty-eighth held-out sets' first runs
# (made-up lines of the pages' shapes).


def test_an_exercise_named_with_its_year_before_its_participants_is_a_date():
    assert edtfs("He thanked the bond among Shield 2016 participants, the general said.") == [
        "2016"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The academy trained 2016 participants in all.",
        "On a envoyé au Mali 2000 soldats.",
        "The course drew some 2000 participants from Mali.",
    ],
)
def test_a_count_of_participants_is_still_no_date(text):
    assert edtfs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the place and its day in brackets, no mark between, opening the story
        "(Lima 19 de diciembre 2025).- Las Fuerzas Armadas reciben 20 carpas donadas.",
        # the date line with its clock run into the story
        "A talk show\nA. Writer\n17 avril 2025 à 22:03C'est lundi prochain que sera donné le "
        "coup d'envoi de l'exercice.",
        # a byline run in after the date
        "Le Mali et la Turquie ont signé un accord militaire le 19 avril 2022 Par Jean Pierre "
        "ECRIVAIN Le gouvernement du Mali a signé l'accord.",
        # a dateline whose place ends in a semicolon
        "Santiago de Querétaro, Qro; 31 de mayo de 2023.- La Policía de Colombia capacitará.",
    ],
)
def test_a_pages_own_date_of_these_shapes_is_no_event(text):
    assert edtfs(text) == []


def test_a_date_followed_by_by_and_its_signer_is_still_an_event():
    assert edtfs("The treaty was signed on 19 April 2022 by the minister.") == ["2022-04-19"]


def test_a_fiscal_year_in_two_figures_is_its_year():
    assert edtfs("The FY24 defense authorization and budget passed the House.") == ["2024"]


def test_a_date_line_run_into_its_section_and_picture_credit_is_the_pages_own_date():
    found = read(
        "A page\n\n10 December, 2022 Demining. Image: A Center The United States is preparing "
        "teams of sappers.\n\nThe teams are due by the spring of 2023. Sappers who since March "
        "have defused 500 objects are praised."
    )
    assert [c.edtf for c in found] == ["2023-21", "2022-03"]


# The two-hundred-and-twenty-ninth and two-hundred-and-thirtieth held-out sets' first runs
# (made-up lines of the pages' shapes).


@pytest.mark.parametrize("clock", ["", " 08 01", " 08:01"])
def test_a_byline_with_a_colon_and_its_date_is_the_pages_own(clock):
    text = f"A page\n\nPor: Redaccion 02 Junio 2017{clock}\n\nEl FBI capacitaría a policías."
    assert edtfs(text) == []


# The two-hundred-and-thirty-first and two-hundred-and-thirty-second held-out sets' first runs
# (made-up lines of the pages' shapes).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the page's own date line in lower case
        (
            "Ein Treffen\n\nEine Woche lang tagten Ausbilder.\n\nveröffentlicht am 14.06.2007 um "
            "00:00 Uhr\n\nDie Schule zeigte ihre Simulatoren.",
            [],
        ),
        # a bridge system's name
        ("Die Pioniere übten am Brückensystem der Pionierbrücke 2000 mit ihren Partnern.", []),
        # a decade in two figures after an acute accent typed for the apostrophe
        (
            "Los buzos vienen de una histórica amistad desde fines de los ´50, dijo el jefe.",
            ["195X"],
        ),
        # a range opened by "desde el año"
        ("Publicó datos de la financiación militar desde el año 2000 hasta 2022.", ["2000/2022"]),
        # a day in a later paragraph, on the page's own day, under a deadline year stated before
        (
            "A title\n\nPublished On: November 5, 2020 12:22 PM NPT By: Agencies\n\nKATHMANDU, "
            "Nov 5: The seats will grow to 120 by 2022, the secretary said.\n\nKumar spoke. A "
            "webinar has been organised for 5 November.",
            ["2022", "2020-11-05"],
        ),
    ],
)
def test_these_shapes_of_the_sets_232_to_234_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected


# The two-hundred-and-thirty-third and two-hundred-and-thirty-fourth held-out sets' first runs
# (made-up lines of the pages' shapes).


def test_a_chronologys_days_alone_on_their_lines_date_the_entries_below():
    found = read(
        "Chronologie\n\n1945 - 1957 : Réarmement et construction\n\n9 mai 1945\nSignature à "
        "Berlin de l'acte de capitulation.\n\n17 mars 1948\nSignature du traité de Bruxelles "
        "entre cinq pays.\n\n13 octobre 1950\nConférence sur le financement du r"
    )
    assert [c.edtf for c in found] == ["1945-05-09", "1948-03-17", "1950-10-13"]
    assert found[0].text.startswith("Signature à Berlin")


@pytest.mark.parametrize(
    "text",
    [
        # a day alone over a story, once
        "A title\n\n9 May 2019\nThe ministry trained forty officers of the border guard.",
        # a blog post's own date over its title and again over its photo's caption
        "06 Mei 2011\n\nMalaysian And Aussie Navies In Joint Exercise\n\n06 Mei 2011\n\nHMAS "
        "Ballarat frigate (photo : Militaryphotos)\n\nThe navies trained together.",
        # a record's update line
        "Chronologie\n\nDossier mis à jour le 29.09.2011\n\nLa France signe le traité.",
        # a release's date over its dash, the story below
        "A release\n\nAug. 5, 2025 —\n\nThree cutters were handed over to the navy.",
    ],
)
def test_a_pages_own_date_over_a_story_or_a_chronology_is_no_event(text):
    assert edtfs(text) == []


# The two-hundred-and-thirty-fifth and two-hundred-and-thirty-sixth held-out sets' first runs
# (made-up lines of the pages' shapes).

_TITLE = "The army intends to train border guards this fall in the west"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a timeline's years run into their entries
        (
            "Milestones\n- 1998India's tests; France one of few not to condemn them\n- 2004First "
            "Strategic Dialogue between India and France",
            ["1998", "2004"],
        ),
        # a chronology's day and month over the year, once run into its entry
        (
            "A page\n\n6 January\n1961 – The premier declares his support.\n\n17 April\n1960The "
            "Commission agrees to a government request.",
            ["1961-01-06", "1960-04-17"],
        ),
        # the headline shown, then the title again as the story's first sentence
        (
            f"TITLE: {_TITLE}\n\nSaturday, July 25, 2015\n\n{_TITLE}\n\n{_TITLE}. And this is "
            "small-unit training.",
            ["2015-23"],
        ),
        # how to cite the page itself, its title in guillemets
        (
            f"TITLE: {_TITLE} des années 1950 à 2010\n\nA. Writer et al., « {_TITLE} des années "
            "1950 à 2010 », Les Champs de Mars",
            [],
        ),
        # an essay site's line: when the essay was sent
        ("Un ensayo\n\nEnviado por • 17 de Junio de 2014 • 1.925 Palabras (8 Páginas)", []),
        # (a site's menu line opening on a year run into a word is no date)
        ("A page\n2013News\nThe police trained forty officers.", []),
        # (the title in quotes inside a sentence, after no comma, is the sentence's subject)
        (
            'TITLE: The national guard of a kingdom and its trainers\n\nThe book "The national '
            'guard of a kingdom and its trainers" was published by the centre in 2021.',
            ["2021"],
        ),
    ],
)
def test_these_shapes_of_the_sets_235_and_236_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected


def test_a_pages_date_run_into_its_story_on_one_line_is_still_its_own():
    assert edtfs("08 Feb, 2022The arrival of the trainers was announced.") == []


# The two-hundred-and-thirty-seventh and two-hundred-and-thirty-eighth held-out sets' first runs
# (made-up lines of the pages' shapes).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a journal's received, revised and accepted days, parted by slashes
        (
            "Un artículo\n\nRecibido: 14 de agosto de 2018 / Modificado: 26 de septiembre de "
            "2018 / Aceptado: 22 de octubre de 2018\n\nLa cooperación militar creció.",
            [],
        ),
        # a chronology's year alone over an entry with no sentence's stop
        (
            "Compendio\n\n1913\nNace la aeronáutica militar, dos aviones\n\n1931\nAsume la "
            "presidencia el general por elección popular.",
            ["1913", "1931"],
        ),
        # a day of the month its heading names, after a year stated in passing
        (
            "Chronology\n\nApril 2018\n\nThe mission ended, established in September 2003. The "
            "report reached the Council on 13 April.\n\nJanuary 2018\n\nOn 8 January, members "
            "met.\n\nDecember 2017\n\nOn 13 December the envoy briefed.",
            ["2003-09", "2018-04-13", "2018-01-08", "2017-12-13"],
        ),
    ],
)
def test_these_shapes_of_the_sets_237_and_238_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected


# The two-hundred-and-thirty-ninth to two-hundred-and-forty-eighth held-out sets' first runs
# (made-up lines of the pages' shapes).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "next May" in a sentence that told a day of history: the page's own date gives its
        # year, and there is none
        (
            "Este lunes se cumple el aniversario de la operación, lanzada el 20 de marzo de "
            "2003, y un general español mandará la misión a partir del próximo mes de mayo.",
            ["2003-03-20", "XXXX-05"],
        ),
        # (a day told with its weekday is the day the news is told from)
        (
            "Les navires sont arrivés le vendredi 12 novembre 2021 à Alger. L’exercice se "
            "poursuivra jusqu’au 20 novembre prochain.",
            ["2021-11-12", "2021-11-20"],
        ),
        # a year named as the page's own after "de este" is the date's year
        (
            "Los últimos soldados aterrizaron el 13 de mayo de este 2021 en Torrejón.",
            ["2021-05-13"],
        ),
        ("Los soldados llegaron en mayo de este 2021 a Zaragoza.", ["2021-05"]),
        # an online daily's publication and update line: the page's own date, no event
        (
            "Un artículo\n\nPublicada el 27/12/2018 a las 09:45 Actualizada el 27/12/2018 a las "
            "10:06\n\nEl presidente visitó a las tropas.",
            [],
        ),
        # a month and its year opening the news before a dash: the news's own month, which
        # gives "this year" its year
        (
            "A teaser\n\nDecember 2014 – The government has requested and the United States "
            "suspended the training of a battalion. The program began in April this year.",
            ["2014-04"],
        ),
        # a blog's post line: the date, then who wrote it and where it was filed
        (
            "Un billet\n\n25 Octobre 2019 , Rédigé par Un Blog Publié dans #Afrique\n\nLa "
            "coopération militaire s'étend.",
            [],
        ),
        # (a decree drafted by someone on that day is an event)
        ("Le 25 octobre 2019, rédigé par le ministre, le décret fut signé.", ["2019-10-25"]),
        # a Spanish law's number and year, then its day: one date, the day of that year
        ("La ley 39/2015, de 1 de octubre, regula el procedimiento.", ["2015-10-01"]),
        # a record's number and its day: the record's own date
        (
            "DS. Congreso, Comisiones, núm. 835, de 21/12/2022\n\nLa ministra compareció.",
            [],
        ),
        # a yearless dateline, its agency's name capitalised, alone on its line
        ("Moscú, 29 de julio, RIA Novosti.\n\nRusia y España negociarán un acuerdo.", []),
        # attached files' labels, a list's items: their days, no events
        (
            "Documents\n1. 14 November 2018 A. Writer - 276 KB - pdf\n\nOn 14 November 2018 "
            "the Council met.",
            ["2018-11-14"],
        ),
        # the sets 245 and 246: a German span of years "in den Jahren"
        (
            "Der in den Jahren 2002 bis 2007 geleistete Beitrag war groß.",
            ["2002/2007"],
        ),
        # (two years joined by "and" after "in the years" are two)
        ("In the years 2002 and 2007 the army grew.", ["2002", "2007"]),
        # "el día 24": a day of the month its paragraph named
        (
            "La demostración fue en febrero de 1911. Garros voló ante el presidente el día 24.",
            ["1911-02", "1911-02-24"],
        ),
        # an operation named after a day
        ("Opération 14 Juillet: tentative avortée de libérer les otages.", []),
        # a journal's volume, number and the months it covers
        (
            "Janus.net\nVol. 15, Nº. 1 (May 2024 October 2024)\n\nThe paper studies defence "
            "diplomacy.",
            [],
        ),
        # the sets 247 and 248: a Spanish day in words, its year not stated
        ("El dos de abril, la empresa anunció el acuerdo.", ["XXXX-04-02"]),
        ("La misión comienza desde el próximo uno de enero.", ["XXXX-01-01"]),
        # ("uno de los" is no day)
        ("Uno de los soldados llegó en 2014.", ["2014"]),
        # Thanksgiving: its day moves, its month stays
        ("The trainers said they were fighting by Thanksgiving.", ["XXXX-11"]),
    ],
)
def test_these_shapes_of_the_sets_239_to_248_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected


# The two-hundred-and-forty-ninth to two-hundred-and-fifty-eighth held-out sets' first runs
# (made-up lines of the pages' shapes).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation, then who said it and when, after a dash: an event, not a dateline
        (
            "A title\n\n“We will build our own army.”\n\n– President Abdul Rahman (July 30, "
            "1973)\n\nThe army grew in 1975.",
            ["1973-07-30", "1975"],
        ),
        # (a place and its day in brackets opening a story stays its dateline)
        ("A title\n\nKABUL (July 30, 1973) – The army grew in 1975.", ["1975"]),
        # the magazine's issue a text is reprinted from: its own date, the year of "This
        # December"
        (
            "A title\n\nFrom the October – December 1999 of Afghan Magazine\n\nThis December "
            "marks the twentieth anniversary of the invasion.",
            ["1999-12"],
        ),
        # other papers' teasers under "This relates to…", each cut short over "Read More"
        (
            "A title\n\nSince 2002, the program has trained African battalions.\nThis relates "
            "to…\nAugust 15, 2007\nAnother paper\nIn 2004, the president announced a new "
            "program to train\n… Read More »",
            ["2002"],
        ),
        # a post's day and its tag over the author's line: the page's own date
        (
            "A title\n\n2012-07-25 iraq\nAuthor: A. Writer\n\nThe mission has trained "
            "judges since 2005.",
            ["2005"],
        ),
        # a journal's stamps on one line
        (
            "A title\n\nAccepted on 20 Jan 2019            Submitted on 23 Jul 2018\n\nThe "
            "mission began in 2004.",
            ["2004"],
        ),
        # the sets 253 to 256: an entry a month leads, the headline it quotes a question
        (
            '• December 2001: "Horn of Africa: al-Qaida regroups?", A Paper: "Sudan is likely '
            'to be on the list."',
            ["2001-12"],
        ),
        # "courant mars": during March
        (
            "L'envoi de gendarmes avait été évoqué courant mars par les autorités.",
            ["XXXX-03"],
        ),
        # the talk a text was first given as: its own date
        (
            "Ponencia presentada por A. Autor en el seminario de Madrid, el 23 de octubre de "
            "2008.\n\nLa misión se creó en 1999.",
            ["1999"],
        ),
        # one month or the next: the span of both
        ("Sa tâche sera achevée fin mai ou début juin.", ["XXXX-05/XXXX-06"]),
        ("Le reste arrivera fin septembre ou en octobre.", ["XXXX-09/XXXX-10"]),
        ("It is scheduled for late October or early November 2019.", ["2019-10/2019-11"]),
        # (two years are two, as the gold lists write them)
        ("The decision was made in late 1954 or early 1955.", ["1954", "1955"]),
        # the sets 257 and 258: a decade through the next, one span
        (
            "In the late 1980s through most of the 1990s, Australia gave patrol boats.",
            ["198X/199X"],
        ),
        # a dateline whose agency's name in brackets runs into the date
        (
            "A title\n\nTripoli, 13.03.2017(Lana) Team members set off to Italy for training "
            "at the end of May.",
            ["2017-05"],
        ),
    ],
)
def test_these_shapes_of_the_sets_249_to_258_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected


def test_a_work_cited_after_a_full_stop_closes_the_sentence_before_it():
    # the set 257: the gold gives "(Fernández, 1980)" to the sentence it closes
    (found,) = read(
        "La misión formó la infantería y la caballería. (Fernández, 1980), durante la segunda "
        "fase se fundó la escuela."
    )
    assert found.edtf == "1980"
    assert found.text == "La misión formó la infantería y la caballería. (Fernández, 1980)"


# The two-hundred-and-fifty-ninth to two-hundred-and-sixty-sixth held-out sets' first runs
# (made-up lines of the pages' shapes).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a forum's member line and a post's stamp after its thread's title: no event
        (
            "A title\n\nJoin Date: Aug 2010\nDefault A thread's title - 03-29-2012, 05:52 PM\n"
            "The academy will open in 2013.",
            ["2013"],
        ),
        # a song's credit under the verse quoted: the song's year, no event
        (
            'A title\n\n"Go the men of the Green Beret"\n"A Team" 1966, by Leonard Whitcup, '
            "Barry Sadler, and Phyllis Fairbanks\nThe unit was activated on July 9, 1942.",
            ["1942-07-09"],
        ),
        # a feast whose day moves with Easter's, with its year: that day
        ("He was awarded the Navy Cross for his actions on Easter Sunday 1972.", ["1972-04-02"]),
        ("Die Ausbilder kamen zu Ostern 2010 in Kundus an.", ["2010-04-04"]),
        ("El Viernes Santo de 2011 llegaron los instructores.", ["2011-04-22"]),
        ("Les formateurs sont arrivés le lundi de Pâques 2005.", ["2005-03-28"]),
        ("Their Easter offensive failed.", []),
        # a day and a month in figures after a weekday that is not English
        ("Los restos mortales llegarán el jueves 25/08 a la base.", ["XXXX-08-25"]),
        ("Die Soldaten kommen am Donnerstag, 25.8., in Köln an.", ["XXXX-08-25"]),
        # a neighbourhood's name with a year in it: no year, and none for the day after it
        (
            "L'hôtel est situé dans le quartier ACI 2000, près de l'hôtel frappé le 20 novembre "
            "par un attentat.",
            ["XXXX-11-20"],
        ),
        # a sentence cut at the end of the stored text, its year after two words
        (
            "A title\n\nLos militares repelieron el ataque contra la base.\n\nDesde que en 2013 "
            "comenzó la misión EUTM-M",
            ["2013"],
        ),
        # a parliamentary question's number, its asker and its day: the record's own date
        (
            "A title\n\nQuestion n° 5-8517 du 18 mars 2013 : (Question posée en néerlandais)\n\n"
            "La Défense soutient depuis 2009 la formation des forces armées.",
            ["2009"],
        ),
        (
            "A title\n\nde Bert Anciaux (sp.a) du 18 mars 2013\n\nLa Défense soutient depuis "
            "2009 la formation des forces armées.",
            ["2009"],
        ),
        # a research portal's record: when it was published online
        (
            "A title\n\nPublication status | Published online - 20 Nov 2017 |\n\nThe police "
            "mentoring began in 2006.",
            ["2006"],
        ),
        # the title again, too short before its dash for a headline without what follows it
        (
            "TITLE: Celebration of June 14 - the Day of the Military Academy\n\nCelebration of "
            "June 14 - the Day of the Military Academy\n\n06/14/2023 - 18:50\n\nThe Military "
            "Academy celebrated its 28th anniversary on June 14, 2023.",
            ["2023-06-14"],
        ),
        # the sets 263 and 264: an item's stamp over the story that tells its day again
        (
            "A title\n\n08.01.2016 • On Friday January 8th, a parade of the troops took place "
            "after their return.",
            ["2016-01-08"],
        ),
        # (a chronology's entry that does not tell its day again stays an event)
        (
            "12 March 2015 – The Council decided to extend the mission on 30 March.",
            ["2015-03-12", "2015-03-30"],
        ),
        # the sets 265 and 266: a date line run into the site's news sections
        (
            "A title\n\n02. September 2020 News Bereich Nord Dienststellen Sonstige\n\nDie "
            "Teilnehmer übergaben am 23. Juni 2020 den Scheck.",
            ["2020-06-23"],
        ),
        # a magazine's number and month, and a season's issue: the periodical's own dates
        (
            "A title\n\nMagazine N°253 - Avril 2024\n\nLa promotion est entrée à l'école en 2021.",
            ["2021"],
        ),
        ("A title\n\nFall 2013 Cover\n\nThe troops came in the fall of 2013.", ["2013-23"]),
        # a season naming a kind of programme, no date; "this summer" alone is one
        ("This summer program helps cadets improve their language skills.", []),
        ("The troops will arrive this summer, the minister said.", ["XXXX-22"]),
    ],
)
def test_these_shapes_of_the_sets_259_to_266_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected


def test_a_title_before_a_name_ends_no_sentence():
    # the set 263: "el Sr. Borrell" inside the sentence that holds the day
    (found,) = read("Así lo indicó el Sr. Borrell el 15 de noviembre en Bruselas.")
    assert found.edtf == "XXXX-11-15"
    assert found.text.startswith("Así lo indicó el Sr. Borrell")


# The two-hundred-and-sixty-seventh to two-hundred-and-seventy-fourth held-out sets' first runs
# (made-up lines of the pages' shapes).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a yearless day told after a day of its sentence, with "and", that would fall before
        # it: the next year, which the page does not state; none
        (
            "Llegué el 10 de diciembre de 2021 y he regresado el 10 de junio.",
            ["2021-12-10", "XXXX-06-10"],
        ),
        # (a day after it in its year keeps the year; so does a month after a comma)
        (
            "Llegó el 10 de junio de 2021 y regresó el 10 de diciembre.",
            ["2021-06-10", "2021-12-10"],
        ),
        (
            "Sería el 3 de octubre de 1975 y que la concentración de tropas, en el mes de "
            "agosto, fue un ensayo.",
            ["1975-10-03", "1975-08"],
        ),
        # a year a sentence opened with, a year or two before the page's own date: in a later
        # paragraph, a yearless month before that date is of the page's year
        (
            "A title\n\nAugust 7, 2022\n\nBut in 2020 I left the academic world.\n\nHere, my "
            "students are officers.\n\nThey come from many nations.\n\nYet when Russia invaded "
            "Ukraine in January, all my students came to class.",
            ["2020", "2022-01"],
        ),
        # (a year of history, decades before the page, still dates the story told after it)
        (
            "A title\n\nAugust 7, 2020\n\nIn 1941 the army was founded.\n\nIts officers trained "
            "abroad.\n\nThey came from many places.\n\nThey met several times during February.",
            ["1941", "1941-02"],
        ),
        # a transcript's "Dateline:" line: its place and month, no event
        (
            "A title\n\nDateline: Forward Operating Base Endurance, Iraq, May 2005\n\nThe "
            "battalion began its training in June 2005.",
            ["2005-06"],
        ),
        # the national day written with a hyphen, after the page stated that day with its
        # year: that day, not the date line's year
        (
            "Un titre\n\n16 mai 2024\n\nL'Inde est à l'honneur du défilé du 14 juillet 2023.\n\n"
            "Les élèves africains sont à l'honneur lors de ce 14-Juillet.",
            ["2023-07-14", "2023-07-14"],
        ),
        # a German paper's "erschienen am" line: the page's own date
        (
            "Ein Titel\n\nVon A. Schreiber (Text und Fotos)\n\nerschienen am 17.09.2016\n\nDie "
            "Soldaten übten am 12. September 2016.",
            ["2016-09-12"],
        ),
    ],
)
def test_these_shapes_of_the_sets_267_to_274_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected


# The two-hundred-and-seventy-fifth to two-hundred-and-eighty-second held-out sets' first runs
# (made-up lines of the pages' shapes).


@pytest.mark.parametrize(
    "text, expected",
    [
        # a site's "Dernière mise à jour le" after its "Publié le": the page's own dates
        (
            "Publié le 26 mars 2020 à 12h20 - Dernière mise à jour le 1 décembre 2022 à 12h29\n\n"
            "La coalition a suspendu la formation en mars 2020.",
            ["2020-03"],
        ),
        # a sum with its currency's sign after it, no year
        (
            "Les policiers pourraient toucher plus de deux mille dollars (2000$US) par mois, "
            "depuis leur arrivée en juin 2024.",
            ["2024-06"],
        ),
        # a German month after its article, no preposition
        (
            "Die Truppe bleibt im Land. Bereits der Juli wird den Anfang vom Ende markieren.",
            ["XXXX-07"],
        ),
        # a weekday and its day in brackets, the day before the one the paragraph above
        # named, in the same week
        (
            "Esta mañana del domingo 26 de julio han llegado los militares a Ceuta.\n\n"
            "La coalición, este pasado sábado (25), realizó la entrega de la base.",
            ["XXXX-07-26", "XXXX-07-25"],
        ),
        # ... but not a count after a weekday
        (
            "Des violences sont signalées en mars 2014 : vendredi 25 personnes ont été tuées.",
            ["2014-03"],
        ),
        # a feast spent somewhere
        (
            "After spending Thanksgiving in Kabul, the airmen will be spending Christmas with "
            "their Afghan students.",
            ["XXXX-11", "XXXX-12-25"],
        ),
        # a press release's date in brackets after its place, a mark after the date
        (
            "Blankenese (26. Juni 2020, PM) · Die Akademie verabschiedete den Lehrgang, der im "
            "August 2019 begann.",
            ["2019-08"],
        ),
        # a German month after "vom"
        (
            "Laut der Pressemitteilung aus dem Ministerium vom April sollen mehr Beamte kommen.",
            ["XXXX-04"],
        ),
        # figures that read as a day and a month either way, after the weekday that picks one;
        # an agency's photo number after them; a caption in capitals too long for a headline
        (
            "PIC 14. THE MINISTER'S REPRESENTATIVE INSPECTING THE 24 ARMORED PERSONNEL CARRIERS "
            "DONATED BY THE UNITED STATES TO THE ARMY IN LAGOS ON THURSDAY (7/1/16) "
            "0130/7/1/2016/BOA/HF/NAN",
            ["2016-01-07"],
        ),
        # ... but a site's menu in capitals between bars, however long, is none
        (
            "COURSE OF LIFE | FAMILY | TIME OF GROWTH | MILITARY CAREER | WAR OF INDEPENDENCE | "
            "REGENT 1918-1919 | CIVILIAN | DEFENCE COUNCIL | COMMANDER-IN-CHIEF 1939-1946 | "
            "RETIREMENT | SEARCH |\n\nThe brigade's officers were trained in Sweden in 1918.",
            ["1918"],
        ),
        # ... neither order falling on the weekday: no date
        ("The trucks were handed over on Monday (7/1/16) at the barracks in Lagos.", []),
        # a year inside a noun's phrase gives its year to no later month
        (
            "Après l'arrêt en 2011 de la formation par l'OTAN, Bagdad a accepté une nouvelle "
            "aide. Des stages se déroulent depuis avril près d'Amman.",
            ["2011", "XXXX-04"],
        ),
        # a byline naming what its writer did, and a "Published on:" line: the page's own date
        (
            "Starting from Scratch\n\nBy A Magazine\n\nstory & photos by A. Writer | February "
            "25, 2015\n\nPublished on: February 25, 2015\n\nThe air guard was formed in 2011.",
            ["2011"],
        ),
        # a place and a yearless day alone on their line, no comma: a dateline
        (
            "A title\n\nNay Pyi Taw August 24\n\nThe officers began their courses in 2001.",
            ["2001"],
        ),
        # two years after "les années", the second no decade's: a range of years
        (
            "Les effectifs ont augmenté à 600 entre les années 2000 et 2013.",
            ["2000/2013"],
        ),
        # ... two decades, the second a decade's
        ("Les effectifs ont augmenté entre les années 1990 et 2000.", ["199X/200X"]),
    ],
)
def test_these_shapes_of_the_sets_275_to_282_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected


# The two-hundred-and-eighty-third and later held-out sets' first runs (made-up lines of the
# pages' shapes).


@pytest.mark.parametrize(
    "text, expected",
    [
        # a month after "into", where a contract may run
        (
            "Published — March 15, 2010\n\nThe contract could be extended again, as late as "
            "into December, to keep the courses going.",
            ["2010-12"],
        ),
        # after a "since" year, the end the page looks ahead to: in the page's own year
        (
            "Published — March 15, 2010\n\nThe contract, worth $440 million since 2004, was "
            "extended until August because of the protest.",
            ["2004", "2010-08"],
        ),
        # ... a month after a "since" year with no word of an end: no year
        (
            "Published — March 15, 2010\n\nThe contract, worth $440 million since 2004, was "
            "reviewed in August by the auditors.",
            ["2004", "XXXX-08"],
        ),
        # Christmas spent somewhere, in Spanish and in French
        (
            "No hay nada como volver de Besmayah tras pasar la Navidad con los legionarios.",
            ["XXXX-12-25"],
        ),
        ("Les instructeurs vont passer Noël au camp avec leurs stagiaires.", ["XXXX-12-25"]),
        # a book's chapter online: its print and online dates, a copyright with a long
        # holder's name and the day it was printed out are no events
        (
            "Print publication date: 2018\n\nPublished to Kentucky Scholarship Online: May "
            "2018\n\nPRINTED FROM KENTUCKY SCHOLARSHIP ONLINE. (c) Copyright The University "
            "Press of Kentucky, 2018. All Rights Reserved. Subscriber: null; date: 23 October "
            "2018\n\nThe company began training the Federation's army in 1996.",
            ["1996"],
        ),
        # the month's first day in French words
        ("Le centre a été créé officiellement le premier avril 1969.", ["1969-04-01"]),
        # ... but not the first of anything else
        ("Le premier ministre a visité le centre en 2019.", ["2019"]),
        # a paper's name, a semicolon and its issue's day, alone on their line: the page's own
        (
            "Une convention de jumelage\n\nLiberte; le Mercredi 22 Mars 2006\n\nLes écoles "
            "coopèrent depuis juin 2005.",
            ["2005-06"],
        ),
        # a byline's day with a full stop after it, its year run into the question below
        (
            "Election security\n\nA. Writer, September 12. 2016Question: were the police "
            "trained in 2015?",
            ["2015"],
        ),
        # a site's subheading or link under three slashes
        (
            "Des cycles de formation ont débuté en avril 2019.\n/// Dassault Aviation : le "
            "résultat net progresse de 66,1% en 2018",
            ["2019-04"],
        ),
        # ... but not what a forum quotes between three slashes
        (
            "/// He pointed to the creation of an officer academy. It will open its doors in "
            "2013 and accept 1,350 recruits annually. Some 120 troops will train them. ///",
            ["2013"],
        ),
        # the paper's earlier issue, cited in brackets by its initials
        (
            "Ging es 2022 noch um die Ausbildung slowakischer Soldaten (BZ vom 25. November), so "
            "ist man heute weiter.",
            ["2022"],
        ),
        # a year inside a capitalised name before "project"
        (
            "The training is part of the Road Safety 2010 project launched in 2008.",
            ["2008"],
        ),
        # a quotation's source, a footnote's mark run into its year at the end of the line
        (
            "The partners' forces matter most. —A. Minister, 26 November 20071\n\nThe unit "
            "was formed in 2006.",
            ["2007-11-26", "2006"],
        ),
        # a season after "the end of the"
        (
            "The radars are expected to be declared operational by the end of the summer.",
            ["XXXX-22"],
        ),
        # the season before the page's own date, in Spanish, French and German
        (
            "miércoles, 15 de febrero de 2012\n\nEl patrullero fue cedido el pasado otoño a "
            "Senegal. La pasada primavera llegó la dotación. L'automne dernier, les marins sont "
            "venus. Im letzten Sommer kamen sie.",
            ["2011-23", "2011-21", "2011-23", "2011-22"],
        ),
        # ... but not a season with its article alone
        ("El otoño llegó con lluvias y el verano fue seco.", []),
        # a date after "prochain" takes the year of the name its sentence dates it by
        (
            "Lors du salon Paris Bourget 2023, prévu du 19 au 25 juin prochain, les ministres "
            "ont signé une lettre d'intention.",
            ["2023", "2023-06-19/2023-06-25"],
        ),
        # the count of comments on a post, its title after it, and a blog's post line with its
        # writer's handle: no events
        (
            "Les pilotes koweïtiens ont été brevetés en 2018.\n\n3 réponses à Macaronage du 1 "
            "février 2018",
            ["2018"],
        ),
        (
            "Bolivia begins flying new jets\n\nPosted: admin on Aug 08 | News\n\nThe pilots "
            "trained in China in 2010.",
            ["2010"],
        ),
    ],
)
def test_these_shapes_of_the_sets_283_to_290_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month of the year before or after one the story told of: no year stated
        (
            "The firm signed a deal in 2011. In February of the previous year, it was awarded "
            "a contract.",
            ["2011", "XXXX-02"],
        ),
        # a season of the year before the page's own, told with the year's words after it
        ("Die Maschinen wurden im Sommer des vergangenen Jahres bestellt.", ["XXXX-22"]),
        (
            "Tuesday, 5 March 2024\n\nThe planes were ordered in the summer of last year.",
            ["2023-22"],
        ),
        # a yearless range running over the new year: the end in the year after the start ...
        (
            "After a deal in 2011, the firm delivered 16 planes between September and January.",
            ["2011", "2011-09/2012-01"],
        ),
        # ... the start in the year before the end, when the end is counted from the page's date
        (
            "mardi 5 mars 2024\n\nLes soldats ont été formés du 15 décembre au 10 janvier dernier.",
            ["2023-12-15/2024-01-10"],
        ),
        # ... or when the end's year is written once, after both months
        ("The unit trained in Iraq in December - July 2003.", ["2002-12/2003-07"]),
        # a gun's name in the plural, an aircraft's name in lower case
        (
            "Sieben Panzerhaubitzen 2000 will Deutschland liefern. Le mirage 2000-5 : un "
            "spécialiste de l'interception depuis 1997.",
            ["1997"],
        ),
        # a yearless dateline closed by a full stop and a dash
        (
            "México, 21 de septiembre.- Los helicópteros Black Hawk llegaron en 2009.",
            ["2009"],
        ),
        # "Latest News" over the page's date line, above the headline: the site's menu
        (
            "TITLE: Submarines Joijatra and Navojatra arrive\n\nLatest News\n23 December, 2016 "
            "00:00 00 AM\nPrint\n\nSubmarines Joijatra and Navojatra arrive\n\nThe two "
            "submarines reached port from China yesterday. On "
            "November 15, the Chinese government handed over the two submarines to the chief of "
            "the navy.",
            ["2016-11-15"],
        ),
        # an article's publication line with its author after "par": the page's own date
        (
            "Article publié le 6 juillet 2019 par A. Writer\n\nLe 4 juillet dernier, le premier "
            "avion a effectué son premier vol.",
            ["2019-07-04"],
        ),
        # an Indonesian site's weekday over its date: the page's own date line
        (
            "Selasa, 18 Oktober 2016\n\nWarships arrive for joint exercise\n\nThe ships arrived "
            "in 2016 for the drill.",
            ["2016"],
        ),
        # "See also" and a link's title after a run of spaces: no event
        (
            "India provided two helicopters in 1999.\n\nSee also  Air force lost dozens of "
            "fighter aircraft since 2015\n\nThe transfer went on.",
            ["1999"],
        ),
        # an aircraft's name holding a year
        ("El avión elegido en 1996 en detrimento del Pampa 2000 fue otro.", ["1996"]),
        # a custom ("traditionally held in"): no one event
        (
            "The competition is traditionally held in June/July; in 2022 it was moved.",
            ["2022"],
        ),
        # a list of other stories under "Latest Posts": a long headline with its words
        # capitalised and a headline asking a question go on the list
        (
            "The navy received the corvette in 2019.\n\nLatest Posts\n\nAustralia's Adelaide-class "
            "Frigates: Best and Last Chance for the Philippine Navy to Acquire Oliver Hazard Perry "
            "Frigates\n\nDefending Against Ballistic Missile Attacks - What Options Does the "
            "Philippines Have?\n\nPhilippine Air Force to Receive All 12 FA-50PH by May 2017, "
            "Plans More FA-50s",
            ["2019"],
        ),
    ],
)
def test_these_shapes_of_the_sets_291_and_later_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected


CITED_TITLE = (
    "Employing Police Training as a Tool of Preventive Intervention: A Report from a Module of "
    "the 2011 Seminar"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday before figures that read either way: the order whose day it is (6 March
        # 2023 was a Monday, 3 June a Saturday), with a year of four figures as of two
        ("The aircraft was handed over at Halim on Monday (3/6/2023).", ["2023-03-06"]),
        ("The president met the troops on Wednesday (8/12/2010).", ["2010-12-08"]),
        # a day, a month and a year run together, the month capitalised; a month and a year
        ("El pasado 25Nov11 arribaron los dos helicópteros.", ["2011-11-25"]),
        ("La compra fue formalizada durante Abr10 mediante una negociación.", ["2010-04"]),
        # a season by another word
        ("The vessel will sail to Cartagena in early summertime 2011.", ["2011-22"]),
        # a teaser's wire dateline cut where the stored copy ends: no event
        ("The drill ended in 2019.\n\nHELSINKI, Jan 16 (Reute", ["2019"]),
        # a paper's name and its day in the brackets that open the story: no event
        (
            "Niger received a C-130 on 7 December 2021.\n\n(Les Échos du Niger 8 déc) L’armée "
            "de l’air compte un second avion.",
            ["2021-12-07"],
        ),
        # a street named after a day: no event
        (
            "Los aviones atravesaron la Plaza de Mayo y la Avenida 9 de Julio en 2025.",
            ["2025"],
        ),
        # a Portuguese version beside the text; an Indonesian one
        ("Em 6 de março de 2006, um grupo de seis pilotos chegou a Dijon.", ["2006-03-06"]),
        ("Pada 11 Desember 2011 juga telah diserahkan 37 tank.", ["2011-12-11"]),
        # the paper's edition a story points to: no event
        (
            "The boats patrolled in 2018.\n\nRead more about this in the February 16, 2018 "
            "edition of the Journal.",
            ["2018"],
        ),
        # a day told again later is the same day: no year if the first had none
        (
            "The missile was fired off Bataan last August 9.\n\nThe craft were activated on May "
            "22, 2017.\n\nThe chief said the August 9 test-firing boosted the navy.",
            ["XXXX-08-09", "2017-05-22", "XXXX-08-09"],
        ),
        # a tank's name holding a year
        ("The army ordered 44 MBT-2000 tanks in 2011.", ["2011"]),
        # German needs no "von" before two years' "bis"; a mandate extended in a month until a
        # day is no span
        ("Die Boote wurden 1998 bis 2000 in Kiel gebaut.", ["1998/2000"]),
        (
            "Das Mandat wurde zuletzt im Dezember 2016 bis zum 31. Dezember 2018 verlängert.",
            ["2016-12", "2018-12-31"],
        ),
        # a Portuguese weekday opens the blog's own date line
        (
            "quarta-feira, 16 de janeiro de 2008\n\nLe chef d'état-major doit quitter ses "
            "fonctions le 4 février.",
            ["2008-02-04"],
        ),
        # a German weekday, then its day and month in figures in brackets
        (
            "Veröffentlicht: 24. Februar 2016\n\nGestern, am Dienstag (23.2.) war es soweit.",
            ["2016-02-23"],
        ),
        # a photo's holder and year after "©": no event
        ("The show has been held there since 2017. © Ana Fotografa (2021)", ["2017"]),
        # an aside in brackets after a span's start
        (
            "La Grèce réceptionne les appareils entre 2021 (6 appareils d’occasion) et 2022.",
            ["2021/2022"],
        ),
        # an agency's name in capitals, underscores and a colon after a dateline's date
        (
            "Goma, 10 novembre 2023, INFOSDIRECT__: L’armée a reçu trois drones en 2023.",
            ["2023"],
        ),
        # aircraft serials, a year in each
        ("The aircraft arrived in 2017 wearing their serials, 15-2021 and 15-2022.", ["2017"]),
        # a video's link and its month: no event
        (
            "Laos received four trainers in 2018.\n\nWatch the video: CHINA OFFERING J-10 "
            "FIGHTERS TO LAOS (November 2024)",
            ["2018"],
        ),
        # a dateline with the day's name between the place and the date: no event
        (
            "Murray Town, Freetown, Monday 24 April 2023 – The President commissioned the "
            "vessel, a gift the navy first used in 2022.",
            ["2022"],
        ),
        (
            "APIA, SAMOA – WEDNESDAY 15 AUGUST 2018: Australia handed over two boats bought "
            "in 2017.",
            ["2017"],
        ),
        # a wire's dateline with no year: the day, the place, the agency in brackets, a colon
        (
            "October 25, Colombo (LNW): Australia has donated an aircraft bought in 2019.",
            ["2019"],
        ),
        # a sentence on its own line with no full stop, an elided pronoun after its year
        (
            "Les exercices ont repris en 2014.\nLa dernière édition en 2013 s’était tenue en "
            "Mauritanie\nBravant la chaleur, les militaires participent.",
            ["2014", "2013"],
        ),
        # a scraper's list of posts, each title glued to its day: no event, no year carried
        (
            "Jun 08, 2023Republic Bank to cut retail jobs\nJun 23, 2023Brand new light trail "
            "ahead of Christmas 2023\nSep 07, 2023Pacific islanders to train with US Marines\n"
            "The exercise runs June 15 to July 15.",
            ["XXXX-06-15/XXXX-07-15"],
        ),
        # a photo's caption closed by the photographer and the service: its year not carried
        (
            "Fiji army Pvt. Tevita Vakataua chats with a U.S. soldier in Labasa, Fiji, July 31, "
            "2019. (Whitney Houston/U.S. Army)\nTroops from Fiji will join U.S. Marines.\n"
            "The exercise runs June 15 to July 15.",
            ["2019-07-31", "XXXX-06-15/XXXX-07-15"],
        ),
        # a month earlier than the one a sentence opened with, a paragraph on: no year said
        (
            "Im September 2014 wurden dort große Militärübungen durchgeführt.\n\nFallschirmjäger "
            "der 173. Luftlandebrigade kamen Mitte April nach Jaworiw.",
            ["2014-09", "XXXX-04"],
        ),
        # ... but not before a span's start, nor before a deadline
        (
            "From late April through May 2015, the Bundeswehr sent arms to Irbil.\n\n"
            "25 April: 70 tons of German arms arrived.",
            ["2015-04/2015-05", "2015-04-25"],
        ),
        # a span of days alone over a short title line, before any prose: the page's heading
        (
            "29 y 30 de Junio de 2007\nCon su Homólogo Alexander Lukashenko\n(Minsk)\nEl "
            "viernes 29 de junio de 2007 Chávez Frías arribaba por segunda vez a Minsk.",
            ["2007-06-29"],
        ),
        # a clock time in the sentence before its day, after "at": no timestamp
        (
            "A Russian cargo plane arrived at the airbase at around 9:00 p.m., on December 25, "
            "to deliver military equipment.",
            ["XXXX-12-25"],
        ),
        (
            "Story Last modified at 11:54 p.m. on Wednesday, April 27, 2011\n\nThe Mongolian "
            "officers trained in Alaska in 2010.",
            ["2010"],
        ),
        # a season told in the pluperfect, which the page's own day would put after it
        (
            "Beitrag vom 11.03.2024\n\nIm Herbst hatte die Regierung die Mission beschlossen.",
            ["XXXX-23"],
        ),
        # a site's "Recent Posts", each headline over its opening cut short and its age
        (
            "The exercise took place from 4th to 9th May 2018.\n\nRecent Posts\n\nLNP – "
            "Passport queues to end in a month: Immigration Dept.\n\nThe department will clear "
            "all queues before the new year and…\n\n18 hours ago\n\nLNP – Exporters seek tax "
            "relief in 2025 Budget\n\nThe chamber is calling for relief in the upcoming 2025…",
            ["2018-05-04/2018-05-09"],
        ),
        # "By" and a full date alone, run into the section's name: a byline's day
        (
            "By September 13, 2010LOCAL NEWS\n\nThe auxiliaries met at the conference from "
            "August 26 to 28.",
            ["2010-08-26/2010-08-28"],
        ),
        # a release's dateline crediting its press office and photos: its year carries on
        (
            "Warnemünde, 04.07.2005, Pressestelle des Marineamtes/Fotos: PIZ Marine\n\nAnfang "
            "Mai trafen die beiden Besatzungen in Warnemünde ein.",
            ["2005-05"],
        ),
        # a later day told in the same pluperfect as the full day before it: in its year
        (
            "Huravee had arrived at Visakhapatnam on 12 July 2018 and successfully completed "
            "her refit on 14 November.",
            ["2018-07-12", "2018-11-14"],
        ),
        # a Spanish post's date line, its month first in lowercase, below its headline: no
        # part of the headline's sentence
        (
            "FARD asiste a reconocimiento otorgado al Presidente\njulio 26, 2023\nLa Dirección "
            "de Educación abrió el nuevo ciclo de cursos el 2 de agosto de 2023.",
            ["2023-08-02"],
        ),
        # a plan's name in lowercase: "the vision 2030"
        (
            "Infrastructure is a priority as highlighted in the vision 2030 and the Seventh "
            "National Development Plan. The simulator centre opened in March 2017.",
            ["2017-03"],
        ),
        # "die Sommermonate ... verbracht": the summer of the page's own year
        (
            "27.08.24\nGebirgsjäger unterwegs in der Mongolei\nErneut haben Soldaten der Brigade "
            "die Sommermonate im mongolischen Hochgebirge verbracht.",
            ["2024-22"],
        ),
        # "during 2021 to 2022": one span
        (
            "India offered courses which would last from three to six months during 2021 to 2022.",
            ["2021/2022"],
        ),
        # a source's line naming the station and its country before the day: no event
        (
            "Ein Abkommen wurde am 20. Dezember in Praia unterzeichnet.\n\nQuelle: Rádio "
            "Comercial, Kap Verde, 21. Dezember 2004",
            ["XXXX-12-20"],
        ),
        # a nation's feast named by its day, no year: no event
        (
            "A l'instar de la fête nationale du 6 juillet, la place était noire de monde. La "
            "formation a eu lieu du 5 au 13 mai 2014.",
            ["2014-05-05/2014-05-13"],
        ),
        # a paper's name and its day in figures, alone: the page's own day, which dates "el
        # pasado día 21"
        (
            "Canarias 7, 31-08-2006\n\nEl ministro se reunió el pasado día 21 en Dakar con su "
            "homólogo.",
            ["2006-08-21"],
        ),
        # a month told again without its year, before the month of the day stated last: still
        # of no year (its year may be the next)
        (
            "Im Januar lieferte Luxemburg Waffen an die Kapverden. Am 11. Dezember 2018 folgte "
            "dann eine Vereinbarung der Minister.\n\nBereits im Januar wurden zwei Offiziere "
            "ausgebildet.",
            ["XXXX-01", "2018-12-11", "XXXX-01"],
        ),
        # a clock's minutes before a month: no day of that month
        (
            "The patrol boat docked at 15:21 Dec. 29, 2016 in Cairns.",
            ["2016-12-29"],
        ),
        # a related story's line, its section's name run into the clock: no event
        (
            "The camp has been built since February 2015.\n\nNews15:21 Dec. 29, 2016\nThe "
            "projects we loved\nNews13:49 Dec. 25, 2016\nA plane crashed in the Black Sea",
            ["2015-02"],
        ),
        # "Crée le" (mistyped "Créé le") in a byline: when the story was written
        (
            "Anne Writer | Crée le 01.04.2025 à 14h00 | Mis à jour le 02.04.2025\n\nLa "
            "visite du président a eu lieu en juillet 2023.",
            ["2023-07"],
        ),
        # a release's number and place before its day: the release's own day
        (
            "Pressemitteilung Nr.: 06/04 Aschersleben, 8. Juni 2004 Ausbildungshilfe für die "
            "Polizei\n\nIm Jahre 2002 begann das Projekt.",
            ["2002"],
        ),
        # a day of the month the paragraph before named last, nothing between
        (
            "FSS Micronesia departed Pohnpei on September 13, 2013 with fourteen crew.\n\nThey "
            "arrived in Cairns on the 20th and joined the fleet review.",
            ["2013-09-13", "2013-09-20"],
        ),
        # a printed magazine's page header: its issue dates "cette année"
        (
            "10 Sudmag.nc | Juin 2023 DOSSIER Affirmer sa souveraineté\n\nCette année, du 24 "
            "avril au 6 mai, tous étaient réunis.",
            ["2023-04-24/2023-05-06"],
        ),
        # a day in English words: "on the first of March 2011"
        (
            "The advert was published on the first of March 2011, and before that on the "
            "twenty-fifth of February.",
            ["2011-03-01", "2011-02-25"],
        ),
        # "at 2007 exchange rates": the rates a sum is told in, no event
        (
            "The corvettes were sold to Algeria in 2008 for about US$1.2 billion at 2007 "
            "exchange rates.",
            ["2008"],
        ),
        # the title closes with the days of the course: "el pasado 15 de noviembre" is of them
        (
            "SOURCE: https://example.org/a\nTITLE: La IILA reanuda la formación en desminado. "
            "15-26 de noviembre de 2021\n\nLa IILA reanuda la formación en desminado. 15-26 de "
            "noviembre de 2021\nEl pasado 15 de noviembre se llevó a cabo la formación.\n",
            ["2021-11-15"],
        ),
        # a university named after a day: "la Universidad 4 de Mayo" dates nothing
        (
            "El Presidente presidirá la graduación de la Universidad 4 de Mayo, iniciada en 2019.",
            ["2019"],
        ),
        # "entre los años 2000 y 2005": two years, no decade
        (
            "Entre los años 2000 y 2005 varios guardias civiles fueron destinados a Mozambique.",
            ["2000/2005"],
        ),
        # "the Class of 2015 graduation last May 22": the class's graduation, in its year
        (
            "Today marks eight months since the Class of 2015 graduation last May 22.",
            ["2015", "2015-05-22"],
        ),
        # ... but a class's other days are years before it: "Induction Day" stays yearless
        (
            "Congratulations to the Class of 2011. Nine students reported during Induction Day "
            "on June 27.",
            ["2011", "XXXX-06-27"],
        ),
        # "in the spring or summer semester": either season, each year, no date
        (
            "In 2017 each officer arrives with a new class in the spring or summer semester.",
            ["2017"],
        ),
        # "los días 29, 30 y 31 de octubre": days in a row, one span; days apart stay apart
        (
            "El curso se desarrollará entre los días 29, 30 y 31 de octubre de 2019.",
            ["2019-10-29/2019-10-31"],
        ),
        (
            "Las visitas fueron los días 12, 18 y 23 de noviembre de 2019.",
            ["2019-11-12", "2019-11-18", "2019-11-23"],
        ),
        # "International Women's Day": the 8th of March, as "Christmas Day" is a day
        (
            "The training of 2019 ended on International Women’s Day.",
            ["2019", "2019-03-08"],
        ),
        # "in the late summer months of 2014": the season and its year
        (
            "In the late summer months of 2014 I embarked on an adventure to Liberia.",
            ["2014-22"],
        ),
        # the day, then the place and its country, then a dash: a dateline
        (
            "26 June 2013, New York, USA – UNITAR’s programme joined the working group, first "
            "convened in 2012.",
            ["2012"],
        ),
        # a day with its leading zero opening the line, a full stop, the story: the item's own date
        (
            "07 de febrero del 2020. El nuevo laboratorio comenzó a gestarse desde 2012.",
            ["2012"],
        ),
        # a record's field named "... Date" with no colon, its value on the line below: an event
        (
            "Project Description\nThe project trained staff who educate police recruits.\n"
            "Evaluation Date\nMay 2012\n",
            ["2012-05"],
        ),
        # ... but the record's publication date stays its own
        ("Publication Date\nFebruary 1, 2008\n", []),
        # a journal's "Received Date:" and "Accepted Date:": the article's own dates
        (
            "Received Date: November 23, 2012; Accepted Date: December 29, 2012; Published "
            "Date: December 31, 2012",
            [],
        ),
        # the page cited as "Writer A (2013) <title>", and the title after a badge's word:
        # neither the citation's year nor the title's is an event
        (
            f"TITLE: {CITED_TITLE}\n\nCitation: Manzella C, Papazoglou K (2013) {CITED_TITLE}. J "
            "Forensic Res S11:004.\n",
            [],
        ),
        (f"TITLE: {CITED_TITLE}\n\nalexa {CITED_TITLE}\nThe module was given in Muenster.\n", []),
        # the holder's span of years in a copyright line, and an archive's months with their
        # counts of posts: no events
        ("Copyright © 2008 - 2016 Example Articles, https://example.org All rights reserved.", []),
        ("News Archive\n\nMay 2024 (0)\nApril 2024 (3)\nMarch 2024 (0)\nShow All\n", []),
        # months cut short with their full stops, as one span: "Sept. – Oct. 1974", "from 3 Oct.
        # to 12 Dec." (not a day before a sentence's full stop and the next sentence's "To")
        ("In Sept. – Oct. 1974 the course ran at Vicksburg.", ["1974-09/1974-10"]),
        (
            "In 1984 a course ran from 3 Oct. to 12 Dec. in Kingston.",
            ["1984", "1984-10-03/1984-12-12"],
        ),
        (
            "The course ended on 3 May. To mark it, a parade followed on 12 June 2019.",
            ["XXXX-05-03", "2019-06-12"],
        ),
        # "Publisher:" over the day the site put the page up: its own date
        ("Publisher: 17/09/2020\n\nThe centre trained community police officers.\n", []),
        # two years joined by "to" after a post's short form: one span
        ("Ms Grey was the chief instructor (CI) 2011 to 2014 at the school.", ["2011/2014"]),
        # a month opening its sentence as "upon us": a date, its year not stated
        ("August was soon upon us, and the advisers returned to the academy.", ["XXXX-08"]),
        # the day a headline calls "ce 12 mars 2020": the page's, which dates "dernier" after it
        (
            "TITLE: Les EAU ont envoyé ce 12 mars 2020 des formateurs au Tchad\n\nLes EAU ont "
            "envoyé ce 12 mars 2020 des formateurs au Tchad\nLe 3 février dernier, les Emirats "
            "avaient annoncé leur soutien.\n",
            ["2020-02-03"],
        ),
        # after "on", a comma between the month and its day (not "In October, 31 recruits")
        (
            "The memorandum was signed on March, 14, during the visit of the commandant.",
            ["XXXX-03-14"],
        ),
        ("In October, 31 recruits joined the course.", ["XXXX-10"]),
        # the year run into the month's full stop
        (
            "The academy ran a course on 5 and 6 May.2021 for investigators.",
            ["2021-05-05/2021-05-06"],
        ),
        # a photo's day before its credit, in brackets: the page's, no event
        (
            "Die Übung beginnt am 17. Oktober 2016 in Chongqing.\n"
            "(14.10.2016; Symbolfoto: A. Beispiel/Bundeswehr)\n",
            ["2016-10-17"],
        ),
        # a Mexican ministry's dateline with its "a" and no year, the story after its full stop
        (
            "Ciudad de México, a 29 de septiembre. La SSC envió una instructora a Miami el 3 de "
            "octubre.",
            ["XXXX-10-03"],
        ),
        # a release's dateline naming its body, its city and its country, a space before each
        # comma: the page's own day
        (
            "East African Community ,Arusha ,Tanzania, 11th December, 2020: The course for "
            "border officials started in October 2020.",
            ["2020-10"],
        ),
        # a screen's size in pixels is no year
        (
            "El escáner llegó en 2019 con dos monitores de 1920 x 1200 píxeles y una impresora.",
            ["2019"],
        ),
        # a yearless range whose two days were each told with their year before takes that year,
        # not the year of another date in its sentence
        (
            "Le stage a commencé le 21 avril 2015 et ira jusqu'au 15 mai 2015. Dans le cadre de "
            "l'accord du 21 mai 2009, ce stage qui se déroulera du 21 avril au 15 mai formera "
            "des démineurs.",
            ["2015-04-21", "2015-05-15", "2009-05-21", "2015-04-21/2015-05-15"],
        ),
        # a reference list's entry, its author, year and quoted title: its dates are the cited
        # work's, not events
        (
            "Mozambique. 2010 ‘Record Keeping.’ National Report on the Programme of Action. New "
            "York, NY: Permanent Mission. 1 January\nIn the 3rd quarter of 2009, the police began "
            "a digital register.",
            ["2009-35"],
        ),
        # a start, then a verb of lasting told in the past and the end: one range, between days
        # (not between years: a reopening and an end are two events)
        (
            "El curso inició el 11 de julio y se extendió hasta el 5 de agosto. La misión se "
            "reabrió en 1938 y duró hasta 1969.",
            ["XXXX-07-11/XXXX-08-05", "1938", "1969"],
        ),
        ("The drill began on July 13 and ran until August 4.", ["XXXX-07-13/XXXX-08-04"]),
    ],
)
def test_these_shapes_of_the_sets_299_and_later_read_as_their_gold_reads_them(text, expected):
    assert edtfs(text) == expected
