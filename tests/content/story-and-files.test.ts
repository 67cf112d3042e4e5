import { writeFileSync, utimesSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseStory } from "../../lib/content/load-story";
import { findChapters } from "../../lib/content/find-chapters";
import { createCompileCache } from "../../lib/content/compile-cache";
import { loadContent } from "../../lib/content/load-content";
import { siteView } from "../../lib/site/visibility";
import { STORY_YAML, tempStory } from "../helpers/temp-story";

const fmt = (ds: { line: number; column: number; message: string }[]) => ds.map((d) => `${d.line}:${d.column} ${d.message}`);

describe("story.yaml", () => {
  it("parses the cast with lowercase ids, arcs as ranges", () => {
    const { story, diagnostics } = parseStory(STORY_YAML, "story.yaml");
    expect(diagnostics).toEqual([]);
    expect(story?.cast.juice).toEqual({ id: "juice", name: "Juice", color: "#ffea02", lane: 2 });
    expect(story?.arcs).toEqual([{ title: "One", from: 1, to: 2 }]);
    expect(story?.revealUpcomingTitles).toBe(false);
  });

  it("names the line and the offending value for a bad colour and lane", () => {
    const text = STORY_YAML.replace('color: "#92ff92"', "color: green").replace("lane: 2", "lane: 7");
    const { story, diagnostics } = parseStory(text, "story.yaml");
    expect(story).toBeNull();
    expect(fmt(diagnostics)).toEqual([
      '12:12 cast.ten.color: must be a CSS hex colour like #ff6767 (got "green")',
      "17:11 cast.juice.lane: lane must be 0, 1, 2 or 3 (got 7)",
    ]);
  });

  it("rejects unknown keys and a missing title", () => {
    const text = STORY_YAML.replace("title: Test Story\n", "").replace("language: en", "language: en\ntheme: dark");
    const found = fmt(parseStory(text, "story.yaml").diagnostics);
    expect(found.some((f) => /title/.test(f))).toBe(true);
    expect(found.some((f) => /theme/.test(f))).toBe(true);
  });

  it("reports YAML syntax errors with a position", () => {
    const { diagnostics } = parseStory("title: [unclosed\n", "story.yaml");
    expect(diagnostics[0]?.message).toMatch(/^YAML syntax error: /);
    expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(1);
  });
});

describe("finding chapters", () => {
  it("accepts NN-slug.mdx and NN-slug/index.mdx, sorted by number", () => {
    const root = tempStory({
      "02-second/index.mdx": "x",
      "01-first.mdx": "x",
      "10-tenth.mdx": "x",
      "notes.txt": "x",
      "_drafts/03-x.mdx": "x",
    });
    const { chapters, diagnostics } = findChapters(root);
    expect(diagnostics).toEqual([]);
    expect(chapters.map((c) => [c.number, c.slug, c.relPath])).toEqual([
      [1, "first", "01-first.mdx"],
      [2, "second", "02-second/index.mdx"],
      [10, "tenth", "10-tenth.mdx"],
    ]);
  });

  it("reports duplicate numbers, duplicate slugs and bad names", () => {
    const root = tempStory({ "01-a.mdx": "x", "01-b.mdx": "x", "02-a.mdx": "x", "Chapter Three.mdx": "x" });
    const messages = findChapters(root).diagnostics.map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/not a chapter name/),
        expect.stringMatching(/chapter number 1 is used twice/),
        expect.stringMatching(/slug "a" is used twice/),
      ]),
    );
  });
});

