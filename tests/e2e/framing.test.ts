import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, TEST_EDITOR_TOKEN, type RunningSite } from "../helpers/server";
import { launchBrowser, watchedPage, type Browser } from "../helpers/browser";
import { axeViolations, summarize } from "../helpers/axe";
import { embargoStory } from "../helpers/embargo-fixture";

// Framing in Chromium, with and without JavaScript: warnings before chapter 1
// (with a skip link), a recap on chapter 2, the story note after both, and the
// story notice on the home page. The embargo fixture's notice starts in June
// 2027; here it is moved into the past so it shows.

const FROZEN = "2027-01-01T00:00:00Z";
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  const root = await embargoStory();
  const story = path.join(root, "story.yaml");
  writeFileSync(story, readFileSync(story, "utf8").replace("from: 2027-06-01T00:00:00Z", "from: 2026-12-01T00:00:00Z"));
  site = await startSite({ chapters: root, clock: FROZEN, editorToken: TEST_EDITOR_TOKEN });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** axe on the DOM a reader without JavaScript gets: its scripts removed, its <noscript> content shown as it was. */
async function axeOnHtml(p: string, html: string): Promise<string[]> {
  const body = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<noscript>/g, '<div data-noscript="">')
    .replace(/<\/noscript>/g, "</div>");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route(site.url + p, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
  await page.goto(site.url + p);
  const found = summarize(await axeViolations(page));
  await context.close();
  return found;
}

for (const js of [true, false]) {
  describe(`framing with JavaScript ${js ? "on" : "off"}`, () => {
    async function open(p: string) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: js });
      const { page, external } = await watchedPage(context);
      await page.goto(site.url + p);
      return { page, context, external };
    }

    it("the home page shows the notice, and the chapters are numbered as before", async () => {
      const { page, context } = await open("/");
      const notice = page.getByRole("region", { name: "Announcement" });
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toContain("Futurenoticemarker is coming.");
      expect(await page.locator(".toc-number").allTextContents()).toEqual(["Chapter 1", "Chapter 2", "Chapter 3"]);
      await context.close();
    }, 180_000);

    it("warnings come before the chapter in a labelled box; its skip link lands on the story", async () => {
      const { page, context } = await open("/dawn");
      const box = page.getByRole("complementary", { name: "Content warnings" });
      expect(await box.isVisible()).toBe(true);
      expect(await box.locator("li").allTextContents()).toEqual(["Releasedwarningmarker", "loud noises"]);
      // Before the first line of the chapter.
      const order = await page.evaluate(() => {
        const box = document.querySelector(".framing-warnings")!;
        const body = document.getElementById("story-start")!;
        return box.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      expect(order).toBeTruthy();
      expect(await page.locator(".framing-warnings-collapsed").isVisible()).toBe(false);
      await page.getByRole("link", { name: "Skip past the warnings to the story" }).click();
      expect(new URL(page.url()).hash).toBe("#story-start");
      const top = await page.evaluate(() => document.getElementById("story-start")!.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(5);
      await context.close();
    }, 180_000);

    it("the recap is collapsed under Previously and opens on a click", async () => {
      const { page, context } = await open("/noon");
      const recap = page.locator("details.framing-recap");
      expect(await recap.getAttribute("open")).toBeNull();
      expect(await page.getByText("Releasedrecapmarker").isVisible()).toBe(false);
      await page.locator("details.framing-recap summary").click();
      expect(await page.getByText("Releasedrecapmarker").isVisible()).toBe(true);
      expect(await page.locator(".framing-recap em").textContent()).toBe("Releasedrecapmarker");
      await context.close();
    }, 180_000);

    it("the story note follows each chapter", async () => {
      for (const p of ["/dawn", "/noon"]) {
        const { page, context } = await open(p);
        const note = page.getByRole("complementary", { name: "Author’s note" });
        expect(await note.textContent()).toContain("The story note says Releasednotemarker.");
        const after = await page.evaluate(
          () =>
            document.getElementById("story-start")!.compareDocumentPosition(document.querySelector(".framing-note")!) &
            Node.DOCUMENT_POSITION_FOLLOWING,
        );
        expect(after).toBeTruthy();
        await context.close();
      }
    }, 180_000);

    it("axe finds no violations and nothing leaves the machine", async () => {
      const found: string[] = [];
      for (const p of ["/", "/dawn", "/noon"]) {
        const { page, context, external } = await open(p);
        found.push(...external);
        if (js) found.push(...summarize(await axeViolations(page)).map((v) => `${p}: ${v}`));
        // axe needs timers, which do not run with JavaScript off: check the no-JS DOM in a page that runs only axe.
        else found.push(...(await axeOnHtml(p, await page.content())).map((v) => `${p} (no JS): ${v}`));
        await context.close();
      }
      expect(found).toEqual([]);
    }, 180_000);
  });
}

