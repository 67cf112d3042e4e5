import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type RunningSite } from "../helpers/server";
import { launchBrowser, watchedPage, type Browser, type Page } from "../helpers/browser";
import { readerStory } from "../helpers/reader-fixture";
import { axeViolations, summarize } from "../helpers/axe";

// The reader fixture plus typing lines at the end of the chapter (below the fold).
const FINAL = "I was going to say see you soon";
const TYPED = `
<Dialogue>
ADA: I was going to say [[pause 300]]~~goodbye~~see you soon
BO: <Typing>Rog[[delete 3]]Roger that</Typing>
</Dialogue>
`;

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  const root = await readerStory();
  appendFileSync(path.join(root, "01-orbit/index.mdx"), TYPED);
  site = await startSite({ chapters: root });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

type Open = { reducedMotion?: "reduce" | "no-preference"; js?: boolean; prefs?: Record<string, string>; height?: number };

async function open(opts: Open = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: opts.height ?? 900 },
    reducedMotion: opts.reducedMotion ?? "no-preference",
    javaScriptEnabled: opts.js ?? true,
  });
  const watched = await watchedPage(context);
  if (opts.prefs) {
    await watched.page.addInitScript((prefs) => {
      for (const [k, v] of Object.entries(prefs)) localStorage.setItem(k, v);
    }, opts.prefs);
  }
  return { context, ...watched };
}

const typedLine = (page: Page) => page.locator("p.line", { has: page.locator(".typing") }).first();

async function activePanel(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-scrolly-panel][data-active="true"]')?.getAttribute("data-index") ?? null);
}

async function expectActive(page: Page, index: number) {
  await page.waitForFunction(
    (i) => document.querySelector('[data-scrolly-panel][data-active="true"]')?.getAttribute("data-index") === String(i),
    index,
    { timeout: 5000 },
  );
  expect(await activePanel(page)).toBe(String(index));
}

/** The line's text as a reader sees it and as assistive tech gets it. */
async function readings(page: Page) {
  const line = typedLine(page);
  return {
    aria: await line.ariaSnapshot(),
    finalColor: await line.locator(".typing__final").evaluate((el) => getComputedStyle(el).color),
    layer: await line.locator(".typing__play").evaluate((el) => el.textContent),
    state: await line.locator(".typing").getAttribute("data-typing-state"),
  };
}

const count = (text: string, words: string) => text.split(words).length - 1;

describe("typing", () => {
  it("plays when scrolled into view, with the final text announced once, and settles to the final text", async () => {
    const { page, context } = await open();
    await page.goto(`${site.url}/orbit`);
    await page.waitForFunction(() => document.querySelector(".typing")?.getAttribute("data-typing-state") === "waiting");
    await typedLine(page).scrollIntoViewIfNeeded();
    await page.waitForFunction((final) => {
      const t = document.querySelector(".typing");
      const shown = t?.querySelector(".typing__play")?.textContent ?? "";
      return t?.getAttribute("data-typing-state") === "playing" && shown.length > 0 && shown !== final;
    }, FINAL);
    const playing = await readings(page);
    expect(playing.finalColor).toBe("rgba(0, 0, 0, 0)");
    expect(count(playing.aria, FINAL)).toBe(1);
    await page.waitForFunction(() => document.querySelector(".typing")?.getAttribute("data-typing-state") === "done", null, {
      timeout: 20_000,
    });
    const done = await readings(page);
    expect(done.layer).toBe("");
    expect(done.finalColor).toBe("rgb(255, 138, 138)"); // Ada's colour
    expect(count(done.aria, FINAL)).toBe(1);
    expect(count(await typedLine(page).innerText(), FINAL)).toBe(1);
    await context.close();
  });

  for (const [label, opts] of [
    ["under the system's reduced motion", { reducedMotion: "reduce" }],
    ["under the reader's reduce-motion setting", { prefs: { "installment:reduce-motion": "true" } }],
    ["without JavaScript", { js: false }],
  ] as [string, Open][]) {
    it(`shows the final text at once ${label}`, async () => {
      const { page, context } = await open(opts);
      await page.goto(`${site.url}/orbit`, { waitUntil: "networkidle" });
      await typedLine(page).scrollIntoViewIfNeeded();
      await page.waitForTimeout(400);
      const r = await readings(page);
      expect(r.state).toBeNull();
      expect(r.layer).toBe("");
      expect(r.finalColor).toBe("rgb(255, 138, 138)");
      expect(count(r.aria, FINAL)).toBe(1);
      expect(count(await page.locator("main").innerText(), FINAL)).toBe(1);
      await context.close();
    });
  }
});