describe("compile cache", () => {
  const chapter = (t: string) => `---\ntitle: ${t}\n---\n\nHello.\n`;

  it("never recompiles an unchanged chapter, across fresh cache instances (restarts)", async () => {
    const root = tempStory({ "01-a.mdx": chapter("A"), "02-b.mdx": chapter("B") });
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    const first = await loadContent(root, { cache: createCompileCache(cacheDir) });
    expect(first.stats).toEqual({ compiled: 2, cached: 0 });
    const second = await loadContent(root, { cache: createCompileCache(cacheDir) });
    expect(second.stats).toEqual({ compiled: 0, cached: 2 });
    // Touching a file without changing it is not a change.
    utimesSync(path.join(root, "01-a.mdx"), new Date(), new Date());
    writeFileSync(path.join(root, "02-b.mdx"), chapter("B, edited"));
    const third = await loadContent(root, { cache: createCompileCache(cacheDir) });
    expect(third.stats).toEqual({ compiled: 1, cached: 1 });
    const b = third.chapters[1];
    expect(b?.ok && b.chapter.frontmatter.title).toBe("B, edited");
  });

  it("recompiles when the cast changes, since speakers are resolved at compile time", async () => {
    const root = tempStory({ "01-a.mdx": chapter("A") });
    const cacheDir = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    await loadContent(root, { cache: createCompileCache(cacheDir) });
    writeFileSync(path.join(root, "story.yaml"), STORY_YAML.replace("name: Ten", "name: Tenner"));
    const again = await loadContent(root, { cache: createCompileCache(cacheDir) });
    expect(again.stats).toEqual({ compiled: 1, cached: 0 });
  });

  it("one broken chapter leaves the others compiled", async () => {
    const root = tempStory({ "01-a.mdx": chapter("A"), "02-b.mdx": "---\ntitle: B\n---\n\n<Broken />\n", "03-c.mdx": chapter("C") });
    const snap = await loadContent(root, { cache: null });
    expect(snap.chapters.map((c) => c.ok)).toEqual([true, false, true]);
  });
});

describe("reserved slugs", () => {
  it("refuses a chapter whose URL the site already uses", () => {
    const root = tempStory({ "01-media.mdx": "x", "02-fine.mdx": "x" });
    const found = findChapters(root);
    expect(found.chapters.map((c) => c.slug)).toEqual(["fine"]);
    expect(found.diagnostics.map((d) => d.message)).toEqual(['slug "media" is reserved by the site; rename "01-media.mdx"']);
  });
});

describe("a number or slug used twice", () => {
  const chapter = (t: string) => `---\ntitle: ${t}\n---\n\nHello from ${t}.\n`;
  const SCHEDULE = "timezone: UTC\nreleases:\n  - at: 2026-01-01T09:00\n    chapters: [1, 2, 3, 4]\n";

  it("names both files, each at its own path", () => {
    const root = tempStory({ "01-dawn.mdx": "x", "01-dawn-rewrite.mdx": "x", "02-noon/index.mdx": "x", "03-noon.mdx": "x" });
    const found = findChapters(root);
    const lines = found.diagnostics.map((d) => `${path.relative(root, d.file)}:${d.line}:${d.column}  ${d.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^01-dawn\.mdx:1:1 {2}chapter number 1 is used twice.*01-dawn-rewrite\.mdx/),
        expect.stringMatching(/^01-dawn-rewrite\.mdx:1:1 {2}chapter number 1 is used twice.*01-dawn\.mdx/),
        expect.stringMatching(/^02-noon\/index\.mdx:1:1 {2}slug "noon" is used twice.*03-noon\.mdx/),
        expect.stringMatching(/^03-noon\.mdx:1:1 {2}slug "noon" is used twice.*02-noon\/index\.mdx/),
      ]),
    );
  });

  it("makes neither file public, even when its number is released; the other chapters are untouched", async () => {
    const root = tempStory({
      "01-dawn.mdx": chapter("Dawn"),
      "01-dawn-rewrite.mdx": chapter("Rewrite"),
      "02-noon.mdx": chapter("Noon"),
      "03-noon.mdx": chapter("Noon again"),
      "04-dusk.mdx": chapter("Dusk"),
      "schedule.yaml": SCHEDULE,
    });
    const snap = await loadContent(root, { cache: null });
    expect(snap.schedule?.releases[0]?.chapters).toEqual([1, 2, 3, 4]);
    expect(snap.chapters.map((c) => (c.ok ? c.chapter.source.relPath : `!${c.source.relPath}`))).toEqual([
      "!01-dawn-rewrite.mdx",
      "!01-dawn.mdx",
      "!02-noon.mdx",
      "!03-noon.mdx",
      "04-dusk.mdx",
    ]);
    const view = siteView(snap, Date.UTC(2026, 5, 1), "reader")!;
    expect(view.chapters.map((c) => c.slug)).toEqual(["dusk"]);
    expect(JSON.stringify(view.upcoming)).not.toContain("Rewrite");
  });
});
