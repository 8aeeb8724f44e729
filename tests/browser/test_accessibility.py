"""Automated accessibility checks in a real browser: WCAG contrast of text and verdict colours, keyboard reach.

Colours are read from computed styles (``getComputedStyle``), so the checks follow the CSS as it is.
WCAG 2.x: text needs a contrast ratio ≥ 4.5:1 (1.4.3); a focus indicator ≥ 3:1 against what is next to
it (1.4.11); every interactive element must be reachable with Tab (2.1.1) and show focus (2.4.7).
예시 데이터 (illustrative) from tests/web/conftest.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from pledgetrack.matching.models import MatchCell
from pledgetrack.site.roles import EDITOR, VIEWER
from tests.browser.conftest import shot
from tests.browser.test_flows import _login
from tests.web.conftest import make_user, make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COLOURS_JS = """(selectors) => {
  const rgba = (s) => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(",").map(parseFloat); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const behind = (el) => { for (; el; el = el.parentElement) { const c = rgba(getComputedStyle(el).backgroundColor);
    if (c && c[3] > 0) return c; } return [255, 255, 255, 1]; };
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"
    && el.textContent.trim().length > 0;
  return selectors.flatMap((sel) => Array.from(document.querySelectorAll(sel)).filter(shown).map((el) =>
    ({selector: sel, text: el.textContent.trim().slice(0, 30), fg: rgba(getComputedStyle(el).color), bg: behind(el)})));
}"""

INTERACTIVE = "a[href], button, select, textarea, input:not([type=hidden]), [tabindex]:not([tabindex='-1'])"
MARK_JS = """(selector) => {
  const all = Array.from(document.querySelectorAll(selector)).filter((el) => !el.disabled
    && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden");
  all.forEach((el, i) => el.setAttribute("data-tab-id", String(i)));
  return all.map((el) => el.tagName.toLowerCase() + " " + (el.textContent.trim() || el.name || el.id).slice(0, 30));
}"""
FOCUSED_JS = """() => {
  const el = document.activeElement; if (!el || el === document.body) return null;
  const rgba = (s) => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(",").map(parseFloat); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  let bg = [255, 255, 255, 1];
  for (let p = el.parentElement; p; p = p.parentElement) { const c = rgba(getComputedStyle(p).backgroundColor);
    if (c && c[3] > 0) { bg = c; break; } }
  const style = getComputedStyle(el);
  return {html: el.outerHTML.slice(0, 160), id: el.getAttribute("data-tab-id"), outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth), colour: rgba(style.outlineColor), bg: bg};
}"""


def luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[float], b: list[float]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast([0, 0, 0], [255, 255, 255]) == pytest.approx(21.0)
    assert contrast([118, 118, 118], [255, 255, 255]) == pytest.approx(4.54, abs=0.01)  # #767676, the AA edge
    assert contrast([255, 255, 255], [255, 255, 255]) == 1.0


@pytest.fixture
def site(live_server: Any, workspace: Any) -> dict[str, Any]:
    world = make_world()
    # A reviewed partial verdict so that every verdict colour is on the dashboard.
    MatchCell.objects.filter(proposal=world.other, actor=world.actors[1]).update(reviewed_verdict="partial")
    return {"url": live_server.url, "world": world, "viewer": make_user("열람자1", VIEWER),
            "editor": make_user("편집자1", EDITOR)}


VERDICT_TEXT = ("td.v-reflected a", "td.v-partial a", "td.v-absent a", "td.v-review a")
MAIN_TEXT = ("main h1", "main h2", "main p", "main li", "main th", "main td", "main label", "main .muted",
             "main a", "main button", "main select", "header.top a", "header.top label", "header.top span",
             "header.top button", "caption")


def test_text_and_verdict_colours_have_enough_contrast(page: Any, site: dict[str, Any]) -> None:
    _login(page, site["url"], "열람자1")
    page.wait_for_selector("#rates-chart .main-svg")
    found = page.evaluate(COLOURS_JS, [*VERDICT_TEXT, *MAIN_TEXT])
    assert {f["selector"] for f in found} >= set(VERDICT_TEXT)  # each verdict colour is on the page
    low = [(f["selector"], f["text"], round(contrast(f["fg"], f["bg"]), 2)) for f in found
           if contrast(f["fg"], f["bg"]) < 4.5]
    assert low == [], "\n".join(map(str, low))
    shot(page, "08-contrast-dashboard")


def _tab_through(page: Any, count: int) -> list[dict[str, Any]]:
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    seen: list[dict[str, Any]] = []
    for _ in range(count + 15):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None or (seen and focused["id"] == seen[0]["id"]):
            break
        seen.append(focused)
    return seen


@pytest.mark.parametrize("who, path", [("열람자1", "/"), ("편집자1", "/proposals/{task}/")])
def test_every_control_is_reachable_by_tab_with_a_visible_focus(
    page: Any, site: dict[str, Any], who: str, path: str
) -> None:
    _login(page, site["url"], who)
    page.goto(site["url"] + path.format(task=site["world"].task.pk))
    page.wait_for_load_state("networkidle")
    controls = page.evaluate(MARK_JS, INTERACTIVE)
    assert len(controls) >= 10  # the page has real controls (navigation, campaign switcher, forms, links)
    seen = _tab_through(page, len(controls))
    reached = {f["id"] for f in seen if f["id"] is not None}
    missing = [name for i, name in enumerate(controls) if str(i) not in reached]
    assert missing == [], "\n".join(missing)
    weak = [(f["html"], f["outline"], f["width"], round(contrast(f["colour"], f["bg"]), 2)) for f in seen
            if f["outline"] == "none" or f["width"] < 2 or contrast(f["colour"], f["bg"]) < 3.0]
    assert weak == [], "\n".join(map(str, weak))
