import { mkdtempSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type RunningSite } from "../helpers/server";
import { embargoStory, markersIn } from "../helpers/embargo-fixture";
import { launchBrowser, type Browser, type BrowserContext, type Page } from "../helpers/browser";
import { axeViolations, summarize } from "../helpers/axe";

// Two sites on the same story: at 2027-01-01 chapters 1-2 are out; at 2027-07-08 chapter 3
// (zenith-secret) is out too. A proxy on one fixed port fronts either, so the browser keeps one
// origin (its localStorage and service worker) while the release state changes under it.
const BEFORE = "2027-01-01T00:00:00Z";
const AFTER = "2027-07-08T00:00:00Z";
const UNRELEASED = ["Upcomingtitlemarker", "Upcomingsummarymarker", "Upcomingtextmarker", "zenith", "Drafttitlemarker", "draft-thing"];

function proxy(): { server: Server; target: { port: number } } {
  const target = { port: 0 };
  const server = createServer((req, res) => {
    const up = request(
      {
        host: "localhost",
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: `localhost:${target.port}` },
      },
      (r) => {
        // The edge lets browsers keep a page until the next release; this proxy changes the release
        // state at will, so it asks the browser to revalidate instead (as a release would).
        const headers = { ...r.headers };
        if (/max-age=/.test(String(headers["cache-control"] ?? "")) && !/immutable/.test(String(headers["cache-control"])))
          headers["cache-control"] = "no-cache";
        res.writeHead(r.statusCode ?? 502, headers);
        r.pipe(res);
      },
    );
    up.on("error", () => {
      res.statusCode = 502;
      res.end();
    });
    req.pipe(up);
  });
  return { server, target };
}

async function mounted(page: Page, selector: string, island: string) {
  await page.waitForSelector(`${selector}[data-island-mounted~="${island}"]`, { state: "attached" });
}

async function stored(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
}

async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) out.push(new URL(req.url).pathname);
    return out;
  });
}