describe("deep links", () => {
  it("open the right step with its media after a load and a reload", async () => {
    const { page, context } = await open();
    await page.goto(`${site.url}/orbit`);
    const id = await page.locator("[data-scrolly-step]").nth(2).getAttribute("id");
    expect(id).toMatch(/^step-[0-9a-z]{6}$/);
    await page.goto(`${site.url}/landing`);
    await page.goto(`${site.url}/orbit#${id}`);
    await expectActive(page, 2);
    await page.reload();
    await expectActive(page, 2);
    await context.close();
  });

  it("open a line in view, and the link copies the address and says so", async () => {
    const { page, context } = await open();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
    await page.goto(`${site.url}/orbit`);
    const line = page.locator("p.line", { hasText: "Loud and clear." });
    const id = await line.getAttribute("id");
    expect(id).toMatch(/^line-[0-9a-z]{6}$/);
    await page.goto(`${site.url}/landing`);
    await page.goto(`${site.url}/orbit#${id}`);
    expect(await line.evaluate((el) => el.getBoundingClientRect().top > 0 && el.getBoundingClientRect().bottom < window.innerHeight)).toBe(
      true,
    );
    const link = line.getByRole("link", { name: "Link to this line" });
    expect(await link.getAttribute("href")).toBe(`#${id}`);
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-announcer]")?.textContent === "Link copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}/orbit#${id}`);
    await context.close();
  });
});

