"""A real browser: Playwright driving Debian's Chromium against Django's live server."""

import os
import re
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM in the test
# body is still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1440, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_]+', '_', request.node.name)}.png", full_page=True)
    context.close()


@pytest.fixture
def open_project(page, live_server):
    """Log a new owner in and open their project, marked so a page load would show."""
    from django.contrib.auth import get_user_model

    from projects import services

    def open_it(*, username: str, name: str, schema=None):
        user = get_user_model().objects.create_user(username, password="a-long-pass-942")
        project = services.project_create(owner=user, name=name, schema=schema)
        page.goto("/accounts/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill("a-long-pass-942")
        page.get_by_role("button", name="Log in").click()
        page.get_by_role("heading", name="My projects").wait_for()
        page.goto(f"/projects/{project.pk}/")
        page.evaluate("window.__samePage = true")  # lost if anything reloads the page
        return page

    return open_it
