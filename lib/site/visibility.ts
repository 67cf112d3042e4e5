import type { ContentSnapshot } from "../content/load-content";
import type { CompiledChapter, Story } from "../content/types";
import type { Schedule } from "../schedule/types";
import { stateOf, nextRelease, releaseStateKey } from "../schedule/release-state";

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
  chapter: CompiledChapter;
}

export interface UpcomingChapter {
  number: number;
  at: number;
  /** Only when story.yaml sets revealUpcomingTitles. */
  title: string | undefined;
}

export interface SiteView {
  story: Story;
  /** What the audience can open, in chapter order. */
  chapters: VisibleChapter[];
  upcoming: UpcomingChapter[];
  nextReleaseAt: number | null;
  /** Changes exactly when the set of released chapters changes. */
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
    if (state.state === "upcoming") {
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
      chapter: c,
    });
  }
  upcoming.sort((a, b) => a.at - b.at || a.number - b.number);
  return {
    story,
    chapters,
    upcoming,
    nextReleaseAt: nextRelease(schedule, now)?.at ?? null,
    stateKey: `${audience}:${releaseStateKey(schedule, now)}`,
  };
}

export function findVisible(view: SiteView, slug: string): { chapter: VisibleChapter; prev: VisibleChapter | null; next: VisibleChapter | null } | null {
  const index = view.chapters.findIndex((c) => c.slug === slug);
  if (index < 0) return null;
  return {
    chapter: view.chapters[index]!,
    prev: view.chapters[index - 1] ?? null,
    next: view.chapters[index + 1] ?? null,
  };
}

/** Seconds a shared cache may keep a page: never past the next release. */
export function cacheSeconds(view: Pick<SiteView, "nextReleaseAt">, now: number, ceiling = 60): number {
  if (view.nextReleaseAt === null) return ceiling;
  return Math.max(0, Math.min(ceiling, Math.floor((view.nextReleaseAt - now) / 1000) - 1));
}
