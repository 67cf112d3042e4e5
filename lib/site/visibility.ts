import type { ContentSnapshot } from "../content/load-content";
import type { CompiledChapter, Story } from "../content/types";
import type { Schedule } from "../schedule/types";
import { stateOf, nextRelease, releaseStateKey } from "../schedule/release-state";
import { arcsHolding, groupByArc, type ArcGroup, type TocEntry } from "./arcs";
import { chapterFraming, noticeAt, type ChapterFraming, type VisibleNotice } from "./framing";

// The embargo lives here: every page, feed and file route asks these
// functions what a reader may see at `now`, and nothing else decides it.

export type Audience = "reader" | "preview";

export interface VisibleChapter {
  number: number;
  slug: string;
  title: string;
  summary: string | undefined;
  excerpt: string;
  cover: string | undefined;
  /** Release instant, or null for a draft seen in preview. */
  releasedAt: number | null;
  state: "released" | "upcoming" | "draft";
  /** Warnings, recap and note, with the story's default note applied. */
  framing: ChapterFraming;
  chapter: CompiledChapter;
}

export interface UpcomingChapter {
  number: number;
  at: number;
  /** Only when story.yaml sets revealUpcomingTitles. */
  title: string | undefined;
}

export interface SiteView {
  /** The story, with only the arcs this audience may know of (an arc's title is a spoiler until one of its chapters is out). */
  story: Story;
  /** What the audience can open, in chapter order. */
  chapters: VisibleChapter[];
  upcoming: UpcomingChapter[];
  /** The table of contents: chapters and announced ones, under the titles of public arcs only. */
  toc: ArcGroup<TocEntry>[];
  nextReleaseAt: number | null;
  /** The story notice if it is on at `now` (lib/site/framing.ts); not a chapter. */
  notice: VisibleNotice | null;
  /** The next release, or the next instant the notice comes or goes if sooner: no cache outlives it. */
  refreshAt: number | null;
  /** Changes exactly when the set of released chapters changes, or the notice comes or goes. */
  stateKey: string;
}

export function siteView(snapshot: ContentSnapshot, now: number, audience: Audience): SiteView | null {
  const story = snapshot.story;
  if (!story) return null;
  const schedule: Schedule = snapshot.schedule ?? { timezone: "UTC", releases: [] };
  const chapters: VisibleChapter[] = [];
  const upcoming: UpcomingChapter[] = [];
  for (const result of snapshot.chapters) {
    const number = result.ok ? result.chapter.source.number : result.source.number;
    const state = stateOf(schedule, number, now);
    // Two files may share a number (an error): the number is announced once, titled only by a chapter that compiled.
    if (state.state === "upcoming" && !upcoming.some((u) => u.number === number)) {
      const title = story.revealUpcomingTitles && result.ok ? result.chapter.frontmatter.title : undefined;
      upcoming.push({ number, at: state.at, title });
    }
    if (!result.ok) continue;
    if (state.state !== "released" && audience !== "preview") continue;
    const c = result.chapter;
    chapters.push({
      number,
      slug: c.source.slug,
      title: c.frontmatter.title,
      summary: c.frontmatter.summary,
      excerpt: c.excerpt,
      cover: c.frontmatter.cover,
      releasedAt: state.state === "draft" ? null : state.at,
      state: state.state,
      framing: chapterFraming(story, c.frontmatter),
      chapter: c,
    });
  }
  upcoming.sort((a, b) => a.at - b.at || a.number - b.number);
  const released = chapters.filter((c) => c.state === "released").map((c) => c.number);
  const announced = story.revealUpcomingTitles ? upcoming.map((u) => u.number) : [];
  const arcs = audience === "preview" ? story.arcs : arcsHolding(story.arcs, [...released, ...announced]);
  const nextReleaseAt = nextRelease(schedule, now)?.at ?? null;
  const notice = noticeAt(story.notice, now);
  // The notice is decided here; pages get `view.notice`, never the raw one (it may not be on yet).
  const { notice: _raw, ...publicStory } = story;
  return {
    story: { ...publicStory, arcs },
    chapters,
    upcoming,
    toc: groupByArc(tableOfContents(chapters, upcoming), arcs),
    nextReleaseAt,
    notice: notice.notice,
    refreshAt: notice.changesAt !== null && (nextReleaseAt === null || notice.changesAt < nextReleaseAt) ? notice.changesAt : nextReleaseAt,
    stateKey: `${audience}:${releaseStateKey(schedule, now)}${notice.phase === "-" ? "" : `:notice-${notice.phase}`}`,
  };
}

/** Every chapter the audience can open, and every announced one it cannot yet, in number order. */
function tableOfContents(chapters: VisibleChapter[], upcoming: UpcomingChapter[]): TocEntry[] {
  const entries: TocEntry[] = [
    ...chapters.map((c): TocEntry => ({
      kind: "chapter",
      number: c.number,
      slug: c.slug,
      title: c.title,
      summary: c.summary,
      state: c.state,
      at: c.releasedAt,
    })),
    ...upcoming
      .filter((u) => !chapters.some((c) => c.number === u.number))
      .map((u): TocEntry => ({ kind: "upcoming", number: u.number, at: u.at, title: u.title })),
  ];
  return entries.sort((a, b) => a.number - b.number);
}

export function findVisible(
  view: SiteView,
  slug: string,
): { chapter: VisibleChapter; prev: VisibleChapter | null; next: VisibleChapter | null } | null {
  const index = view.chapters.findIndex((c) => c.slug === slug);
  if (index < 0) return null;
  return {
    chapter: view.chapters[index]!,
    prev: view.chapters[index - 1] ?? null,
    next: view.chapters[index + 1] ?? null,
  };
}

/** Seconds a shared cache may keep a page: never past the next release (or the notice coming or going). */
export function cacheSeconds(
  view: Pick<SiteView, "nextReleaseAt"> & Partial<Pick<SiteView, "refreshAt">>,
  now: number,
  ceiling = 60,
): number {
  const until = view.refreshAt !== undefined ? view.refreshAt : view.nextReleaseAt;
  if (until === null) return ceiling;
  return Math.max(0, Math.min(ceiling, Math.floor((until - now) / 1000) - 1));
}
