"""Declaring the workload in a real browser: one pattern by form, one by pasting SQL,
both visible in the workload panel, with no page load."""

import pytest
from playwright.sync_api import expect

from designer.formats.dbml import parse_dbml
from projects.models import Project
from projects.selectors import project_schema

pytestmark = [pytest.mark.e2e, pytest.mark.graphviz]

SHOP = """
Table customers {
  id bigint [pk, increment]
  email text [not null, unique]
  created_at timestamptz [not null]
}
Table orders {
  id bigint [pk, increment]
  customer_id bigint [not null, ref: > customers.id]
  status text [not null]
  total decimal(12,2) [not null]
  placed_at timestamptz [not null]
}
"""


@pytest.fixture
def shop_page(open_project):
    return open_project(username="wren", name="Shop", schema=parse_dbml(SHOP))


def test_declare_two_patterns_and_see_them_in_the_workload_panel(shop_page):
    page = shop_page
    page.get_by_role("tab", name="Workload").click()
    page.get_by_text("No access patterns declared yet.").wait_for()

    # 1. By form: the open orders of a customer, newest first.
    page.get_by_text("+ Add access pattern").click()
    form = page.get_by_role("form", name="Add access pattern")
    form.locator("#new-pattern-name").fill("open orders of a customer")
    form.locator("select[name=entity]").select_option(label="orders")
    # The form is redrawn for the new target: its field lists follow, the name is kept.
    form.locator("select[name=filter_field] option", has_text="customer_id").first.wait_for(state="attached")
    assert form.locator("#new-pattern-name").input_value() == "open orders of a customer"
    form.locator("select[name=filter_field]").first.select_option(label="customer_id")
    form.locator("select[name=filter_field]").nth(1).select_option(label="status")
    form.locator("input[name=filter_value]").nth(1).fill("'open'")
    form.locator("select[name=sort_field]").first.select_option(label="placed_at")
    form.locator("select[name=sort_order]").first.select_option("desc")
    form.locator("[name=limit]").fill("20")
    form.locator("[name=frequency]").fill("25")
    form.locator("[name=peak]").fill("90")
    form.get_by_role("button", name="Add pattern").click()
    page.locator(".hottest li", has_text="open orders of a customer").wait_for()

    # 2. By pasting SQL.
    page.get_by_text("+ Add from SQL").click()
    sql_form = page.get_by_role("form", name="Add access pattern from SQL")
    sql_form.locator("textarea[name=sql]").fill("SELECT * FROM customers WHERE email = $1")
    sql_form.locator("[name=name]").fill("customer by email")
    sql_form.locator("[name=frequency]").fill("5")
    sql_form.get_by_role("button", name="Add from SQL").click()
    page.locator(".hottest li", has_text="customer by email").wait_for()

    # An unmappable query is explained next to the box, and nothing is added. The form
    # stayed open after the last add, focus in its first box, ready for the next one.
    sql_form = page.get_by_role("form", name="Add access pattern from SQL")
    expect(sql_form.locator("textarea[name=sql]")).to_be_focused()
    sql_form.locator("textarea[name=sql]").fill("SELECT * FROM invoices WHERE id = $1")
    sql_form.get_by_role("button", name="Add from SQL").click()
    page.locator(".errors", has_text="invoices").wait_for()

    panel = page.locator(".workload")
    assert panel.locator(".pattern-item").count() == 2
    orders_row = panel.locator("tr", has=page.locator("th", has_text="orders"))
    assert "25/s" in orders_row.inner_text()  # the form pattern's reads land on orders
    schema = project_schema(Project.objects.get(name="Shop"))
    assert [p.name for p in schema.patterns] == ["open orders of a customer", "customer by email"]
    assert page.evaluate("window.__samePage") is True
