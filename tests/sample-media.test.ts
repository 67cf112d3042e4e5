import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSampleMedia } from "../scripts/sample-media/ensure";
import { SAMPLE_MEDIA, type GifRecipe, type MediaRecipe } from "../scripts/sample-media/recipes";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const chaptersDir = path.join(repo, "chapters");

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function gifRecipe(rel: string): GifRecipe {
  const r = SAMPLE_MEDIA[rel];
  if (!r || r.kind !== "gif") throw new Error(`${rel} is not a GIF recipe`);
  return r;
}

// The real scenes at a tiny size: same code paths (scrolling textures, held
// textures, a lavfi generator, colour ramps, still encoders), a fraction of the time.
const small: Record<string, MediaRecipe> = {
  "01-one/media/ocean.gif": { ...gifRecipe("01-are-you-awake/media/ocean.gif"), width: 160, height: 90, fps: 8, seconds: 1 },
  "01-one/media/radar.gif": { ...gifRecipe("02-station-report/media/radar.gif"), width: 120, height: 120, fps: 8, seconds: 1 },
  "02-two/media/life.gif": { ...gifRecipe("07-intermission/media/life.gif"), width: 96, height: 96, fps: 8, seconds: 1 },
  "02-two/media/cover.jpg": { ...SAMPLE_MEDIA["08-clearing/media/cover.jpg"]!, width: 320, height: 180 },
  "02-two/media/map.png": { ...SAMPLE_MEDIA["08-clearing/media/survey-map.png"]!, width: 200, height: 125 },
  // Its chapter folder does not exist in the root: never generated.
  "03-absent/media/nothing.gif": { ...gifRecipe("06-the-front/media/rain.gif"), width: 64, height: 64, fps: 4, seconds: 1 },
};

describe("ensureSampleMedia", () => {
  let root: string;
  const firstHashes = new Map<string, string>();
  let firstGenerated: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "sample-media-"));
    mkdirSync(path.join(root, "01-one"));
    mkdirSync(path.join(root, "02-two"));
    ({ generated: firstGenerated } = await ensureSampleMedia(root, { recipes: small }));
    for (const rel of firstGenerated) firstHashes.set(rel, sha256(path.join(root, rel)));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("makes every missing file of chapters that exist, and nothing else", () => {
    expect(firstGenerated).toEqual([
      "01-one/media/ocean.gif",
      "01-one/media/radar.gif",
      "02-two/media/cover.jpg",
      "02-two/media/life.gif",
      "02-two/media/map.png",
    ]);
    expect(existsSync(path.join(root, "03-absent"))).toBe(false);
    // No half-written files left behind.
    for (const dir of ["01-one/media", "02-two/media"]) {
      expect(readdirSync(path.join(root, dir)).filter((f) => f.startsWith("."))).toEqual([]);
    }
  });

  it("produces animated GIFs of the recipe's size and frame count", async () => {
    for (const rel of ["01-one/media/ocean.gif", "01-one/media/radar.gif", "02-two/media/life.gif"]) {
      const recipe = small[rel] as GifRecipe;
      const meta = await sharp(path.join(root, rel), { animated: true }).metadata();
      expect(meta.format, rel).toBe("gif");
      expect(meta.pages, rel).toBe(recipe.fps * recipe.seconds);
      expect(meta.pages!, rel).toBeGreaterThan(1);
      expect(meta.width, rel).toBe(recipe.width);
      expect(meta.pageHeight ?? meta.height, rel).toBe(recipe.height);
      expect(meta.loop, rel).toBe(0); // loops forever
    }
  });

  it("produces stills in their formats", async () => {
    const jpg = await sharp(path.join(root, "02-two/media/cover.jpg")).metadata();
    expect([jpg.format, jpg.width, jpg.height]).toEqual(["jpeg", 320, 180]);
    const png = await sharp(path.join(root, "02-two/media/map.png")).metadata();
    expect([png.format, png.width, png.height]).toEqual(["png", 200, 125]);
  });

  it("moving pictures actually move: frames differ", async () => {
    const file = path.join(root, "01-one/media/ocean.gif");
    const frame = (page: number) => sharp(file, { page }).raw().toBuffer();
    const [a, b] = await Promise.all([frame(0), frame(4)]);
    expect(a.equals(b)).toBe(false);
  });

  it("generates nothing when every file is present", async () => {
    const { generated } = await ensureSampleMedia(root, { recipes: small });
    expect(generated).toEqual([]);
  });

  it("regenerates only what is missing", async () => {
    rmSync(path.join(root, "01-one/media/radar.gif"));
    const { generated } = await ensureSampleMedia(root, { recipes: small });
    expect(generated).toEqual(["01-one/media/radar.gif"]);
  });

  it("is deterministic: --force makes byte-identical files", async () => {
    const { generated } = await ensureSampleMedia(root, { recipes: small, force: true });
    expect(generated).toEqual(firstGenerated);
    for (const rel of generated) expect(sha256(path.join(root, rel)), rel).toBe(firstHashes.get(rel));
  });

  it("honours `only`", async () => {
    const { generated } = await ensureSampleMedia(root, { recipes: small, force: true, only: ["02-two/media/life.gif"] });
    expect(generated).toEqual(["02-two/media/life.gif"]);
  });
});

