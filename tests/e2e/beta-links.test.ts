import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, TEST_EDITOR_TOKEN, type RunningSite } from "../helpers/server";
import { embargoStory, markersIn } from "../helpers/embargo-fixture";
import { editorCookie, listedBetaLinks, makeBetaLink, postBetaForm } from "../helpers/beta-link";
import { betaLinkKey, betaLinkPath, issueBetaLink } from "../../lib/server/beta-links";
import { launchBrowser, watchedPage } from "../helpers/browser";

// Beta-reader links on a running server: the embargo fixture (chapters 1-2
// out, 3 "zenith-secret" upcoming on 2027-07-07, 4 a draft), clock frozen at
// 2027-01-01; then a second instance sharing the cache folder, frozen after
// chapter 3 is out.

const BEFORE = "2027-01-01T00:00:00Z";
const AFTER = "2027-08-01T00:00:00Z";
const EARLY = ["Upcomingtitlemarker", "Upcomingtextmarker", "Upcomingdialoguemarker", "Upcomingaltmarker"];
const NEVER = [
  "Drafttitlemarker",
  "Draftsummarymarker",
  "Drafttextmarker",
  "draft-thing",
  "Upcomingarcmarker",
  "Draftarcmarker",
  "Futurearcmarker",
];
const DAY = 24 * 60 * 60 * 1000;

let site: RunningSite;
let cacheDir: string;
let cookie: string;
let link: string;
let root: string;
/** Revoked on the first instance. */
let revokedLink = "";

async function get(base: string, pathname: string, headers: Record<string, string> = {}) {
  const r = await fetch(base + pathname, { redirect: "manual", headers });
  return { status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()) };
}

/** The site's canonical 404: a random path that never existed. */
async function canonical404(base: string) {
  return get(base, `/${randomBytes(8).toString("hex")}`);
}

async function expectCanonical404(base: string, pathname: string) {
  const [a, b] = [await get(base, pathname), await canonical404(base)];
  expect(a.status, pathname).toBe(404);
  expect(a.body.equals(b.body), pathname).toBe(true);
  for (const h of ["content-type", "cache-control", "x-robots-tag", "referrer-policy"])
    expect(a.headers.get(h), `${pathname} ${h}`).toBe(b.headers.get(h));
  expect(markersIn(a.body.toString("utf8"), EARLY)).toEqual([]);
}

beforeAll(async () => {
  root = await embargoStory();
  cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
  site = await startSite({ chapters: root, clock: BEFORE, cacheDir, editorToken: TEST_EDITOR_TOKEN });
  cookie = await editorCookie(site.url);
  link = await makeBetaLink(site.url, cookie, "zenith-secret");
}, 600_000);
afterAll(async () => site?.stop());

