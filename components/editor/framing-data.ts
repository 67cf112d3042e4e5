import type { ContentSnapshot } from "../../lib/content/load-content";
import type { StoryNotice } from "../../lib/content/types";
import { chapterFraming, noticeAt } from "../../lib/site/framing";
import { formatIso, formatWallTime } from "../../lib/schedule/format";

// What the dashboard's Framing section shows: per chapter which framing it
// has, and the story notice with its state at the request's instant.

export interface FramingRow {
  number: number;
  slug: string;
  /** Null when the chapter does not compile. */
  title: string | null;
  warnings: string[];
  recap: boolean;
  /** Its own note, the story's default, off (note: false), or none at all. */
  note: "own" | "story" | "off" | "none";
}

export interface NoticeSummary {
  kind: StoryNotice["kind"];
  text: string;
  status: "scheduled" | "showing" | "over";
  fromIso: string | null;
  untilIso: string | null;
  fromWall: string | null;
  untilWall: string | null;
}

export interface FramingData {
  rows: FramingRow[];
  storyNote: boolean;
  notice: NoticeSummary | null;
}

export function framingData(snapshot: ContentSnapshot, now: number): FramingData {
  const story = snapshot.story;
  const zone = snapshot.schedule?.timezone ?? "UTC";
  const rows = snapshot.chapters.map((result): FramingRow => {
    const source = result.ok ? result.chapter.source : result.source;
    if (!result.ok) return { number: source.number, slug: source.slug, title: null, warnings: [], recap: false, note: "none" };
    const fm = result.chapter.frontmatter;
    const framing = chapterFraming({ note: story?.note ?? null }, fm);
    const note = fm.note === false ? "off" : typeof fm.note === "string" ? "own" : framing.note !== null ? "story" : "none";
    return { number: source.number, slug: source.slug, title: fm.title, warnings: framing.warnings, recap: framing.recap !== null, note };
  });
  const n = story?.notice ?? null;
  const state = noticeAt(n, now);
  const notice: NoticeSummary | null = n
    ? {
        kind: n.kind,
        text: n.text,
        status: state.phase === "before" ? "scheduled" : state.phase === "on" ? "showing" : "over",
        fromIso: n.from === null ? null : formatIso(n.from),
        untilIso: n.until === null ? null : formatIso(n.until),
        fromWall: n.from === null ? null : formatWallTime(n.from, zone),
        untilWall: n.until === null ? null : formatWallTime(n.until, zone),
      }
    : null;
  return { rows, storyNote: Boolean(story?.note), notice };
}
