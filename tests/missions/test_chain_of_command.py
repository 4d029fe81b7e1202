import datetime

import pytest
from django.urls import reverse

from cadre.core.roles import Role
from cadre.missions.models import Organisation, ReportingLine
from cadre.missions.selectors import chain_of_command

pytestmark = pytest.mark.django_db


def names(node):
    """The tree as nested (short name or key, [children]) pairs."""
    return (node.unit.short_name or node.unit.key, [names(child) for child in node.children])


def path_to(nodes, target, trail=()):
    for node in nodes:
        here = (*trail, node.unit.short_name or node.unit.key)
        if node.unit.key == target:
            return here
        found = path_to(node.children, target, here)
        if found:
            return found
    return None


def test_chain_on_2010_06_01_runs_from_the_council_down_to_the_ntm_i_teams(dataset, make_user):
    chain = chain_of_command(make_user(Role.ADVISOR), datetime.date(2010, 6, 1))
    assert path_to(chain.roots, "ntm-i-hq") == ("NAC", "MC", "SHAPE", "NTM-I HQ")
    assert path_to(chain.roots, "ntm-i-mat-noc")[:5] == ("NAC", "MC", "SHAPE", "NTM-I HQ", "SSAMD")
    assert path_to(chain.roots, "nmi-hq") is None


def test_chain_on_2020_06_01_puts_nmi_under_jfc_naples_and_names_its_commander(dataset, make_user):
    chain = chain_of_command(make_user(Role.ADVISOR), datetime.date(2020, 6, 1))
    assert path_to(chain.roots, "nmi-hq")[-2:] == ("JFC Naples", "NMI HQ")
    assert path_to(chain.roots, "ntm-i-hq") is None


def test_chain_page_shows_the_tree_and_post_holders_for_the_chosen_date(client_as, dataset):
    html = (
        client_as(Role.HOST_LIAISON)
        .get(reverse("missions:chain"), {"on": "2020-06-01"})
        .content.decode()
    )
    assert 'class="tree chain"' in html
    assert "Jennie Carignan" in html and "Dany Fortin" not in html


def _unit(key):
    return Organisation.objects.create(key=key, name=key.title(), kind="command")


def test_chain_reports_lines_that_loop_instead_of_descending_forever(make_user):
    top, a, b = _unit("top"), _unit("a"), _unit("b")
    start = datetime.date(2000, 1, 1)
    ReportingLine.objects.create(key="a-b", unit=a, superior=b, start=start)
    ReportingLine.objects.create(key="b-a", unit=b, superior=a, start=start)
    ReportingLine.objects.create(key="x-top", unit=_unit("x"), superior=top, start=start)
    chain = chain_of_command(make_user(Role.ADVISOR), datetime.date(2001, 1, 1))
    assert [names(root) for root in chain.roots] == [("top", [("x", [])])]
    assert {line.key for line in chain.loops} == {"a-b", "b-a"}


def test_chain_hangs_a_unit_by_its_command_line_and_lists_its_other_lines(make_user):
    command, council, partner, unit = (
        _unit("command"),
        _unit("council"),
        _unit("partner"),
        _unit("unit"),
    )
    start = datetime.date(2000, 1, 1)
    ReportingLine.objects.create(
        key="c-council", unit=command, superior=council, start=start, relation="direction"
    )
    ReportingLine.objects.create(
        key="u-command", unit=unit, superior=command, start=start, relation="command"
    )
    ReportingLine.objects.create(
        key="u-council", unit=unit, superior=council, start=start, relation="direction"
    )
    ReportingLine.objects.create(
        key="u-partner", unit=unit, superior=partner, start=start, relation="coordination"
    )
    chain = chain_of_command(make_user(Role.ADVISOR), datetime.date(2001, 1, 1))
    assert [names(root) for root in chain.roots] == [("council", [("command", [("unit", [])])])]
    hung = chain.roots[0].children[0].children[0]
    assert [line.key for line in hung.other_lines] == ["u-council", "u-partner"]


def test_chain_leaves_out_lines_that_ended_before_the_date(make_user):
    top, unit = _unit("top"), _unit("unit")
    ReportingLine.objects.create(
        key="old",
        unit=unit,
        superior=top,
        start=datetime.date(2000, 1, 1),
        end=datetime.date(2000, 12, 31),
    )
    assert chain_of_command(make_user(Role.ADVISOR), datetime.date(2001, 1, 1)).roots == []
