// Lazy layout of dialogue (issue 14): far from the viewport the browser skips
// laying out dialogue (content-visibility: auto with estimated sizes), the
// dialogue-layout island lays every block out once in idle slices, and pages
// that open at a remembered place (a fragment, a reload) are laid out in full.
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type RunningSite } from "../helpers/server";
import { launchBrowser, watchedPage, type Browser, type Page } from "../helpers/browser";
import { readerStory } from "../helpers/reader-fixture";
import { layoutShifts, watchLayoutShifts } from "../helpers/layout-shifts";

let site: RunningSite;
let browser: Browser;
const VIEWPORT = { width: 390, height: 700 };

/** Forty dialogue blocks of lines of uneven length, with prose between them. */
function longChapter(): string {
  const speakers = ["ADA", "BO", "CY"];
  const blocks: string[] = [];
  for (let b = 0; b < 40; b++) {
    const lines = Array.from({ length: 3 + (b % 5) }, (_, i) => {
      const words = Array.from({ length: 3 + ((b * 7 + i * 13) % 29) }, (_, w) => `word${(b + w) % 11}`).join(" ");
      return `${speakers[(b + i) % 3]}: Block ${b} line ${i}, ${words}.`;
    });
    blocks.push(`Between blocks ${b} and ${b + 1}, a paragraph of prose.\n\n<Dialogue>\n${lines.join("\n")}\n</Dialogue>`);
  }
  return `---\ntitle: Long\n---\n\n${blocks.join("\n\n")}\n`;
}

beforeAll(async () => {
  const root = await readerStory();
  writeFileSync(path.join(root, "03-long.mdx"), longChapter());
  appendFileSync(path.join(root, "schedule.yaml"), "  - at: 2026-01-02T09:00\n    chapters: [3]\n");
  site = await startSite({ chapters: root });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function open(js = true) {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: "no-preference", javaScriptEnabled: js });
  const watched = await watchedPage(context);
  return { context, ...watched };
}

const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

/** The page's height when every block is laid out (a fragment asks for full layout). */
async function fullLayoutHeight(): Promise<number> {
  const { page, context } = await open();
  await page.goto(`${site.url}/long#main`, { waitUntil: "load" });
  expect(await page.evaluate(() => document.documentElement.getAttribute("data-full-layout"))).toBe("true");
  expect(await page.evaluate(() => getComputedStyle([...document.querySelectorAll(".dialogue")].at(-1)!).contentVisibility)).toBe(
    "visible",
  );
  const h = await height(page);
  await context.close();
  return h;
}