describe("a way through without scrolling", () => {
  it("j and the Next step control reach every line and step in order, announced; k goes back", async () => {
    const { page, context } = await open();
    await page.goto(`${site.url}/orbit`, { waitUntil: "networkidle" });
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll(".chapter-body .line[id], .chapter-body [data-scrolly-step][id]")].map((e) => e.id),
    );
    const steps = await page.evaluate(() => [...document.querySelectorAll("[data-scrolly-step]")].map((e) => e.id));
    expect(steps).toHaveLength(4);
    const reached: string[] = [];
    const heard: string[] = [];
    const expected: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      if (i % 2 === 0) await page.keyboard.press("j");
      else await page.getByRole("button", { name: "Next step" }).click();
      const current = await page.locator("[data-step-nav]").getAttribute("data-current");
      reached.push(current ?? "");
      await page.waitForFunction(() => (document.querySelector("[data-announcer]")?.textContent ?? "") !== "", null, {
        timeout: 3000,
        polling: 50,
      });
      heard.push((await page.locator("[data-announcer]").textContent()) ?? "");
      const k = steps.indexOf(current ?? "");
      if (k >= 0) {
        await expectActive(page, k);
        expected.push(`Step ${k + 1} of 4.`);
      } else {
        // The line's words without the aria-hidden typing layer, which may be mid-play.
        expected.push(
          await page.locator(`#${current} .line-text`).evaluate((el) => {
            const copy = el.cloneNode(true) as Element;
            copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
            return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
          }),
        );
      }
    }
    expect(heard.map((h, i) => (h.includes(expected[i] ?? "-") ? "ok" : `${h} <> ${expected[i]}`))).toEqual(heard.map(() => "ok"));
    expect(reached).toEqual(ids);
    await page.keyboard.press("j");
    await page.waitForFunction(() => document.querySelector("[data-announcer]")?.textContent === "End of the chapter.");
    await page.keyboard.press("k");
    expect(await page.locator("[data-step-nav]").getAttribute("data-current")).toBe(ids[ids.length - 2]);
    await context.close();
  });

  it("Space steps inside a Scrolly but scrolls natively elsewhere", async () => {
    const { page, context } = await open();
    await page.goto(`${site.url}/orbit`, { waitUntil: "networkidle" });
    await page.keyboard.press("Space");
    expect(await page.locator("[data-step-nav]").getAttribute("data-current")).toBeNull();
    await page.evaluate(() => document.querySelector("[data-scrolly-step]")?.scrollIntoView({ block: "start", behavior: "instant" }));
    const steps = await page.evaluate(() => [...document.querySelectorAll("[data-scrolly-step]")].map((e) => e.id));
    await page.keyboard.press("Space");
    expect(await page.locator("[data-step-nav]").getAttribute("data-current")).toBe(steps[1]);
    await expectActive(page, 1);
    await context.close();
  });

  async function everyPictureWithItsText(page: Page) {
    return page.evaluate(() => ({
      sticky: [...document.querySelectorAll(".scrolly__sticky")].map((el) => getComputedStyle(el).display),
      steps: [...document.querySelectorAll("[data-scrolly-step]")].map((step) => {
        const media = step.querySelector(".scrolly-step__media img, .scrolly-step__media .loop-video");
        const text = step.querySelector(".scrolly-step__text");
        const box = media?.getBoundingClientRect();
        return {
          picture:
            !!box && box.width > 50 && box.height > 50 && getComputedStyle(step.querySelector(".scrolly-step__media")!).display !== "none",
          text: !!text && (text as HTMLElement).innerText.trim().length > 0,
          pictureAboveText: !!box && !!text && box.bottom <= text.getBoundingClientRect().top + 1,
        };
      }),
    }));
  }

  it("plain reading mode shows every picture with its text and no sticky panel", async () => {
    const { page, context } = await open({ prefs: { "installment:plain-reading": "true" } });
    await page.goto(`${site.url}/orbit`, { waitUntil: "networkidle" });
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-plain-reading"))).toBe("true");
    const seen = await everyPictureWithItsText(page);
    expect(seen.sticky).toEqual(["none"]);
    expect(seen.steps).toEqual(Array(4).fill({ picture: true, text: true, pictureAboveText: true }));
    expect(summarize(await axeViolations(page))).toEqual([]);
    await context.close();
  });

  it("the plain reading setting is a checkbox in the reader settings and is remembered", async () => {
    const { page, context } = await open();
    await page.goto(`${site.url}/orbit`, { waitUntil: "networkidle" });
    await page.getByText("Reader settings").click();
    await page.getByLabel(/Plain reading/).check();
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-plain-reading"))).toBe("true");
    await page.reload({ waitUntil: "networkidle" });
    expect((await everyPictureWithItsText(page)).sticky).toEqual(["none"]);
    await context.close();
  });

  it("print shows every picture with its text, no controls, and writes links out", async () => {
    const { page, context } = await open();
    await page.goto(`${site.url}/orbit`, { waitUntil: "networkidle" });
    await page.emulateMedia({ media: "print" });
    // The scrolly island moves the pictures back into their steps on the print
    // query's change event, which comes with the next frame (a real print fires
    // beforeprint first, synchronously): wait for it, with expect.poll's timeout.
    await expect
      .poll(async () => (await everyPictureWithItsText(page)).steps)
      .toEqual(Array(4).fill({ picture: true, text: true, pictureAboveText: true }));
    expect((await everyPictureWithItsText(page)).sticky).toEqual(["none"]);
    const controls = await page.evaluate(
      () =>
        [...document.querySelectorAll(".step-nav, .anchor-link, .reader-settings, .loop-video__toggle")].filter(
          (el) => getComputedStyle(el).display !== "none",
        ).length,
    );
    expect(controls).toBe(0);
    const after = await page.locator(".chapter-nav a[rel=next]").evaluate((el) => getComputedStyle(el, "::after").content);
    expect(after).toMatch(/\(.*(\/landing|attr\(href\))/);
    expect(count(await page.locator("main").innerText(), FINAL)).toBe(1);
    await context.close();
  });

  it("axe finds no violations with the step control, anchors and typing on the page", async () => {
    const { page, context } = await open();
    await page.goto(`${site.url}/orbit`, { waitUntil: "networkidle" });
    await page.keyboard.press("j");
    expect(summarize(await axeViolations(page))).toEqual([]);
    await context.close();
  });
});
