// A chapter ten times as long as the heaviest one, for the Lighthouse bench:
// its body (dialogue, Scrolly steps, pictures) repeated, as one more chapter
// of a copy of the story, released an hour before now so the site, on the real
// clock, shows it. Media files are copied beside it: the store is
// content-addressed, so nothing is transcoded twice.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { findChapters } from "../../../lib/content/find-chapters";
import type { ChapterSource } from "../../../lib/content/types";
import { stripFrontmatter } from "./naive-chapter";
import { rescheduleChapter } from "./schedule-edit";

const ANCHORED_TAG = /<(?:Line|Step)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const PINNED_ID = /\bid=(["'])([A-Za-z][\w-]*)\1/;

/**
 * `body` repeated `times` times with a pause between. Ids an author pinned on
 * a <Line> or <Step> get a suffix per copy, so anchors stay unique; other
 * anchors are numbered by the compiler, and other ids (YouTube's) are kept.
 */
export function repeatedBody(body: string, times: number): string {
  const copy = (i: number) =>
    i === 0
      ? body.trim()
      : body.trim().replace(ANCHORED_TAG, (tag) => tag.replace(PINNED_ID, (_m, q: string, id: string) => `id=${q}${id}-x${i + 1}${q}`));
  return Array.from({ length: times }, (_, i) => copy(i)).join("\n\n<Pause />\n\n");
}

/** The .mdx of the long chapter: the source's frontmatter with a new title, its body `times` times. */
export function longChapterMdx(sourceMdx: string, times: number): string {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(sourceMdx)?.[1] ?? "";
  const data = (parseYaml(front) as Record<string, unknown> | null) ?? {};
  data.title = `${String(data.title ?? "Chapter")} (×${times})`;
  return `---\n${stringifyYaml(data).trimEnd()}\n---\n\n${repeatedBody(stripFrontmatter(sourceMdx), times)}\n`;
}

export interface LongChapter {
  number: number;
  slug: string;
}

/**
 * Adds the long chapter to the story at `root` (a copy: it is written to; the
 * source is one of its chapters) as the chapter after the last, in the same
 * form as `source`: a folder with its media, or a single file beside it.
 */
export function addLongChapter(root: string, source: ChapterSource, times = 10): LongChapter {
  const number = Math.max(...findChapters(root).chapters.map((c) => c.number)) + 1;
  const slug = `${source.slug}-${times}x`;
  const name = `${String(number).padStart(2, "0")}-${slug}`;
  const mdx = longChapterMdx(readFileSync(source.file, "utf8"), times);
  if (path.basename(source.file) === "index.mdx") {
    const dir = path.join(path.dirname(source.dir), name);
    cpSync(source.dir, dir, { recursive: true, filter: (f) => f !== source.file });
    writeFileSync(path.join(dir, "index.mdx"), mdx);
  } else {
    writeFileSync(path.join(path.dirname(source.file), `${name}.mdx`), mdx);
  }
  const scheduleFile = path.join(root, "schedule.yaml");
  const anHourAgo = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
  writeFileSync(scheduleFile, rescheduleChapter(readFileSync(scheduleFile, "utf8"), number, anHourAgo));
  return { number, slug };
}
