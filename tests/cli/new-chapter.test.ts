import { existsSync, readFileSync, readdirSync, renameSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chapterTemplate, slugify, yamlTitle } from "../../lib/content/chapter-template";
import { copyFixture, listing, removeTemps, runScript, STACK_LINE, tempDir } from "./run";

afterAll(removeTemps);

describe("slugs and the template", () => {
  it("makes ASCII slugs from titles", () => {
    expect(slugify("The Game")).toBe("the-game");
    expect(slugify("  Pioneer: Awake!  ")).toBe("pioneer-awake");
    expect(slugify("Café Müller's Ærø")).toBe("cafe-mullers-aero");
    expect(slugify("Chapter 10 — Ten Points")).toBe("chapter-10-ten-points");
    expect(slugify("???")).toBe("");
  });

  it("quotes a title only when YAML needs it", () => {
    expect(yamlTitle("The Game")).toBe("The Game");
    expect(yamlTitle("Pioneer: Awake")).toBe('"Pioneer: Awake"');
    expect(yamlTitle("yes")).toBe('"yes"');
    expect(yamlTitle("10")).toBe('"10"');
    expect(yamlTitle('"Quoted"')).toBe('"\\"Quoted\\""');
  });

  it("uses the story's cast ids, a variant, a Pause, and comments out media", () => {
    const text = chapterTemplate({
      title: "T",
      cast: [
        { id: "nine", name: "Nine", color: "#ff6767", lane: 1 },
        { id: "ten", name: "Ten", color: "#92ff92", lane: 0 },
      ],
    });
    expect(text).toMatch(/^<Dialogue>\nNINE: .+\nTEN: .+\n/m);
    expect(text).toMatch(/^NINE \(interrupting\): /m);
    expect(text).toMatch(/^<Pause \/>$/m);
    // Every media example is inside an MDX comment.
    const uncommented = text.replace(/\{\/\*[\s\S]*?\*\/\}/g, "");
    for (const tag of ["<Gif", "<Still", "<Scrolly", "<Step", "<YouTube"]) {
      expect(text).toContain(tag);
      expect(uncommented).not.toContain(tag);
    }
  });
});

// Each case spawns tsx; give them room on a busy machine.
describe("npm run new-chapter", { timeout: 240_000 }, () => {
  it("creates the next-numbered NN-slug/index.mdx, which then passes check", () => {
    const root = copyFixture("good");
    const r = runScript("new-chapter.ts", ["Pioneer: Asleep", "--chapters", root]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = path.join(root, "05-pioneer-asleep", "index.mdx");
    expect(existsSync(file)).toBe(true);
    expect(r.stdout).toContain(`Created ${file} (chapter 5, "Pioneer: Asleep")`);
    expect(r.stdout).toContain("preview it with npm run dev at http://localhost:3000/pioneer-asleep");
    expect(r.stdout).toContain("it is a draft until you add it to schedule.yaml");
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^---\ntitle: "Pioneer: Asleep"\n/);
    expect(text).toMatch(/^NINE: /m);
    expect(text).toMatch(/^TEN: /m);
    expect(text).toContain("(nine, ten, juice)"); // the whole cast is named

    const check = runScript("check.ts", ["--chapters", root], { INSTALLMENT_CACHE_DIR: tempDir("cache") });
    expect(check.stdout).toContain("✔ 5 chapters, story and schedule are valid\n");
    expect(check.code).toBe(0);
  });

  it("--single-file creates NN-slug.mdx; numbers pad to two digits and grow past 99", () => {
    const root = copyFixture("bad-zone");
    const r = runScript("new-chapter.ts", ["Second", "--chapters", root, "--single-file"]);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(root, "02-second.mdx"))).toBe(true);
    // With one cast member the template still compiles.
    const check = runScript("check.ts", ["--chapters", root], { INSTALLMENT_CACHE_DIR: tempDir("cache") });
    expect(check.stdout).not.toContain("02-second");
    expect(check.stdout).toContain("✖ 1 problem (1 error, 0 warnings) in 1 file"); // only the fixture's bad zone

    const big = copyFixture("bad-zone");
    const renamed = path.join(big, "099-only.mdx");
    renameSync(path.join(big, "01-only.mdx"), renamed);
    expect(runScript("new-chapter.ts", ["Hundred", "--chapters", big, "--single-file", "--slug", "one-hundred"]).code).toBe(0);
    expect(
      readdirSync(big)
        .filter((f) => f.endsWith(".mdx"))
        .sort(),
    ).toEqual(["099-only.mdx", "100-one-hundred.mdx"]);
  });

  it("refuses an empty title and a taken slug with one line, exit 1, writing nothing", () => {
    const root = copyFixture("good");
    const before = listing(root);
    const cases: [string[], RegExp][] = [
      [["", "--chapters", root], /^new-chapter: the title is empty/],
      [["   ", "--chapters", root], /^new-chapter: the title is empty/],
      [["Field", "--chapters", root], /^new-chapter: slug "field" is taken by .*04-field\.mdx/],
      [["The Probe!", "--chapters", root], /^new-chapter: slug "the-probe" is taken by .*01-the-probe\/index\.mdx/],
      [["!!!", "--chapters", root], /^new-chapter: cannot make a slug from the title "!!!": pass --slug/],
      // Slugs `check` rejects as the site's own paths are refused here too.
      [["404", "--chapters", root], /^new-chapter: slug "404" is a path the site already uses/],
      [["500", "--chapters", root], /^new-chapter: slug "500" is a path the site already uses/],
      [["Media", "--chapters", root], /^new-chapter: slug "media" is a path the site already uses/],
      [["Beta", "--chapters", root], /^new-chapter: slug "beta" is a path the site already uses/],
    ];
    for (const [args, message] of cases) {
      const r = runScript("new-chapter.ts", args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
    expect(listing(root)).toEqual(before);
  });

  it("bad usage exits 2 with one line", () => {
    const cases: [string[], RegExp][] = [
      [[], /^new-chapter: missing required argument 'title'$/],
      [["T", "--chapters", "/no/such/folder"], /^new-chapter: --chapters "\/no\/such\/folder" does not exist$/],
      [["T", "--slug", "Not A Slug", "--chapters", copyFixture("good")], /^new-chapter: --slug "Not A Slug" is not a slug/],
      [["T", "--bogus"], /^new-chapter: unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const r = runScript("new-chapter.ts", args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});
