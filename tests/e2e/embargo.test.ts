import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, projectDir, TEST_EDITOR_TOKEN, type RunningSite } from "../helpers/server";
import { embargoStory, markersIn } from "../helpers/embargo-fixture";
import { crawl, linksIn, type Seen } from "../helpers/crawl";
import { editorCookie, makeBetaLink } from "../helpers/beta-link";
import { shipsNextRuntime } from "../../lib/server/reader-html";

const FROZEN = "2027-01-01T00:00:00Z";
const RELEASED = [
  "Releasedmarkerone",
  "Releasedmarkertwo",
  "Releasedtitleone",
  "Releasedsummaryone",
  "Releasedmarkerdialogue",
  "Releasedarcmarker",
  "Releasedwarningmarker",
  "Releasedrecapmarker",
  "Releasednotemarker",
];
const UNRELEASED = [
  "Upcomingtitlemarker",
  "Upcomingsummarymarker",
  "Upcomingtextmarker",
  "Upcomingdialoguemarker",
  "Upcomingaltmarker",
  "zenith-secret",
  "zenith",
  "Drafttitlemarker",
  "Draftsummarymarker",
  "Drafttextmarker",
  "draft-thing",
  // Arc titles (story.yaml) of an arc whose chapters are upcoming, drafts, or not written yet.
  "Upcomingarcmarker",
  "Draftarcmarker",
  "Futurearcmarker",
  // Framing of the upcoming and the draft chapter, and a story notice whose `from` is still ahead.
  "Upcomingwarningmarker",
  "Upcomingrecapmarker",
  "Upcomingnotemarker",
  "Draftwarningmarker",
  "Draftrecapmarker",
  "Draftnotemarker",
  "Futurenoticemarker",
];

describe("the embargo holds on every output of a running server", () => {
  let site: RunningSite;
  let root: string;
  let cacheDir: string;
  let seen: Seen[];
  /** What a beta reader fetched first: the early chapter's page, its flight payload and its media. */
  let beta: { path: string; status: number; text: string }[];

  beforeAll(async () => {
    root = await embargoStory();
    cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    site = await startSite({ chapters: root, clock: FROZEN, cacheDir, editorToken: TEST_EDITOR_TOKEN });
    // A beta reader opens a link to the upcoming chapter first (warming whatever could be warmed)…
    const link = await makeBetaLink(site.url, await editorCookie(site.url), "zenith-secret");
    beta = [];
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      // A flight request is first redirected to the same page with its `_rsc` value: followed.
      const res = await fetch(site.url + link, { headers });
      beta.push({ path: link, status: res.status, text: await res.text() });
    }
    for (const media of linksIn(beta[0]!.text).filter((p) => p.startsWith(`${link}/media/`))) {
      const res = await fetch(site.url + media);
      beta.push({ path: media, status: res.status, text: String(res.headers.get("cache-control")) });
    }
    // …then readers crawl everything.
    seen = await crawl(site.url, [
      "/",
      "/feed.xml",
      "/rss.xml",
      "/feed.json",
      "/sitemap.xml",
      "/calendar.ics",
      "/robots.txt",
      "/never-existed",
    ]);
  }, 600_000);
  afterAll(async () => site?.stop());

  it("crawls pages, flight payloads, feeds and assets", () => {
    const kinds = new Set(seen.map((s) => (s.flight ? "flight" : s.type.split(";")[0])));
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        "text/html",
        "flight",
        "application/atom+xml",
        "text/calendar",
        "application/javascript",
        "text/css",
        "video/mp4",
      ]),
    );
    expect(seen.some((s) => s.path === "/dawn" && s.status === 200)).toBe(true);
  });

  it("the beta reader did see the upcoming chapter and its media, privately", () => {
    expect(beta.every((b) => b.status === 200)).toBe(true);
    expect(markersIn(beta[0]!.text, ["Upcomingtextmarker"])).toEqual(["Upcomingtextmarker"]);
    expect(beta.filter((b) => b.path.includes("/media/")).map((b) => b.text)).toEqual(expect.arrayContaining(["private, no-store"]));
    expect(beta.length).toBeGreaterThanOrEqual(4);
  });

  it("offers the e-book of the released chapters, linked from home", () => {
    const book = seen.find((s) => s.type.startsWith("application/epub+zip"));
    expect(book?.status).toBe(200);
    expect(markersIn(book!.text, ["Releasedmarkerone", "Releasedmarkertwo"])).toHaveLength(2);
  });

  it("finds every released marker and no unreleased one", () => {
    const all = seen.map((s) => s.text).join("\n");
    expect(markersIn(all, RELEASED)).toEqual(RELEASED);
    const leaks = seen.flatMap((s) => markersIn(s.text, UNRELEASED).map((m) => `${s.path}${s.flight ? " (flight)" : ""}: ${m}`));
    expect(leaks).toEqual([]);
  });

  it("upcoming chapters appear only as a number and a time", async () => {
    const home = seen.find((s) => s.path === "/" && !s.flight)!;
    expect(home.text).toContain("Chapter <!-- -->3");
    expect(home.text).toContain('dateTime="2027-07-07T13:00:00.000Z"');
    expect(home.text).not.toContain("Chapter <!-- -->4");
  });

  it("guessed URLs of unreleased chapters answer exactly like a slug that never existed", async () => {
    const never = await fetch(`${site.url}/qqqqqqqqqqqq`);
    const neverBody = await never.text();
    expect(never.status).toBe(404);
    expect(neverBody).toContain("Nothing here");
    for (const slug of [
      "zenith-secret",
      "draft-thing",
      "03-zenith-secret",
      "zenith-secret/cover.png",
      "editor",
      "beta/zenith-secret",
      `beta/zenith-secret/${"A".repeat(22)}.1893456000000.${"B".repeat(43)}`,
    ]) {
      const res = await fetch(`${site.url}/${slug}`);
      expect(res.status, slug).toBe(404);
      const body = await res.text();
      // Byte for byte: the answer does not even echo the guessed path.
      expect(body, slug).toBe(neverBody);
      expect(markersIn(body, UNRELEASED)).toEqual([]);
      const flight = await (await fetch(`${site.url}/${slug}`, { headers: { RSC: "1" } })).text();
      const neverFlight = await (await fetch(`${site.url}/qqqqqqqqqqqq`, { headers: { RSC: "1" } })).text();
      expect(flight, `${slug} (flight)`).toBe(neverFlight);
      expect(res.headers.get("cache-control")).not.toMatch(/max-age=[1-9]\d{7,}/);
    }
  });

  it("no generated media file of an unreleased chapter is served", async () => {
    const store = path.join(cacheDir, "media", "files");
    const files = readdirSync(store);
    const served = new Set(seen.filter((s) => s.path.startsWith("/media/") && s.status === 200).map((s) => s.path.slice("/media/".length)));
    const hidden = files.filter((f) => !served.has(f));
    // The upcoming chapter's GIF and cover were transcoded ahead of time…
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    // …and none of them is reachable by its name.
    for (const f of hidden) expect((await fetch(`${site.url}/media/${f}`)).status, f).toBe(404);
    for (const f of served) expect((await fetch(`${site.url}/media/${f}`)).status).toBe(200);
  });

  it("no GIF is downloaded by a reader when transcoding worked", () => {
    expect(seen.filter((s) => s.type.startsWith("image/gif"))).toEqual([]);
  });

  it("answers are never cached past the next release", async () => {
    for (const p of ["/", "/dawn", "/feed.xml", "/sitemap.xml", "/never-existed"]) {
      const res = await fetch(site.url + p);
      const cc = res.headers.get("cache-control") ?? "";
      const maxAge = Number(/max-age=(\d+)/.exec(cc)?.[1] ?? 0);
      expect(maxAge, `${p}: ${cc}`).toBeLessThanOrEqual(60);
    }
  });
});

