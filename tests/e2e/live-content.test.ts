import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type RunningSite } from "../helpers/server";
import { embargoStory, markersIn } from "../helpers/embargo-fixture";
import { crawl } from "../helpers/crawl";

// What a live site does when the content goes wrong under it: a duplicate
// chapter number, a typo in schedule.yaml or story.yaml. Readers keep every
// released chapter (and see nothing new), the log says what is wrong as
// `path:line:column  message`, and so does the editor dashboard.

const FROZEN = "2027-01-01T00:00:00Z";
const TOKEN = "live-content-editor-token-4f9c2a";
const REWRITE = "---\ntitle: Dawn Rewritetitlemarker\nsummary: Rewritesummarymarker\n---\n\nThe rewrite says Rewritetextmarker.\n";
const REWRITE_MARKERS = ["Rewritetitlemarker", "Rewritesummarymarker", "Rewritetextmarker", "dawn-rewrite"];
const READER_PATHS = ["/", "/feed.xml", "/rss.xml", "/feed.json", "/sitemap.xml", "/calendar.ics"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const decode = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

async function until<T>(what: string, probe: () => Promise<T | null | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe("a fresh start with two files numbered 1", () => {
  let site: RunningSite;
  beforeAll(async () => {
    const root = await embargoStory();
    writeFileSync(path.join(root, "01-dawn-rewrite.mdx"), REWRITE);
    site = await startSite({ chapters: root, clock: FROZEN });
  }, 600_000);
  afterAll(async () => site?.stop());

  it("publishes neither file, keeps chapter 2, and names both files at startup", async () => {
    expect((await fetch(`${site.url}/dawn`)).status).toBe(404);
    expect((await fetch(`${site.url}/dawn-rewrite`)).status).toBe(404);
    expect((await fetch(`${site.url}/noon`)).status).toBe(200);
    const seen = await crawl(site.url, READER_PATHS);
    const leaks = seen.flatMap((s) =>
      markersIn(s.text, [...REWRITE_MARKERS, "Releasedtitleone", "Releasedmarkerone"]).map((m) => `${s.path}: ${m}`),
    );
    expect(leaks).toEqual([]);
    expect(site.output).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/01-dawn-rewrite\.mdx:1:1 {2}chapter number 1 is used twice/),
        expect.stringMatching(/01-dawn\/index\.mdx:1:1 {2}chapter number 1 is used twice/),
      ]),
    );
  });
});

describe("a running site when an edit breaks the content", () => {
  let site: RunningSite;
  let root: string;
  let editorCookie: string;

  beforeAll(async () => {
    root = await embargoStory();
    site = await startSite({ chapters: root, clock: FROZEN, editorToken: TOKEN });
    const signIn = await fetch(`${site.url}/editor?token=${TOKEN}`, { redirect: "manual" });
    expect(signIn.status).toBe(303);
    editorCookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }, 600_000);
  afterAll(async () => site?.stop());

  async function dashboard(): Promise<string> {
    const r = await fetch(`${site.url}/editor`, { headers: { cookie: editorCookie } });
    expect(r.status).toBe(200);
    return decode(await r.text());
  }

  /** Readers still get both released chapters, their titles on the home page, and no 5xx anywhere. */
  async function expectReadersServed() {
    const dawn = await fetch(`${site.url}/dawn`);
    expect(dawn.status).toBe(200);
    expect(await dawn.text()).toContain("Releasedmarkerone");
    const noon = await fetch(`${site.url}/noon`);
    expect(noon.status).toBe(200);
    expect(await noon.text()).toContain("Releasedmarkertwo");
    const home = await (await fetch(`${site.url}/`)).text();
    expect(home).toContain("Embargo Test Story");
    expect(markersIn(home, ["Releasedtitleone", "Releasedtitletwo"])).toEqual(["Releasedtitleone", "Releasedtitletwo"]);
    const feed = await (await fetch(`${site.url}/feed.xml`)).text();
    expect(markersIn(feed, ["Releasedtitleone", "Releasedtitletwo"])).toEqual(["Releasedtitleone", "Releasedtitletwo"]);
  }

  it("starts clean", async () => {
    await expectReadersServed();
    expect(await dashboard()).toContain("No problems in the story, the schedule or the chapters.");
  });

  it("a second file numbered 1 added while it runs goes nowhere; chapter 1 keeps its last good version", async () => {
    writeFileSync(path.join(root, "01-dawn-rewrite.mdx"), REWRITE);
    await site.waitForLine((l) => /01-dawn-rewrite\.mdx:1:1 {2}chapter number 1 is used twice/.test(l), 45_000);
    await expectReadersServed();
    expect((await fetch(`${site.url}/dawn-rewrite`)).status).toBe(404);
    const seen = await crawl(site.url, READER_PATHS);
    expect(seen.flatMap((s) => markersIn(s.text, REWRITE_MARKERS).map((m) => `${s.path}: ${m}`))).toEqual([]);
    const board = await dashboard();
    expect(board).toMatch(/01-dawn-rewrite\.mdx:1:1 {2}chapter number 1 is used twice/);
    expect(board).toMatch(/01-dawn\/index\.mdx:1:1 {2}chapter number 1 is used twice/);
    rmSync(path.join(root, "01-dawn-rewrite.mdx"));
    await until("the duplicate to be gone from the dashboard", async () => !(await dashboard()).includes("used twice"));
    await expectReadersServed();
  }, 120_000);

  it("a typo in schedule.yaml: readers keep every released chapter; the log and the dashboard name the error", async () => {
    const file = path.join(root, "schedule.yaml");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace("timezone: America/New_York", "timezone: America/New_Yrok"));
    const line = await site.waitForLine((l) => /schedule\.yaml:1:11 {2}unknown time zone "America\/New_Yrok"/.test(l), 45_000);
    expect(line).toMatch(/^\S+schedule\.yaml:1:11 {2}unknown time zone/);
    await expectReadersServed();
    const board = await dashboard();
    expect(board).toMatch(/schedule\.yaml:1:11 {2}unknown time zone "America\/New_Yrok"/);
    expect(board).toContain("Readers are served the last good version of schedule.yaml");
    writeFileSync(file, good);
    await until("the schedule error to clear", async () => !(await dashboard()).includes("New_Yrok"));
    expect(await dashboard()).not.toContain("Readers are served the last good version");
  }, 120_000);

  it("a typo in story.yaml: readers keep the story and every released chapter; the log and the dashboard name the error", async () => {
    const file = path.join(root, "story.yaml");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace('color: "#ff8a8a"', "color: reddish"));
    await site.waitForLine((l) => /story\.yaml:8:12 {2}cast\.ada\.color: /.test(l), 45_000);
    await expectReadersServed();
    const board = await dashboard();
    expect(board).toMatch(/story\.yaml:8:12 {2}cast\.ada\.color: /);
    expect(board).toContain("Readers are served the last good version of story.yaml");
    // A YAML syntax error, the same.
    writeFileSync(file, good.replace("title: Embargo Test Story", "title: [Embargo Test Story"));
    await site.waitForLine((l) => /story\.yaml:\d+:\d+ {2}YAML syntax error: /.test(l), 45_000);
    await expectReadersServed();
    writeFileSync(file, good);
    await until("the story error to clear", async () => !(await dashboard()).includes("story.yaml:"));
    await expectReadersServed();
  }, 120_000);
});