describe("collapsing content warnings (reader settings, needs JavaScript)", () => {
  it("a reader who turns it on sees a closed summary instead of the box, on this page and the next", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/dawn`);
    await page.locator(".reader-settings__summary").click();
    await page.getByLabel("Collapse content warnings").check();
    expect(await page.locator(".framing-warnings").isVisible()).toBe(false);
    const collapsed = page.locator("details.framing-warnings-collapsed");
    expect(await collapsed.isVisible()).toBe(true);
    expect(await collapsed.locator("summary").textContent()).toBe("Content warnings (2)");
    expect(await collapsed.getByText("loud noises").isVisible()).toBe(false);
    await page.reload();
    expect(await page.locator(".framing-warnings").isVisible()).toBe(false);
    await collapsed.locator("summary").click();
    expect(await collapsed.getByText("loud noises").isVisible()).toBe(true);
    expect(summarize(await axeViolations(page))).toEqual([]);
    await context.close();
  }, 180_000);
});

describe("framing in print", () => {
  it("prints the recap even when closed, and not the skip link", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/noon`);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByText("Releasedrecapmarker").isVisible()).toBe(true);
    await page.goto(`${site.url}/dawn`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".framing-skip").isVisible()).toBe(false);
    await context.close();
  }, 180_000);
});

describe("framing on the editor dashboard", () => {
  it("lists each chapter's framing (unreleased ones too, for editors) and the notice's state; axe-clean", async () => {
    const signIn = await fetch(`${site.url}/editor?token=${TEST_EDITOR_TOKEN}`, { redirect: "manual" });
    const cookie = /installment_editor=([^;]*)/.exec(signIn.headers.get("set-cookie") ?? "")?.[1] ?? "";
    expect(cookie).not.toBe("");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: "installment_editor", value: cookie, url: site.url }]);
    const page = await context.newPage();
    await page.goto(`${site.url}/editor`);
    const section = page.getByRole("region", { name: "Framing" });
    expect(await section.locator("h3").allTextContents()).toEqual(["Story notice", "Chapters"]);
    expect(await section.textContent()).toContain("Announcement, showing now");
    const row = (n: number) => section.locator(`tr[data-framing-chapter="${n}"] td`).allTextContents();
    expect(await row(1)).toEqual(["1", "Releasedwarningmarker, loud noises", "–", "story’s note"]);
    expect(await row(2)).toEqual(["2", "–", "yes", "story’s note"]);
    expect(await row(3)).toEqual(["3", "Upcomingwarningmarker", "yes", "its own"]);
    expect(summarize(await axeViolations(page))).toEqual([]);
    await context.close();
  }, 180_000);
});

describe("the notice is not a chapter", () => {
  it("feeds and the sitemap list the two released chapters only and never the notice", async () => {
    for (const p of ["/feed.xml", "/rss.xml", "/feed.json", "/sitemap.xml", "/calendar.ics"]) {
      const body = await (await fetch(site.url + p)).text();
      expect(body, p).not.toContain("Futurenoticemarker");
    }
    const atom = await (await fetch(`${site.url}/feed.xml`)).text();
    expect(atom.match(/<entry>/g)?.length).toBe(2);
  }, 180_000);
});
