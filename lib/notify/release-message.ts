import type { Release, Schedule } from "../schedule/types";
import type { SiteView, VisibleChapter } from "../site/visibility";

// The one message of a release instant, built from the same view model as the
// feeds (siteView for a reader at that instant): only chapters a reader can
// open then, with the feed's summary (or excerpt) and absolute links.

export type MessageView = {
  story: Pick<SiteView["story"], "title" | "siteUrl">;
  chapters: Pick<VisibleChapter, "number" | "slug" | "title" | "summary" | "excerpt" | "releasedAt" | "state">[];
};

export interface ReleaseMessage {
  /** The release instant as a file-name-safe ISO string: one outbox entry per key and endpoint. */
  key: string;
  at: number;
  story: { title: string; url: string };
  chapters: { number: number; title: string; summary: string; url: string }[];
}

export function releaseKey(at: number): string {
  return new Date(at).toISOString().replace(/:/g, "-");
}

/** The message for the release at `at`, or null when no chapter a reader can open came out then. */
export function releaseMessage(view: MessageView, at: number): ReleaseMessage | null {
  const base = view.story.siteUrl.replace(/\/+$/, "");
  const chapters = view.chapters
    .filter((c) => c.state === "released" && c.releasedAt === at)
    .map((c) => ({ number: c.number, title: c.title, summary: c.summary ?? c.excerpt, url: `${base}/${c.slug}` }));
  if (chapters.length === 0) return null;
  return { key: releaseKey(at), at, story: { title: view.story.title, url: `${base}/` }, chapters };
}

/** Releases out at `now` and at most `windowMs` old: older ones are the back catalogue, never announced. */
export function dueReleases(schedule: Schedule | null, now: number, windowMs: number): Release[] {
  return (schedule?.releases ?? []).filter((r) => r.at <= now && now - r.at <= windowMs);
}
