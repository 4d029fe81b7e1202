"""Pages work under Cadre's Content-Security-Policy: no script or style is refused."""

import pytest
from playwright.sync_api import expect

from cadre.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/missions/ntm-i/",
    "/timeline/",
    "/chain-of-command/",
    "/locations/",
    "/sources/",
    "/record/events/",
    "/record/events/add/",
    "/record/events/import/",
    "/audit/",
    "/accounts/tokens/",
    "/api/docs/",
    "/admin/",
]


def test_no_page_breaks_the_content_security_policy(dataset, live_server, signed_in):
    page = signed_in(Role.ADMIN)
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )

    for path in PAGES:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")

    assert not refused, "\n".join(refused)


def test_the_api_documentation_renders_under_the_policy(dataset, live_server, signed_in):
    page = signed_in(Role.MISSION_STAFF)
    page.goto(f"{live_server.url}/api/docs/")
    expect(page.locator(".swagger-ui .information-container")).to_be_visible(timeout=15000)