describe("a static export holds the embargo and is reproducible", () => {
  let root: string;
  beforeAll(async () => {
    root = await embargoStory();
  });

  function runExport(out: string, cacheDir: string) {
    const result = spawnSync(
      process.execPath,
      [path.join(projectDir, "node_modules/tsx/dist/cli.mjs"), "scripts/export.ts", "--at", FROZEN, "--out", out, "--chapters", root],
      {
        cwd: projectDir,
        encoding: "utf8",
        env: { ...process.env, INSTALLMENT_CACHE_DIR: cacheDir, RELEASE_CLOCK: "" },
      },
    );
    expect(result.status, result.stderr + result.stdout).toBe(0);
  }

  function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((e) => {
      const abs = path.join(dir, e);
      return statSync(abs).isDirectory() ? walk(abs).map((f) => path.join(e, f)) : [e];
    });
  }

  it("contains the released chapters, nothing unreleased, and the same bytes every time", () => {
    const a = mkdtempSync(path.join(tmpdir(), "installment-export-a-"));
    const b = mkdtempSync(path.join(tmpdir(), "installment-export-b-"));
    runExport(a, mkdtempSync(path.join(tmpdir(), "installment-cache-")));
    runExport(b, mkdtempSync(path.join(tmpdir(), "installment-cache-")));
    const files = walk(a).sort();
    expect(files).toEqual(
      expect.arrayContaining(["index.html", "dawn/index.html", "noon/index.html", "feed.xml", "sitemap.xml", "calendar.ics", "404.html"]),
    );
    const book = files.find((f) => f.endsWith(".epub"));
    expect(book).toBeDefined();
    const bookText = Object.values(unzipSync(readFileSync(path.join(a, book!))))
      .map((d) => Buffer.from(d).toString("latin1"))
      .join("\n");
    expect(markersIn(bookText, ["Releasedmarkerone"])).toEqual(["Releasedmarkerone"]);
    expect(markersIn(bookText, UNRELEASED)).toEqual([]);
    expect(files.some((f) => f.startsWith("_next/static/"))).toBe(true);
    expect(files.some((f) => f.startsWith("media/") && f.endsWith(".mp4"))).toBe(true);
    // Reader pages without Next's runtime: one islands script, no runtime chunk, no flight payload.
    expect(files.filter((f) => /^_islands\/[\w-]+\.js$/.test(f))).toHaveLength(1);
    for (const f of files.filter((x) => x.endsWith(".html")))
      expect(shipsNextRuntime(readFileSync(path.join(a, f), "utf8")), f).toBe(false);
    const all = files.map((f) => readFileSync(path.join(a, f), "latin1")).join("\n");
    expect(markersIn(all, RELEASED)).toEqual(RELEASED);
    expect(markersIn(all, UNRELEASED)).toEqual([]);
    // The CDN's headers come from the edge's own sources (tests/server/export-headers.test.ts holds them together).
    const headers = readFileSync(path.join(a, "_headers"), "utf8");
    expect(headers).toContain("/sw.js\n  Cache-Control: no-cache\n");
    expect(headers).toContain("  Cross-Origin-Opener-Policy: same-origin\n");
    expect(headers).toMatch(/^\/dawn\/\n {2}Content-Security-Policy: default-src 'self'/m);
    expect(walk(b).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(b, f)).equals(readFileSync(path.join(a, f))), f).toBe(true);
  }, 600_000);
});
