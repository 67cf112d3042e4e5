import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntime, type Runtime } from "../../lib/server/runtime";
import { siteView } from "../../lib/site/visibility";
import { tempStory, STORY_YAML } from "../helpers/temp-story";

// A live site keeps serving the last good content when an edit breaks
// story.yaml, schedule.yaml or the chapter files, and says what is wrong.

const chapter = (t: string) => `---\ntitle: ${t}\n---\n\nHello from ${t}.\n`;
const SCHEDULE = "timezone: UTC\nreleases:\n  - at: 2026-01-01T09:00\n    chapters: [1, 2]\n  - at: 2099-01-01T09:00\n    chapters: [3]\n";
const NOW = Date.UTC(2026, 5, 1);

describe("a production runtime keeps the last good content", () => {
  let root: string;
  let runtime: Runtime;
  const logged: string[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.INSTALLMENT_CACHE_DIR = mkdtempSync(path.join(tmpdir(), "installment-cache-"));
    delete process.env.RELEASE_CLOCK;
    root = tempStory({
      "01-dawn.mdx": chapter("Dawn"),
      "02-noon.mdx": chapter("Noon"),
      "03-dusk.mdx": chapter("Dusk"),
      "schedule.yaml": SCHEDULE,
    });
    runtime = createRuntime({ mode: "production", root, watch: false, log: (line) => logged.push(line) });
    await runtime.ready;
  });
  afterAll(() => {
    runtime?.close();
    process.env = saved;
  });

  const released = () => siteView(runtime.snapshot(), NOW, "reader")?.chapters.map((c) => c.title) ?? [];
  const problems = () => runtime.snapshot().diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column}  ${d.message}`);

  it("starts with chapters 1 and 2 released", () => {
    expect(released()).toEqual(["Dawn", "Noon"]);
  });

  it("a typo in schedule.yaml: the last good schedule stays, the error is logged and kept for the dashboard", async () => {
    writeFileSync(path.join(root, "schedule.yaml"), SCHEDULE.replace("timezone: UTC", "timezone: Mars/Olympus"));
    logged.length = 0;
    await runtime.reload();
    expect(released()).toEqual(["Dawn", "Noon"]);
    expect(problems()).toEqual([expect.stringMatching(/^schedule\.yaml:1:11 {2}unknown time zone "Mars\/Olympus"/)]);
    expect(logged).toEqual(expect.arrayContaining([expect.stringMatching(/schedule\.yaml:1:11 {2}unknown time zone "Mars\/Olympus"/)]));
    expect(runtime.snapshot().kept).toEqual(expect.arrayContaining(["schedule.yaml"]));
    // Fixed: the error goes away.
    writeFileSync(path.join(root, "schedule.yaml"), SCHEDULE);
    await runtime.reload();
    expect(problems()).toEqual([]);
    expect(runtime.snapshot().kept).toEqual([]);
  });

  it("a typo in story.yaml: the story and every released chapter stay", async () => {
    writeFileSync(path.join(root, "story.yaml"), STORY_YAML.replace("title: Test Story", "title: [unclosed"));
    logged.length = 0;
    await runtime.reload();
    expect(released()).toEqual(["Dawn", "Noon"]);
    expect(runtime.snapshot().story?.title).toBe("Test Story");
    expect(problems()).toEqual([expect.stringMatching(/^story\.yaml:2:1 {2}YAML syntax error: /)]);
    expect(logged.some((l) => /story\.yaml:2:1 {2}YAML syntax error: /.test(l))).toBe(true);
    expect(runtime.snapshot().kept).toEqual(["story.yaml"]);
    writeFileSync(path.join(root, "story.yaml"), STORY_YAML);
    await runtime.reload();
    expect(problems()).toEqual([]);
  });

  it("a second file with a released chapter's number: neither goes public, the last good chapter stays", async () => {
    writeFileSync(path.join(root, "01-dawn-rewrite.mdx"), chapter("Rewrite"));
    writeFileSync(path.join(root, "01-dawn.mdx"), chapter("Dawn, edited"));
    await runtime.reload();
    const view = siteView(runtime.snapshot(), NOW, "reader")!;
    expect(view.chapters.map((c) => `${c.slug}: ${c.title}`)).toEqual(["dawn: Dawn", "noon: Noon"]);
    rmSync(path.join(root, "01-dawn-rewrite.mdx"));
    await runtime.reload();
    expect(released()).toEqual(["Dawn, edited", "Noon"]);
  });
});
