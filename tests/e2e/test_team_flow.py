"""Two people on one project in two browsers: invitation, concurrent edits of the same
entity (carried over when they do not clash, a conflict message when they do, nothing
lost), teammates' changes appearing without a reload, a read-only viewer, and a share
link that works logged out until it is revoked."""

import re

import pytest
from django.contrib.auth import get_user_model

from designer.examples import blog_schema
from projects import services
from projects.models import Membership, Project, Role
from projects.selectors import project_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]
PASSWORD = "a-long-pass-942"


@pytest.fixture
def new_page(browser, live_server):
    contexts = []

    def make():
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1440, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        context.close()


def log_in(page, username):
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My projects").wait_for()


def open_entity(page, project, name):
    page.goto(f"/projects/{project.pk}/")
    page.locator("[data-entity-id] a", has_text=name).first.click()
    page.locator("h2", has_text=name).wait_for()
    page.evaluate("window.__samePage = true")


def entity_settings(page):
    page.get_by_text("Entity settings").click()
    return page.locator("section.entity-editor > details > form").first


def test_two_people_edit_one_project(page, new_page, live_server):
    users = get_user_model().objects
    alice = users.create_user("alice", password=PASSWORD)
    users.create_user("bob", password=PASSWORD)
    vera = users.create_user("vera", password=PASSWORD)
    project = services.project_create(owner=alice, name="Blog", schema=blog_schema())
    Membership.objects.create(project=project, user=vera, role=Role.VIEWER)

    # The owner invites bob as editor; bob accepts through the link.
    owner = page
    log_in(owner, "alice")
    owner.goto(f"/projects/{project.pk}/members/")
    owner.locator("#id_invitee").fill("bob")
    owner.locator("#id_role").select_option("editor")
    owner.get_by_role("button", name="Invite").click()
    link = re.search(r"https?://[^\s<]+/invitations/[^/\s<]+/", owner.content()).group(0)
    teammate = new_page()
    log_in(teammate, "bob")
    teammate.goto(link)
    teammate.get_by_role("button", name="Accept").click()
    teammate.locator("#project-stats", has_text="you are editor").wait_for()

    # Both open users. Bob starts typing a comment; alice adds a field meanwhile.
    open_entity(owner, project, "users")
    open_entity(teammate, project, "users")
    teammate.locator("#owner-presence, .presence", has_text="alice").first.wait_for()  # presence list
    settings = entity_settings(teammate)
    settings.locator("textarea[name=comment]").fill("People who sign in")
    owner.locator("#new-field-name").fill("nickname")
    owner.locator("#new-field-type").fill("text")
    owner.get_by_role("button", name="Add field").click()
    owner.locator("#project-stats", has_text="revision 1").wait_for()
    # Bob's diagram shows alice's field within about two seconds, without a reload; his typing is kept.
    teammate.locator("#diagram svg text", has_text="nickname").first.wait_for(timeout=4_000)
    assert teammate.locator("textarea[name=comment]").input_value() == "People who sign in"
    teammate.locator("#remote-notice", has_text="Teammates saved changes").wait_for()
    # His edit was made on revision 0: it is carried over, alice's field stays.
    settings.get_by_role("button", name="Save entity").click()
    teammate.locator("#project-stats", has_text="revision 2").wait_for()
    stored = project_schema(Project.objects.get(pk=project.pk)).entity_by_name("users")
    assert stored.comment == "People who sign in" and stored.field_by_name("nickname") is not None

    # Both rename users: alice saves first, bob gets the conflict with both values and his input kept.
    owner.locator("#project-stats", has_text="revision 2").wait_for()  # her panel followed (she was not typing)
    bob_form = entity_settings(teammate)
    bob_form.locator("input[name=name]").fill("accounts")
    alice_form = entity_settings(owner)
    alice_form.locator("input[name=name]").fill("people")
    alice_form.get_by_role("button", name="Save entity").click()
    owner.locator("h2", has_text="people").wait_for()
    bob_form.get_by_role("button", name="Save entity").click()
    alert = teammate.locator("#editor-panel .errors[role=alert]")
    alert.wait_for()
    assert "alice changed this while you were editing" in alert.inner_text()
    assert "is now 'people' (yours: 'accounts')" in alert.inner_text()
    assert teammate.locator("input[name=name][value=accounts]").count() == 1  # his input is still there
    stored = project_schema(Project.objects.get(pk=project.pk)).entity_by_name("people")
    assert stored is not None and stored.comment == "People who sign in" and stored.field_by_name("nickname")
    assert teammate.evaluate("window.__samePage") is True and owner.evaluate("window.__samePage") is True

    # A viewer sees everything and cannot edit.
    viewer = new_page()
    log_in(viewer, "vera")
    open_entity(viewer, project, "people")
    assert viewer.get_by_text("Entity settings").count() == 0 and viewer.locator("#new-entity-name").count() == 0
    status = viewer.evaluate(
        """async (url) => (await fetch(url, {method: "POST", headers: {"X-CSRFToken": document.cookie.match(/csrftoken=([^;]+)/)[1],
           "Content-Type": "application/x-www-form-urlencoded"}, body: "name=x&base_revision=3"})).status""",
        f"/projects/{project.pk}/edit/entities/",
    )
    assert status == 403

    # A share link shows the diagram logged out, and stops working once revoked.
    owner.goto(f"/projects/{project.pk}/members/")
    owner.get_by_role("button", name="Create link").click()
    shared_url = owner.locator("#new-share-link").inner_text()
    outsider = new_page()
    outsider.goto(shared_url)
    outsider.locator("#diagram svg text", has_text="people").first.wait_for()
    assert outsider.locator("form[hx-post], button:has-text('Save')").count() == 0
    owner.get_by_role("button", name="Revoke").click()
    owner.get_by_text("Share link revoked").wait_for()
    assert outsider.goto(shared_url).status == 404
