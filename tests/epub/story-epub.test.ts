import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent, mediaRefsOf } from "../../lib/content/load-content";
import { buildManifest } from "../../lib/server/media-manifest";
import { siteView } from "../../lib/site/visibility";
import { buildStoryEpub } from "../../components/epub/build-story-epub";
import { embargoStory, markersIn } from "../helpers/embargo-fixture";

const FROZEN = Date.parse("2027-01-01T00:00:00Z");
const RELEASED = ["Releasedmarkerone", "Releasedmarkertwo", "Releasedtitleone", "Releasedmarkerdialogue"];
const UNRELEASED = [
  "Upcomingtitlemarker",
  "Upcomingtextmarker",
  "Upcomingdialoguemarker",
  "Upcomingaltmarker",
  "Drafttitlemarker",
  "Drafttextmarker",
];
const EPUBCHECK = "/usr/share/java/epubcheck.jar";

describe("the story as an EPUB", () => {
  let bytes: Uint8Array;
  let entries: Record<string, Uint8Array>;
  let storeDir: string;
  let root: string;

  beforeAll(async () => {
    root = await embargoStory();
    // A table in a released chapter, so EPUBCheck judges its XHTML too.
    appendFileSync(path.join(root, "02-noon.mdx"), "\n| Hour | Reading |\n| --- | --: |\n| noon | 1012 hPa |\n");
    const snapshot = await loadContent(root, { cache: null });
    storeDir = mkdtempSync(path.join(tmpdir(), "installment-epub-media-"));
    const { manifest } = await buildManifest(mediaRefsOf(snapshot.chapters), storeDir);
    // An editor's preview view holds drafts and upcoming chapters too: the book must still hold released ones only.
    const view = siteView(snapshot, FROZEN, "preview")!;
    expect(view.chapters.some((c) => c.state !== "released")).toBe(true);
    bytes = await buildStoryEpub(view, manifest, path.join(storeDir, "files"));
    entries = unzipSync(bytes);
  }, 300_000);

  const text = () =>
    Object.entries(entries)
      .filter(([name]) => /\.(xhtml|opf|css|xml)$/.test(name))
      .map(([, data]) => strFromU8(data))
      .join("\n");

  it("starts with an uncompressed mimetype entry, as readers require", () => {
    const view = Buffer.from(bytes);
    expect(view.readUInt32LE(0)).toBe(0x04034b50);
    expect(view.readUInt16LE(8)).toBe(0); // stored
    const nameLength = view.readUInt16LE(26);
    expect(view.subarray(30, 30 + nameLength).toString()).toBe("mimetype");
    expect(strFromU8(entries["mimetype"]!)).toBe("application/epub+zip");
  });

  it("holds the released chapters, in order, with speaker names and posters in place of moving pictures", () => {
    const chapters = Object.keys(entries)
      .filter((n) => /chapter-\d+\.xhtml$/.test(n))
      .sort();
    expect(chapters).toEqual(["OEBPS/chapter-001.xhtml", "OEBPS/chapter-002.xhtml"]);
    const all = text();
    expect(markersIn(all, RELEASED)).toEqual(RELEASED);
    const first = strFromU8(entries["OEBPS/chapter-001.xhtml"]!);
    expect(first).toMatch(/<span class="speaker">[^<]+:<\/span>/);
    expect(first).toMatch(/<img src="images\/[0-9a-f]+\.jpg" alt="[^"]+"/);
    expect(first).toContain("This picture moves");
    expect(
      Object.keys(entries)
        .filter((n) => n.startsWith("OEBPS/images/"))
        .every((n) => n.endsWith(".jpg") || n.endsWith(".png")),
    ).toBe(true);
  });

  it("holds a chapter's Markdown table as an XHTML table with column headers", () => {
    const second = strFromU8(entries["OEBPS/chapter-002.xhtml"]!);
    expect(second).toContain('<div class="table-scroll" role="region" aria-label="Table: Hour, Reading" tabindex="0"><table><thead>');
    expect(second).toContain('<th scope="col">Hour</th>');
    expect(second).toContain('<td style="text-align:right">1012 hPa</td>');
  });

  it("holds nothing of an upcoming or draft chapter", () => {
    const all = Object.values(entries)
      .map((d) => Buffer.from(d).toString("latin1"))
      .join("\n");
    expect(markersIn(all, UNRELEASED)).toEqual([]);
  });

  it("is the same bytes when built again from the same release state", async () => {
    const snapshot = await loadContent(root, { cache: null });
    const { manifest } = await buildManifest(mediaRefsOf(snapshot.chapters), storeDir);
    const again = await buildStoryEpub(siteView(snapshot, FROZEN, "reader")!, manifest, path.join(storeDir, "files"));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  }, 120_000);

  it("passes EPUBCheck", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "installment-epub-")), "story.epub");
    writeFileSync(file, bytes);
    const result = spawnSync("java", ["-jar", EPUBCHECK, file], { encoding: "utf8" });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/No errors or warnings detected/);
  }, 120_000);
});
