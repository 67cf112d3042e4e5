import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ChapterResult, Diagnostic, MediaRef, Story } from "./types";
import type { Schedule } from "../schedule/types";
import { findChapters } from "./find-chapters";
import { loadStory } from "./load-story";
import { loadChapter, type LoadChapterStats } from "./load-chapter";
import type { CompileCache } from "./compile-cache";
import { parseSchedule } from "../schedule/parse-schedule";

/** Everything the site knows about a content root at one moment. */
export interface ContentSnapshot {
  root: string;
  story: Story | null;
  /** Sorted by chapter number; failed chapters carry their diagnostics. */
  chapters: ChapterResult[];
  schedule: Schedule | null;
  /** Problems outside chapters: story.yaml, schedule.yaml, file names. */
  diagnostics: Diagnostic[];
  stats: LoadChapterStats;
}

export interface LoadContentOptions {
  cache: CompileCache | null;
  /** How many chapters compile at once. */
  concurrency?: number;
}

export async function loadContent(rootDir: string, options: LoadContentOptions): Promise<ContentSnapshot> {
  const root = path.resolve(rootDir);
  const diagnostics: Diagnostic[] = [];
  const stats: LoadChapterStats = { compiled: 0, cached: 0 };
  if (!existsSync(root)) {
    return {
      root,
      story: null,
      chapters: [],
      schedule: null,
      diagnostics: [{ file: root, line: 1, column: 1, severity: "error", message: "content root does not exist" }],
      stats,
    };
  }
  const { story, diagnostics: storyProblems } = loadStory(root);
  diagnostics.push(...storyProblems);
  const found = findChapters(root);
  diagnostics.push(...found.diagnostics);

  const chapters: ChapterResult[] = new Array(found.chapters.length);
  if (story) {
    let next = 0;
    const worker = async () => {
      while (next < found.chapters.length) {
        const i = next++;
        chapters[i] = await loadChapter(found.chapters[i]!, story, root, options.cache, stats);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, found.chapters.length) }, worker));
  } else {
    found.chapters.forEach((source, i) => {
      chapters[i] = { ok: false, source, diagnostics: [{ file: path.join(root, "story.yaml"), line: 1, column: 1, severity: "error", message: "story.yaml must be valid before chapters can be compiled" }] };
    });
  }

  const scheduleFile = path.join(root, "schedule.yaml");
  let schedule: Schedule | null = null;
  if (existsSync(scheduleFile)) {
    const parsed = parseSchedule(readFileSync(scheduleFile, "utf8"), scheduleFile, found.chapters);
    schedule = parsed.schedule;
    diagnostics.push(...parsed.diagnostics);
  } else {
    schedule = null;
  }
  return { root, story, chapters, schedule, diagnostics, stats };
}

/** Every media file the given chapters use, once each. */
export function mediaRefsOf(chapters: ChapterResult[]): MediaRef[] {
  const seen = new Map<string, MediaRef>();
  for (const c of chapters) {
    if (!c.ok) continue;
    for (const m of c.chapter.media) {
      const key = `${m.kind}:${m.path}`;
      if (!seen.has(key)) seen.set(key, m);
    }
  }
  return [...seen.values()];
}
