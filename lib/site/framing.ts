import type { Frontmatter, Story, StoryNotice } from "../content/types";

// Chapter framing and the story notice, as an audience sees them at `now`.
// Pure: the instant is passed in.

export interface ChapterFraming {
  /** Content warnings, shown before the chapter; empty when none. */
  warnings: string[];
  /** "Previously" markdown, or null. */
  recap: string | null;
  /** The author's note after the chapter (its own, else the story's), or null. */
  note: string | null;
}

export function chapterFraming(story: Pick<Story, "note">, fm: Frontmatter): ChapterFraming {
  const note = fm.note === false ? null : (fm.note ?? story.note ?? null);
  return { warnings: fm.warnings ?? [], recap: fm.recap ?? null, note };
}

/** The notice as shown: no instants (nothing to print about when it started or ends). */
export interface VisibleNotice {
  kind: StoryNotice["kind"];
  text: string;
}

export interface NoticeState {
  notice: VisibleNotice | null;
  /** "-" without a notice; otherwise before, on or after: part of the cache key. */
  phase: "-" | "before" | "on" | "after";
  /** The next instant after `now` at which the notice comes or goes, or null. */
  changesAt: number | null;
}

/** Whether the story notice shows at `now`: from `from` (inclusive) until `until` (exclusive). */
export function noticeAt(notice: StoryNotice | null | undefined, now: number): NoticeState {
  if (!notice) return { notice: null, phase: "-", changesAt: null };
  if (notice.from !== null && now < notice.from) return { notice: null, phase: "before", changesAt: notice.from };
  if (notice.until !== null && now >= notice.until) return { notice: null, phase: "after", changesAt: null };
  return { notice: { kind: notice.kind, text: notice.text }, phase: "on", changesAt: notice.until };
}