describe("reader memory and offline reading", () => {
  let before: RunningSite;
  let after: RunningSite;
  let front: ReturnType<typeof proxy>;
  let base: string;
  let browser: Browser;

  const use = (site: RunningSite) => {
    front.target.port = site.port;
  };

  beforeAll(async () => {
    const root = await embargoStory();
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    before = await startSite({ chapters: root, clock: BEFORE, cacheDir });
    after = await startSite({ chapters: root, clock: AFTER, cacheDir });
    front = proxy();
    await new Promise<void>((resolve) => front.server.listen(0, "127.0.0.1", resolve));
    base = `http://localhost:${(front.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    front?.server.close();
    await before?.stop();
    await after?.stop();
  });

  it("marks read and partly read chapters, counts what is new after a release, resumes, and forgets", async () => {
    use(before);
    const context: BrowserContext = await browser.newContext({ viewport: { width: 360, height: 240 } });
    const page = await context.newPage();
    await page.goto(base + "/");
    await mounted(page, "[data-reader-memory]", "home-memory");
    expect(await page.locator(".toc-new").count()).toBe(0);
    expect(await page.locator("[data-memory-status]").textContent()).toBe("");

    // Read chapter 1 to the end, chapter 2 halfway.
    await page.goto(base + "/dawn");
    await mounted(page, "[data-chapter-memory]", "chapter-memory");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem("installment:memory") ?? "{}").chapters?.dawn?.max ?? 0) >= 0.97);
    await page.goto(base + "/noon");
    await mounted(page, "[data-chapter-memory]", "chapter-memory");
    const max = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    expect(max).toBeGreaterThan(40);
    const half = Math.round(max / 2);
    await page.evaluate((y) => window.scrollTo(0, y), half);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("installment:memory") ?? "{}").chapters?.noon?.place > 0.3);
    await page.close();

    // Nothing unreleased is stored or shown.
    const page2 = await context.newPage();
    await page2.goto(base + "/");
    await mounted(page2, "[data-reader-memory]", "home-memory");
    expect(markersIn(await stored(page2), UNRELEASED)).toEqual([]);
    expect(markersIn(await page2.content(), UNRELEASED)).toEqual([]);
    await page2.close();

    // Chapter 3 comes out. A new visit (new tab session) sees it as new.
    use(after);
    const home = await context.newPage();
    await home.goto(base + "/");
    await mounted(home, "[data-reader-memory]", "home-memory");
    await home.waitForFunction(() => document.querySelector("[data-memory-status]")?.textContent !== "");
    expect(await home.locator("[data-memory-status]").textContent()).toBe("1 new chapter since your last visit");
    expect(await home.getAttribute('[data-chapter-slug="dawn"]', "data-read")).toBe("read");
    expect(await home.getAttribute('[data-chapter-slug="noon"]', "data-read")).toBe("partly");
    expect(await home.locator('[data-chapter-slug="noon"] .toc-mark').textContent()).toMatch(/^Partly read \(\d+%\)$/);
    expect(await home.locator('[data-chapter-slug="zenith-secret"] .toc-new').textContent()).toBe("New since your last visit");
    expect(await home.locator(".toc-new").count()).toBe(1);
    // A reload in the same visit keeps the badge.
    await home.reload();
    await mounted(home, "[data-reader-memory]", "home-memory");
    expect(await home.locator(".toc-new").count()).toBe(1);
    expect(summarize(await axeViolations(home))).toEqual([]);

    // Resume where you left off.
    await home.click('[data-chapter-slug="noon"] .toc-resume');
    await home.waitForURL(`${base}/noon`);
    await home.waitForFunction(() => window.scrollY > 0);
    expect(Math.abs((await home.evaluate(() => window.scrollY)) - half)).toBeLessThanOrEqual(2);

    // Forget my reading.
    await home.goto(base + "/");
    await mounted(home, "[data-reader-memory]", "home-memory");
    home.once("dialog", (d) => void d.accept());
    await home.click("[data-memory-forget]");
    expect(await home.locator("[data-memory-status]").textContent()).toBe("Your reading on this device is forgotten.");
    expect(await home.locator(".toc-mark, .toc-new, .toc-resume").count()).toBe(0);
    expect(await home.evaluate(() => [localStorage.getItem("installment:memory"), localStorage.getItem("installment:place")])).toEqual([
      null,
      null,
    ]);
    await home.reload();
    await mounted(home, "[data-reader-memory]", "home-memory");
    expect(await home.locator("[data-read=read], [data-read=partly]").count()).toBe(0);
    await context.close();
  });

  it("keeps released chapters offline, never a 404, and drops a chapter pulled from release", async () => {
    use(before);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + "/");
    await mounted(page, "[data-offline-reading]", "offline-reading");
    await page.check("[data-offline-reading] input");
    await page.waitForFunction(
      () => document.querySelector("[data-offline-status]")?.textContent === "2 chapters kept for offline reading.",
    );
    const kept = await cachedUrls(page);
    expect(kept).toEqual(expect.arrayContaining(["/", "/dawn", "/noon"]));
    expect(kept.some((u) => u.startsWith("/media/"))).toBe(true);
    expect(markersIn(kept.join(" "), UNRELEASED)).toEqual([]);

    // An unreleased path answers 404 through the worker and is never kept.
    const res = await page.goto(base + "/zenith-secret");
    expect(res?.status()).toBe(404);
    expect(markersIn((await cachedUrls(page)).join(" "), UNRELEASED)).toEqual([]);

    // Offline: a released chapter reads, with its poster.
    await page.goto(base + "/dawn");
    await context.setOffline(true);
    await page.reload();
    expect(await page.textContent("article")).toContain("Releasedmarkerone");
    const poster = page.locator("img.loop-video__poster").first();
    await poster.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>("img.loop-video__poster");
      return img !== null && img.complete;
    });
    expect(await poster.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.goto(base + "/zenith-secret");
    expect(await page.textContent("h1")).toBe("You are offline");
    await context.setOffline(false);

    // Chapter 3 is released: an online home visit keeps it too…
    use(after);
    await page.goto(base + "/");
    // The worker reports when it has re-read the chapter list and kept what it names.
    await page.waitForFunction(
      () => document.querySelector("[data-offline-status]")?.textContent === "3 chapters kept for offline reading.",
    );
    expect(await cachedUrls(page)).toContain("/zenith-secret");
    // …then it is pulled (the release state goes back): the network's 404 deletes the kept copy.
    use(before);
    expect((await page.goto(base + "/zenith-secret"))?.status()).toBe(404);
    expect((await cachedUrls(page)).filter((u) => u.includes("zenith"))).toEqual([]);
    await context.setOffline(true);
    await page.goto(base + "/zenith-secret");
    expect(await page.textContent("h1")).toBe("You are offline");
    expect(markersIn(await page.content(), UNRELEASED)).toEqual([]);
    await context.setOffline(false);

    // Opting out unregisters the worker and deletes its caches.
    await page.goto(base + "/");
    await mounted(page, "[data-offline-reading]", "offline-reading");
    await page.uncheck("[data-offline-reading] input");
    await page.waitForFunction(() => document.querySelector("[data-offline-status]")?.textContent === "Offline copies deleted.");
    expect(await cachedUrls(page)).toEqual([]);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await context.close();
  });

  it("serves /sw.js revalidated on every load", async () => {
    const res = await fetch(before.url + "/sw.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });
});
