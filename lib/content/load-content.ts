import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ChapterResult, Diagnostic, MediaRef, Story } from "./types";
import type { Schedule } from "../schedule/types";
import { findChapters } from "./find-chapters";
import { loadStory } from "./load-story";
import { loadChapter, type LoadChapterStats } from "./load-chapter";
import type { CompileCache } from "./compile-cache";
import { parseSchedule } from "../schedule/parse-schedule";
import { keepGoodChapters } from "./last-good";

/** Everything the site knows about a content root at one moment. */
export interface ContentSnapshot {
  root: string;
  story: Story | null;
  /** Sorted by chapter number; failed chapters carry their diagnostics. */
  chapters: ChapterResult[];
  schedule: Schedule | null;
  /** Problems outside chapters: story.yaml, schedule.yaml, file names (and, on a live site, those of chapters replaced by their last good version). */
  diagnostics: Diagnostic[];
  /** Files (relative to the root) whose last good version is served because the new one has errors. */
  kept: string[];
  stats: LoadChapterStats;
}

export interface LoadContentOptions {
  cache: CompileCache | null;
  /** How many chapters compile at once. */
  concurrency?: number;
  /**
   * The snapshot a live site serves now. When given, a story.yaml or
   * schedule.yaml with errors, or a chapter that fails, is replaced by its
   * version in it (the errors are still reported), so a typo never empties
   * the site or unpublishes anything.
   */
  lastGood?: ContentSnapshot | null;
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
      kept: [],
      stats,
    };
  }
  const lastGood = options.lastGood ?? null;
  const kept: string[] = [];
  const loaded = loadStory(root);
  diagnostics.push(...loaded.diagnostics);
  let story = loaded.story;
  if (!story && lastGood?.story) {
    story = lastGood.story;
    kept.push("story.yaml");
  }
  const found = findChapters(root);
  // A conflict's problems travel with the chapters it stops.
  diagnostics.push(...found.diagnostics.filter((d) => !found.conflicts.has(d.file)));

  let chapters: ChapterResult[] = new Array(found.chapters.length);
  if (story) {
    const storyForChapters = story;
    let next = 0;
    const worker = async () => {
      while (next < found.chapters.length) {
        const i = next++;
        const source = found.chapters[i]!;
        const conflict = found.conflicts.get(source.file);
        chapters[i] = conflict
          ? { ok: false, source, diagnostics: conflict }
          : await loadChapter(source, storyForChapters, root, options.cache, stats);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, found.chapters.length) }, worker));
  } else {
    found.chapters.forEach((source, i) => {
      chapters[i] = {
        ok: false,
        source,
        diagnostics: [
          {
            file: path.join(root, "story.yaml"),
            line: 1,
            column: 1,
            severity: "error",
            message: "story.yaml must be valid before chapters can be compiled",
          },
        ],
      };
    });
  }

  const scheduleFile = path.join(root, "schedule.yaml");
  let schedule: Schedule | null = null;
  if (existsSync(scheduleFile)) {
    const parsed = parseSchedule(readFileSync(scheduleFile, "utf8"), scheduleFile, found.chapters);
    schedule = parsed.schedule;
    diagnostics.push(...parsed.diagnostics);
    if (!schedule && lastGood?.schedule) {
      schedule = lastGood.schedule;
      kept.push("schedule.yaml");
    }
  }
  if (lastGood) {
    const { chapters: served, replaced } = keepGoodChapters(lastGood.chapters, chapters);
    chapters = served;
    for (const r of replaced) {
      diagnostics.push(...r.diagnostics);
      kept.push(r.source.relPath);
    }
  }
  return { root, story, chapters, schedule, diagnostics, kept, stats };
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

/** Every problem of a snapshot: story, schedule, file names and the chapters that failed. */
export function problemsOf(snapshot: ContentSnapshot): Diagnostic[] {
  return [...snapshot.diagnostics, ...snapshot.chapters.flatMap((c) => (c.ok ? [] : c.diagnostics))];
}
