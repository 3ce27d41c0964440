"""In a real browser: from a new lägesbild to a problem, its cause, a measure acting on it and a follow-up,
after which the problem's line on the compliance page is green."""

import pytest

from assessments.models import Measurement
from tests.browser import log_in

pytestmark = pytest.mark.browser


def test_coordinator_goes_from_lagesbild_to_follow_up_and_the_problem_turns_green(
        browser_page, live_server, council, coordinator):
    page = browser_page
    log_in(page, live_server, "samordnare")
    page.goto(f"{live_server.url}/councils/{council.pk}/assessments/")

    page.click("text=Ny lägesbild")
    page.fill("input[name=title]", "Lägesbild 2026")
    page.fill("input[name=period_start]", "2025-01-01")
    page.fill("input[name=period_end]", "2025-12-31")
    page.select_option("select[name=status]", "faststalld")
    page.fill("input[name=deciding_body]", "Stadsdelsnämnden")
    page.fill("input[name=decision_reference]", "SDN 2026-03-12 § 9")
    page.fill("input[name=next_revision_due]", "2027-12-31")
    page.fill("textarea[name=survey]", "Rånen mot barn har ökat från 15 till 29 om året.")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('Lägesbild 2026')")

    page.click("text=Nytt problem")
    page.fill("input[name=title]", "Rån mot barn vid knutpunkten")
    page.fill("input[name=where]", "Liljeholmen")
    page.fill("input[name=who]", "Unga under 18 år")
    page.fill("input[name=indicator_name]", "Anmälda rån mot barn")
    page.fill("input[name=indicator_unit]", "anmälningar per år")
    page.fill("input[name=indicator_baseline]", "29")
    page.fill("input[name=indicator_date]", "2025-12-31")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('Rån mot barn vid knutpunkten')")

    page.click("text=Ny orsak")
    page.check("input[name=side][value=plats]")
    page.fill("textarea[name=description]", "30 000 resenärer passerar varje dygn.")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=30 000 resenärer passerar varje dygn.")

    page.click("text=Ny åtgärd för orsaken")
    assert page.is_checked("input[name=causes]")
    page.fill("textarea[name=title]", "Vuxennärvaro vid knutpunkten på eftermiddagarna")
    page.select_option("select[name=prevention_type]", "situationell")
    page.select_option("select[name=effect_horizon]", "kort")
    page.fill("input[name=responsible_text]", "Fältassistenterna")
    page.fill("input[name=follow_up_due]", "2027-03-01")
    page.click("main button[type=submit]")
    page.wait_for_selector("h1:has-text('Vuxennärvaro vid knutpunkten')")
    assert page.is_visible("text=Varför åtgärden finns")

    page.click("text=Uppföljning med mätning")
    page.select_option("select[name=status]", "gron")
    page.fill("textarea[name=note]", "Fältassistenterna är på plats tre dagar i veckan.")
    page.select_option("select[name=indicator]", label="Rån mot barn vid knutpunkten: Anmälda rån mot barn "
                                                       "(anmälningar per år)")
    page.fill("input[name=value]", "21")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Uppföljningen är sparad.")

    page.goto(f"{live_server.url}/councils/{council.pk}/compliance/")
    line = page.locator(".compliance-line", has_text="Rån mot barn vid knutpunkten")
    assert line.get_attribute("data-status") == "green"
    assert Measurement.objects.get().value == 21