describe("lazy layout of dialogue", () => {
  it("skips far dialogue at first, then lays every block out once: the page ends exactly as tall as a full layout", async () => {
    const full = await fullLayoutHeight();

    // Without JavaScript nothing is lazy: no island would correct the estimates.
    const nojs = await open(false);
    await nojs.page.goto(`${site.url}/long`, { waitUntil: "load" });
    expect(await nojs.page.evaluate(() => getComputedStyle([...document.querySelectorAll(".dialogue")].at(-1)!).contentVisibility)).toBe(
      "visible",
    );
    await nojs.context.close();

    // With scripts but before any island runs, far dialogue is skipped and the page's height is an estimate.
    const held = await open();
    await held.page.route("**/_islands/**", (r) => r.abort());
    await held.page.goto(`${site.url}/long`, { waitUntil: "load" });
    expect(await held.page.evaluate(() => getComputedStyle([...document.querySelectorAll(".dialogue")].at(-1)!).contentVisibility)).toBe(
      "auto",
    );
    expect(
      await held.page.evaluate(() =>
        [...document.querySelectorAll(".dialogue")].at(-1)!.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }),
      ),
    ).toBe(false);
    const estimated = await height(held.page);
    expect(Math.abs(estimated - full)).toBeGreaterThan(1);
    expect(Math.abs(estimated - full) / full).toBeLessThan(0.15);
    await held.context.close();

    const { page, context, external } = await open();
    await page.goto(`${site.url}/long`, { waitUntil: "load" });
    await page.waitForFunction((h) => Math.abs(document.documentElement.scrollHeight - h) <= 1, full, { timeout: 10_000 });
    // Laid out once is enough: the far block is skipped again, at its real size.
    await page.waitForFunction(() => document.querySelectorAll(".dialogue[data-sizing]").length === 0);
    await page.waitForFunction(
      () => ![...document.querySelectorAll(".dialogue")].at(-1)!.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }),
    );
    expect(Math.abs((await height(page)) - full)).toBeLessThanOrEqual(1);
    expect(external).toEqual([]);
    await context.close();
  });

  it("a line in dialogue not laid out yet starts hidden and is shown when the reader gets there", async () => {
    const { page, context } = await open();
    await page.goto(`${site.url}/long`, { waitUntil: "load" });
    const lastLine = page.locator(".reveal").last();
    await page.waitForFunction(() => [...document.querySelectorAll(".reveal")].at(-1)?.getAttribute("data-reveal") === "hidden");
    await lastLine.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll(".reveal")].at(-1)?.getAttribute("data-reveal") === "shown");
    await context.close();
  });

  it("a deep link and a reload are laid out in full and land where they should", async () => {
    const { page, context } = await open();
    await page.goto(`${site.url}/long`, { waitUntil: "load" });
    const id = await page.evaluate(() => [...document.querySelectorAll(".dialogue")][30]!.querySelector(".line[id]")!.id);

    // A reader arriving by the link (a new page, not a jump within this one).
    const linked = await context.newPage();
    await linked.goto(`${site.url}/long#${id}`, { waitUntil: "load" });
    expect(await linked.evaluate(() => document.documentElement.getAttribute("data-full-layout"))).toBe("true");
    await linked.waitForTimeout(500);
    // The reading line: scroll-margin-top 40vh (reading-paths.css).
    const top = await linked.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id);
    expect(Math.abs(top - VIEWPORT.height * 0.4)).toBeLessThanOrEqual(2);

    await page.goto(`${site.url}/long`, { waitUntil: "load" });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.6));
    await page.waitForTimeout(300);
    // What the reader sees at the reading line, before and after the reload.
    const reading = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll(".line[id]")].find((l) => l.getBoundingClientRect().top >= window.innerHeight * 0.4)?.id ?? null,
      );
    const before = await reading();
    expect(before).not.toBeNull();
    await page.reload({ waitUntil: "load" });
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-full-layout"))).toBe("true");
    await page.waitForTimeout(500);
    expect(await reading()).toBe(before);
    await context.close();
  });

  it("scrolling shifts nothing: a full scroll, and a jump to the middle once every block is laid out", async () => {
    const full = await fullLayoutHeight();
    for (const jump of [false, true]) {
      const { page, context } = await open();
      await watchLayoutShifts(page);
      await page.goto(`${site.url}/long`, { waitUntil: "networkidle" });
      // Shifts while loading are reader.test.ts's (home, /orbit); these are the ones scrolling brings.
      const atLoad = (await layoutShifts(page)).shifts.length;
      if (jump) {
        // Real sizes everywhere (remembered by the skipped blocks): a far jump renders them at those sizes.
        await page.waitForFunction((h) => Math.abs(document.documentElement.scrollHeight - h) <= 1, full, { timeout: 10_000 });
        await page.waitForFunction(() => document.querySelectorAll(".dialogue[data-sizing]").length === 0);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
        await page.waitForTimeout(1000);
      } else {
        const h = await height(page);
        for (let y = 0; y < h; y += 400) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.waitForTimeout(40);
        }
        await page.waitForTimeout(500);
      }
      expect({ jump, shifts: (await layoutShifts(page)).shifts.slice(atLoad) }).toEqual({ jump, shifts: [] });
      await context.close();
    }
  });

  it("print lays out every block", async () => {
    const { page, context } = await open();
    await page.goto(`${site.url}/long`, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll(".dialogue")].every((d) => getComputedStyle(d).contentVisibility === "visible"),
      ),
    ).toBe(true);
    await context.close();
  });
});
