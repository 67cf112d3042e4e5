// A generated story for the build bench: N small chapters of dialogue (no
// media), with the sample story's cast, so compile cost can be measured
// against the number of chapters. Pure text generation plus one writer.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const CAST = ["MARGO", "PIP", "ODELL"];
const WORDS =
  "pressure wind front station balloon buoy radio static report summit chart cloud storm eye record night morning quiet falling rising signal sea light".split(
    " ",
  );

/** Deterministic pseudo-random sequence (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The .mdx text of generated chapter n: frontmatter and two dialogue blocks around a pause. */
export function generatedChapterMdx(n: number, edit = 0): string {
  const r = rng(n * 7919 + edit);
  const line = () => {
    const who = CAST[Math.floor(r() * CAST.length)]!;
    const len = 6 + Math.floor(r() * 10);
    const words = Array.from({ length: len }, () => WORDS[Math.floor(r() * WORDS.length)]!);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return `${who}: ${words.join(" ")}.`;
  };
  const block = (k: number) => `<Dialogue>\n${Array.from({ length: k }, line).join("\n\n")}\n</Dialogue>`;
  return `---\ntitle: Report ${n}${edit ? ` (revised ${edit})` : ""}\nsummary: Generated chapter ${n} for the build bench.\n---\n\n${block(6)}\n\n<Pause />\n\n${block(6)}\n`;
}

export const GENERATED_STORY_YAML = `title: Generated Forecast
description: A generated story for the build bench.
language: en
siteUrl: http://localhost:3000
cast:
  buoy:
    name: Margo
    color: "#5fd4ff"
    lane: 0
  sonde:
    name: Pip
    color: "#e0a8ff"
    lane: 1
  summit:
    name: Odell
    color: "#ffb454"
    lane: 2
revealUpcomingTitles: false
`;

/** Folder name of chapter n, e.g. "0042-report-42". */
export function generatedChapterDir(n: number): string {
  return `${String(n).padStart(4, "0")}-report-${n}`;
}

/** Writes a story of `count` chapters under `root` (story.yaml, NNNN-report-N/index.mdx). */
export function writeGeneratedStory(root: string, count: number): void {
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, "story.yaml"), GENERATED_STORY_YAML);
  for (let n = 1; n <= count; n++) {
    const dir = path.join(root, generatedChapterDir(n));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "index.mdx"), generatedChapterMdx(n));
  }
}
