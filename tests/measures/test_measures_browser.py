"""The plan in a real browser: the filter keeps its state in the URL, a member reports a follow-up."""

import pytest

from measures.models import FollowUp
from tests.browser import log_in

pytestmark = pytest.mark.browser


def test_member_filters_the_plan_and_reports_a_follow_up(browser_page, live_server, member, agreement,
                                                         police_measure, municipal_measure, forum):
    page = browser_page
    log_in(page, live_server, "ledamot")
    page.goto(f"{live_server.url}/measures/plan/{agreement.pk}/")
    assert page.locator("table.measure-table").count() == 2

    page.select_option("select[name=forum]", str(forum.pk))
    page.fill("form.plan-filter input[name=q]", "tiggeri")
    page.click("form.plan-filter button[type=submit]")
    page.wait_for_url(lambda url: "forum=" in url)
    assert "q=tiggeri" in page.url
    assert page.locator("table.measure-table").count() == 1

    page.reload()
    assert page.input_value("select[name=forum]") == str(forum.pk)
    assert page.input_value("form.plan-filter input[name=q]") == "tiggeri"

    page.click(f"text={police_measure.title}")
    if not page.is_visible("input[name=date]"):  # the form starts open while there is no follow-up
        page.click("summary:has-text('Lägg till uppföljning')")
    page.fill("input[name=date]", "2025-05-01")
    page.select_option("select[name=status]", "gul")
    page.fill("textarea[name=note]", "Arbetsgruppen har träffats.")
    page.click("text=Spara uppföljning")
    page.wait_for_selector("text=Uppföljningen är sparad.")
    assert FollowUp.objects.get().note == "Arbetsgruppen har träffats."