describe("beta-reader links", () => {
  it("a valid link renders that chapter, private and no-store, noindex, no referrer", async () => {
    expect(link).toMatch(/^\/beta\/zenith-secret\//);
    const r = await get(site.url, link);
    expect(r.status).toBe(200);
    const html = r.body.toString("utf8");
    expect(markersIn(html, EARLY)).toEqual(EARLY);
    expect(markersIn(html, NEVER)).toEqual([]);
    expect(r.headers.get("cache-control")).toBe("private, no-store");
    expect(r.headers.get("x-robots-tag")).toBe("noindex");
    expect(r.headers.get("referrer-policy")).toBe("no-referrer");
    expect(html).toMatch(/<meta name="robots" content="noindex[^"]*"/);
    // Its flight payload (client navigation) is the same page, just as private.
    // (Next first redirects a flight request to the same page with its cache-busting `_rsc` value.)
    const first = await get(site.url, link, { RSC: "1" });
    expect(first.status).toBe(307);
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    expect(first.headers.get("location")!.startsWith(`${link}?_rsc`)).toBe(true);
    const flight = await get(site.url, first.headers.get("location")!, { RSC: "1" });
    expect(flight.status).toBe(200);
    expect(flight.headers.get("content-type")).toContain("text/x-component");
    expect(markersIn(flight.body.toString("utf8"), EARLY)).toEqual(EARLY);
    expect(flight.headers.get("cache-control")).toBe("private, no-store");
    expect(markersIn(flight.body.toString("utf8"), NEVER)).toEqual([]);
  });

  it("the chapter's media load through the link (private, no-store) and stay 404 for everyone else", async () => {
    const html = (await get(site.url, link)).body.toString("utf8");
    const files = [...new Set([...html.matchAll(/\/beta\/zenith-secret\/[^/"]+\/media\/([0-9a-f]{16}\.[a-z0-9]+)/g)].map((m) => m[1]!))];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const early = await get(site.url, `${link}/media/${f}`);
      expect(early.status, f).toBe(200);
      expect(early.headers.get("cache-control")).toBe("private, no-store");
      expect((await get(site.url, `/media/${f}`)).status, f).toBe(404);
    }
    // A released chapter's file is not served through the link: only this chapter's.
    const dawn = (await get(site.url, "/dawn")).body.toString("utf8");
    const released = /\/media\/([0-9a-f]{16}\.[a-z0-9]+)/.exec(dawn)![1]!;
    expect((await get(site.url, `${link}/media/${released}`)).status).toBe(404);
  });

  it("is not a reader's page: the public chapter and home stay hidden and nothing was cached for readers", async () => {
    await expectCanonical404(site.url, "/zenith-secret");
    const home = (await get(site.url, "/")).body.toString("utf8");
    expect(markersIn(home, EARLY)).toEqual([]);
  });

  it("tampered, moved, expired or unknown links are the canonical 404", async () => {
    const mac = link.slice(-43);
    const tampered = link.slice(0, -43) + (mac.startsWith("A") ? "B" : "A") + mac.slice(1);
    const expired = betaLinkPath(
      betaLinkKey(TEST_EDITOR_TOKEN),
      issueBetaLink(betaLinkKey(TEST_EDITOR_TOKEN), "zenith-secret", Date.now() - 8 * DAY, 7),
    );
    const otherToken = betaLinkPath(
      betaLinkKey(`${TEST_EDITOR_TOKEN}-other`),
      issueBetaLink(betaLinkKey(`${TEST_EDITOR_TOKEN}-other`), "zenith-secret", Date.now()),
    );
    for (const p of [
      tampered,
      link.replace("zenith-secret", "draft-thing"),
      expired,
      otherToken,
      "/beta/zenith-secret",
      "/beta/zenith-secret/x",
      `${tampered}/media/0123456789abcdef.mp4`,
    ]) {
      await expectCanonical404(site.url, p);
    }
  });

  it("making or revoking a link needs a signed-in editor and a same-origin form", async () => {
    const count = (await listedBetaLinks(site.url, cookie)).length;
    // A reader's POST is refused like any POST.
    expect((await postBetaForm(site.url, "", { action: "create", slug: "zenith-secret", days: "7" })).status).toBe(405);
    // Another site's form, or no Origin at all, is refused.
    expect(
      (await postBetaForm(site.url, cookie, { action: "create", slug: "zenith-secret", days: "7" }, "https://evil.example")).status,
    ).toBe(403);
    expect((await postBetaForm(site.url, cookie, { action: "create", slug: "zenith-secret", days: "7" }, null)).status).toBe(403);
    // Only unreleased chapters, only 1 to 30 days.
    expect((await postBetaForm(site.url, cookie, { action: "create", slug: "dawn", days: "7" })).status).toBe(400);
    expect((await postBetaForm(site.url, cookie, { action: "create", slug: "zenith-secret", days: "365" })).status).toBe(400);
    expect((await listedBetaLinks(site.url, cookie)).length).toBe(count);
    // A chosen lifetime is listed with its expiry.
    const short = await makeBetaLink(site.url, cookie, "draft-thing", "1");
    const expires = Number(/\.(\d+)\./.exec(short)![1]);
    expect(Math.abs(expires - (Date.now() + DAY))).toBeLessThan(5 * 60 * 1000);
    expect((await get(site.url, short)).status).toBe(200);
    expect(markersIn((await get(site.url, short)).body.toString("utf8"), ["Drafttextmarker"])).toEqual(["Drafttextmarker"]);
  });

  it("in Chromium: an editor makes a link on the dashboard; a beta reader (no cookie) reads the chapter with its media", async () => {
    const browser = await launchBrowser();
    try {
      const editor = await watchedPage(await browser.newContext());
      expect((await editor.page.goto(`${site.url}/editor?token=${TEST_EDITOR_TOKEN}`))?.status()).toBe(200);
      const before = await editor.page.locator('#beta-links a[href^="/beta/"]').count();
      await editor.page.selectOption("#editor-beta-slug", "zenith-secret");
      await editor.page.selectOption("#editor-beta-days", "14");
      await Promise.all([
        editor.page.waitForResponse((r) => r.url().endsWith("/editor") && r.request().method() === "GET" && r.status() === 200),
        editor.page.click('#beta-links button[type="submit"]:has-text("Make a link")'),
      ]);
      await editor.page.waitForLoadState("load");
      const anchors = editor.page.locator('#beta-links a[href^="/beta/"]');
      await expect.poll(() => anchors.count()).toBe(before + 1);
      const made = (await anchors.last().getAttribute("href"))!;
      expect(Math.abs(Number(/\.(\d+)\./.exec(made)![1]) - (Date.now() + 14 * DAY))).toBeLessThan(5 * 60 * 1000);

      const reader = await watchedPage(await browser.newContext());
      const failed: string[] = [];
      reader.page.on("response", (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      const res = await reader.page.goto(site.url + made);
      expect(res?.status()).toBe(200);
      await expect.poll(() => reader.page.locator("h1").textContent()).toContain("Upcomingtitlemarker");
      await reader.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const mediaOk = await reader.page.evaluate(async () => {
        const urls = [...document.querySelectorAll("img[src], video[poster], source[src]")].map(
          (e) => e.getAttribute("src") ?? e.getAttribute("poster") ?? "",
        );
        const answers = await Promise.all(urls.map(async (u) => (await fetch(u)).status));
        return { urls, answers };
      });
      expect(mediaOk.urls.length).toBeGreaterThan(0);
      expect(mediaOk.urls.every((u) => u.startsWith(made + "/media/"))).toBe(true);
      expect(mediaOk.answers.every((a) => a === 200)).toBe(true);
      expect(failed).toEqual([]);
      expect([...editor.external, ...reader.external]).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("a revoked link is the canonical 404 from the next request on", async () => {
    const doomed = await makeBetaLink(site.url, cookie, "zenith-secret", "3");
    expect((await get(site.url, doomed)).status).toBe(200);
    const id = /\/([A-Za-z0-9_-]{22})\./.exec(doomed)![1]!;
    expect((await postBetaForm(site.url, cookie, { action: "revoke", id }, "https://evil.example")).status).toBe(403);
    expect((await get(site.url, doomed)).status).toBe(200);
    expect((await postBetaForm(site.url, cookie, { action: "revoke", id })).status).toBe(303);
    await expectCanonical404(site.url, doomed);
    revokedLink = doomed;
    await expectCanonical404(site.url, `${doomed}/media/${"0".repeat(16)}.mp4`);
    // The dashboard still lists it, as revoked.
    const dashboard = await (await fetch(`${site.url}/editor`, { headers: { cookie } })).text();
    expect(dashboard).toContain("Revoked");
    // Other links are untouched.
    expect((await get(site.url, link)).status).toBe(200);
  });

  it("once the chapter is released the link redirects to the public page (another instance, same cache folder)", async () => {
    const later = await startSite({ chapters: root, clock: AFTER, cacheDir, editorToken: TEST_EDITOR_TOKEN });
    try {
      const r = await get(later.url, link);
      expect([307, 308]).toContain(r.status);
      expect(r.headers.get("location")).toBe("/zenith-secret");
      expect(r.headers.get("cache-control")).toBe("private, no-store");
      expect((await get(later.url, "/zenith-secret")).status).toBe(200);
      // A revocation made on the first instance holds here too, released or not.
      expect(revokedLink).not.toBe("");
      await expectCanonical404(later.url, revokedLink);
    } finally {
      await later.stop();
    }
  }, 600_000);
});
