import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type RunningSite } from "../helpers/server";
import { launchBrowser, watchedPage, type Browser, type Page } from "../helpers/browser";
import { tempStory } from "../helpers/temp-story";
import { axeViolations, summarize } from "../helpers/axe";

// A chapter whose table is wider than a phone: it must scroll inside its
// region, never widen the page.
const CHAPTER = `---
title: Log
---

The week at the summit, one line a day:

| Day | Pressure (hPa) | Air temperature | Wind | Visibility | Observer's remarks |
| :-- | --: | --: | :-- | :-- | :-- |
| Wednesday | 1023 | −5.2 °C | calm | excellent | A high. Nothing moves. |
| Saturday | 1012 | −6.2 °C | north-west, 11 knots | excellent | A balloon is shouting. |

After the table.
`;

const LABEL = "Table: Day, Pressure (hPa), Air temperature, Wind, Visibility, Observer's remarks";

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  const root = tempStory({
    "schedule.yaml": "timezone: UTC\nreleases:\n  - at: 2026-01-01T09:00\n    chapters: [1]\n",
    "01-log.mdx": CHAPTER,
  });
  site = await startSite({ chapters: root });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function open(width: number, prefs: Record<string, string> = {}) {
  const context = await browser.newContext({ viewport: { width, height: 740 } });
  await context.addInitScript((p) => {
    for (const [k, v] of Object.entries(p)) localStorage.setItem(k, v);
  }, prefs);
  const { page } = await watchedPage(context);
  await page.goto(`${site.url}/log`);
  return { context, page, region: page.getByRole("region", { name: LABEL }) };
}

/** How the region and the page sit in the viewport. */
function layout(page: Page) {
  return page.evaluate(() => {
    const region = document.querySelector<HTMLElement>(".table-scroll")!;
    const r = region.getBoundingClientRect();
    const outside = [...document.querySelectorAll<HTMLElement>("main *")].filter(
      (el) => !region.contains(el) && el.getBoundingClientRect().right > window.innerWidth + 0.5,
    );
    return {
      left: r.left,
      right: r.right,
      viewport: window.innerWidth,
      pageWidth: document.documentElement.scrollWidth,
      scrolls: region.scrollWidth > region.clientWidth,
      overflowX: getComputedStyle(region).overflowX,
      tableRight: region.querySelector("table")!.getBoundingClientRect().right,
      wider: outside.map((el) => el.tagName + "." + el.className),
    };
  });
}

describe("a Markdown table in a chapter", () => {
  it("at 360 px scrolls inside its named region, by keyboard too, and the page does not widen; axe finds nothing", async () => {
    const { context, page, region } = await open(360);
    await expect.poll(() => region.isVisible()).toBe(true);
    expect(await page.locator('.table-scroll th[scope="col"]').count()).toBe(6);
    const l = await layout(page);
    expect(l.left).toBeGreaterThanOrEqual(0);
    expect(l.right).toBeLessThanOrEqual(l.viewport);
    expect(l.scrolls).toBe(true);
    expect(l.pageWidth).toBeLessThanOrEqual(l.viewport);
    expect(l.wider).toEqual([]);

    await region.focus();
    expect(await region.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

    expect(summarize(await axeViolations(page))).toEqual([]);
    await context.close();
  });

  it("stays inside the reading column in plain reading mode", async () => {
    const { context, page, region } = await open(360, { "installment:plain-reading": "true" });
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-plain-reading"))).toBe("true");
    await expect.poll(() => region.isVisible()).toBe(true);
    const l = await layout(page);
    expect(l.right).toBeLessThanOrEqual(l.viewport);
    expect(l.pageWidth).toBeLessThanOrEqual(l.viewport);
    await context.close();
  });

  it("prints whole: no scrolling region, the table within the page's width", async () => {
    const { context, page, region } = await open(720);
    await page.emulateMedia({ media: "print" });
    await expect.poll(() => region.isVisible()).toBe(true);
    const l = await layout(page);
    expect(l.overflowX).toBe("visible");
    expect(l.scrolls).toBe(false);
    expect(l.tableRight).toBeLessThanOrEqual(l.viewport);
    await context.close();
  });
});
