import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findChapters } from "../../lib/content/find-chapters";
import { loadContent } from "../../lib/content/load-content";
import { siteView } from "../../lib/site/visibility";
import { addLongChapter, longChapterMdx, repeatedBody } from "../../scripts/bench/lib/long-chapter";

// The smallest GIF there is (1×1), enough for the compiler's existence check.
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

const STORY = `title: Bench Story
description: A story for the long-chapter test.
language: en
siteUrl: http://localhost:3000
cast:
  ada:
    name: Ada
    color: "#5fd4ff"
    lane: 0
  bo:
    name: Bo
    color: "#e0a8ff"
    lane: 1
`;

const HEAVY = `---
title: The Heavy One
summary: Pictures and talk.
---

<Dialogue>
ADA: Is anyone listening?

BO: Loud and clear.
</Dialogue>

<Dialogue>
<Line speaker="ADA" id="line-pinned">A line with a pinned anchor.</Line>
</Dialogue>

<Scrolly>
<Step media="./media/a.gif" alt="A picture, with a > inside its text" id="step-pinned">
<Dialogue>
BO: First step.
</Dialogue>
</Step>
<Step media="./media/a.gif" alt="The same picture again">
Second step.
</Step>
</Scrolly>

<YouTube id="aqz-KE-bpKQ" title="A film" />
`;

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeStory(): string {
  root = mkdtempSync(path.join(os.tmpdir(), "long-chapter-"));
  writeFileSync(path.join(root, "story.yaml"), STORY);
  writeFileSync(path.join(root, "schedule.yaml"), "timezone: UTC\nreleases:\n  - at: 2026-01-01T09:00\n    chapters: [1, 2]\n");
  writeFileSync(path.join(root, "01-small.mdx"), "---\ntitle: Small\nsummary: Short.\n---\n\n<Dialogue>\nADA: Hello.\n</Dialogue>\n");
  mkdirSync(path.join(root, "02-heavy", "media"), { recursive: true });
  writeFileSync(path.join(root, "02-heavy", "index.mdx"), HEAVY);
  writeFileSync(path.join(root, "02-heavy", "media", "a.gif"), GIF);
  return root;
}

describe("the long chapter of the Lighthouse bench", () => {
  it("repeats the body with pauses, suffixing only ids pinned on lines and steps", () => {
    const body = `<Line speaker="ADA" id="l1">Hi.</Line>\n<Step media="./m.gif" alt="a > b" id="s1">x</Step>\n<YouTube id="aqz-KE-bpKQ" title="t" />`;
    const out = repeatedBody(body, 3);
    expect(out.split("<Pause />")).toHaveLength(3);
    expect(out.match(/id="l1(-x\d)?"/g)).toEqual(['id="l1"', 'id="l1-x2"', 'id="l1-x3"']);
    expect(out.match(/id="s1(-x\d)?"/g)).toEqual(['id="s1"', 'id="s1-x2"', 'id="s1-x3"']);
    expect(out.match(/id="aqz-KE-bpKQ"/g)).toHaveLength(3);
  });

  it("keeps the frontmatter and marks the title", () => {
    const mdx = longChapterMdx(HEAVY, 10);
    expect(mdx).toMatch(/^---\ntitle: The Heavy One \(×10\)\nsummary: Pictures and talk\.\n---\n/);
    expect(mdx.match(/Is anyone listening\?/g)).toHaveLength(10);
    expect(mdx.match(/media="\.\/media\/a\.gif"/g)).toHaveLength(20);
  });

  it("adds a chapter that compiles, with its media, released before now", async () => {
    writeStory();
    const heavy = findChapters(root).chapters.find((c) => c.number === 2)!;
    const long = addLongChapter(root, heavy, 10);
    expect(long).toEqual({ number: 3, slug: "heavy-10x" });
    expect(readFileSync(path.join(root, "03-heavy-10x", "media", "a.gif"))).toEqual(GIF);

    const snapshot = await loadContent(root, { cache: null });
    const result = snapshot.chapters.find((c) => (c.ok ? c.chapter.source.number : c.source.number) === 3);
    expect(result?.ok ? [] : result?.diagnostics.map((d) => d.message)).toEqual([]);
    const view = siteView(snapshot, Date.now(), "reader");
    expect(view?.chapters.map((c) => [c.number, c.state])).toEqual([
      [1, "released"],
      [2, "released"],
      [3, "released"],
    ]);
  });
});
