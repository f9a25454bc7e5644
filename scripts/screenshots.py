"""Screenshots of the main screens for the README, taken from a running `make run` server.

Usage: .venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000]
Writes docs/screenshots/*.png. Uses Debian's Chromium, as the browser tests do.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def log_in(page, email: str) -> None:
    page.goto(f"{BASE}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_placeholder("Password").fill("demo-audit-2026")
    page.get_by_role("button", name="Log in").click()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport=DESKTOP)
        page.goto(BASE)
        page.screenshot(path=OUT / "home.png")
        log_in(page, "owner@example.com")
        page.screenshot(path=OUT / "my-audits.png", full_page=True)
        page.get_by_role("link", name="Results").first.click()
        page.screenshot(path=OUT / "results.png", full_page=True)
        verdict = page.locator("section.verdict").bounding_box()
        chart = page.locator("figure.chart").bounding_box()
        top, bottom = verdict["y"] - 8, chart["y"] + chart["height"] + 8
        page.screenshot(
            path=OUT / "results-comparison.png",
            full_page=True,
            clip={"x": verdict["x"] - 8, "y": top, "width": verdict["width"] + 16,
                  "height": bottom - top},
        )  # fmt: skip
        consultant = browser.new_page(viewport=DESKTOP)
        log_in(consultant, "consultant@example.com")
        consultant.get_by_role("link", name="Client audits").click()
        consultant.screenshot(path=OUT / "dashboard.png", full_page=True)
        consultant.get_by_role("link", name="Portfolio").click()
        consultant.screenshot(path=OUT / "portfolio.png", full_page=True)
        consultant.get_by_role("link", name="Client audits").first.click()
        consultant.get_by_role("link", name="Review Gearworks Engineering").click()
        consultant.screenshot(path=OUT / "review.png", full_page=True)
        consultant.get_by_role("link", name="Client audits").first.click()
        consultant.get_by_role("link", name="Reyes Consulting").click()
        consultant.screenshot(path=OUT / "practice.png", full_page=True)
        visitor = browser.new_page(viewport=DESKTOP)
        visitor.goto(f"{BASE}/start/reyes-consulting/")
        visitor.screenshot(path=OUT / "start-link.png")
        phone = browser.new_page(viewport=PHONE)
        log_in(phone, "owner@example.com")
        phone.get_by_role("link", name="Continue").first.click()
        phone.screenshot(path=OUT / "question-step-phone.png", full_page=True)
        browser.close()


if __name__ == "__main__":
    main()