// ---------------------------------------------------------------------------

/** Media paths a chapter references (src=, media=, poster=, cover:), relative to the content root. */
function referencedMedia(): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  const add = (chapterFile: string, ref: string) => {
    const abs = path.resolve(path.dirname(chapterFile), ref);
    const rel = path.relative(chaptersDir, abs).split(path.sep).join("/");
    refs.set(rel, [...(refs.get(rel) ?? []), path.relative(repo, chapterFile)]);
  };
  for (const entry of readdirSync(chaptersDir)) {
    const abs = path.join(chaptersDir, entry);
    const file = statSync(abs).isDirectory() ? path.join(abs, "index.mdx") : abs;
    if (!file.endsWith(".mdx") || !existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\b(?:src|media|poster)\s*=\s*["']([^"']+)["']/g)) add(file, m[1]!);
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
    for (const m of front.matchAll(/^cover:\s*["']?([^"'\n]+?)["']?\s*$/gm)) add(file, m[1]!);
  }
  return refs;
}

describe("the sample story's media list", () => {
  const refs = referencedMedia();

  it("covers every media path the chapters reference", () => {
    expect(refs.size).toBeGreaterThan(20);
    const missing = [...refs.keys()].filter((rel) => !(rel in SAMPLE_MEDIA));
    expect(missing, `referenced but not generated: ${missing.join(", ")}`).toEqual([]);
  });

  it("has no recipe that no chapter uses", () => {
    const unused = Object.keys(SAMPLE_MEDIA).filter((rel) => !refs.has(rel));
    expect(unused).toEqual([]);
  });

  it("is GIF-heavy like the format: at least 12 GIFs of realistic size, length and rate", () => {
    const gifs = Object.entries(SAMPLE_MEDIA).filter((e): e is [string, GifRecipe] => e[1].kind === "gif");
    expect(gifs.length).toBeGreaterThanOrEqual(12);
    for (const [rel, r] of gifs) {
      expect(r.width, rel).toBeGreaterThanOrEqual(480);
      expect(r.width, rel).toBeLessThanOrEqual(800);
      expect(r.seconds, rel).toBeGreaterThanOrEqual(2);
      expect(r.seconds, rel).toBeLessThanOrEqual(5);
      expect(r.fps, rel).toBeGreaterThanOrEqual(10);
      expect(r.fps, rel).toBeLessThanOrEqual(15);
    }
    const aspects = new Set(gifs.map(([, r]) => (r.width / r.height).toFixed(2)));
    expect(aspects).toContain("1.78"); // 16:9
    expect(aspects).toContain("1.00"); // square
    expect(gifs.some(([, r]) => r.width / r.height >= 3)).toBe(true); // a wide panorama
  });

  it("keeps every generated file out of git", () => {
    const rels = Object.keys(SAMPLE_MEDIA).map((rel) => `chapters/${rel}`);
    const out = execFileSync("git", ["check-ignore", "--no-index", ...rels], { cwd: repo, encoding: "utf8" });
    expect(out.trim().split("\n").sort()).toEqual([...rels].sort());
  });

  // Sizes are deterministic; tests/global-setup.ts generates the real files first.
  it("generated GIFs weigh 0.5–4 MB each, as real ones would", () => {
    const gifs = Object.keys(SAMPLE_MEDIA).filter((rel) => SAMPLE_MEDIA[rel]!.kind === "gif");
    expect(gifs.length).toBeGreaterThanOrEqual(12);
    for (const rel of gifs) {
      expect(existsSync(path.join(chaptersDir, rel)), rel).toBe(true);
      const bytes = statSync(path.join(chaptersDir, rel)).size;
      expect(bytes, rel).toBeGreaterThanOrEqual(500 * 1024);
      expect(bytes, rel).toBeLessThanOrEqual(4 * 1024 * 1024);
    }
  });
});
