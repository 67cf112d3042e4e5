import type { ContentSnapshot } from "../content/load-content";
import { findVisible, siteView, type SiteView, type VisibleChapter } from "./visibility";

// Beta-reader links: what one early chapter's reader may see. The site as any
// reader sees it at `now`, plus that one chapter (as of the moment it will
// release: its release time, still marked upcoming), and nothing else that is
// unreleased: no link, title or arc of another chapter that is not out.

export type BetaLookup =
  { kind: "early"; view: SiteView; found: NonNullable<ReturnType<typeof findVisible>> } | { kind: "released"; slug: string } | null;

export function betaView(snapshot: ContentSnapshot, now: number, slug: string): BetaLookup {
  const reader = siteView(snapshot, now, "reader");
  if (!reader) return null;
  if (findVisible(reader, slug)) return { kind: "released", slug };
  const early = siteView(snapshot, now, "preview")?.chapters.find((c) => c.slug === slug);
  if (!early) return null;
  const view: SiteView = {
    ...reader,
    chapters: [...reader.chapters, early].sort((a, b) => a.number - b.number),
    upcoming: reader.upcoming.filter((u) => u.number !== early.number),
    // Never a reader's state: nothing rendered for a beta reader is shared with anyone.
    stateKey: `beta:${early.number}:${reader.stateKey}`,
  };
  return { kind: "early", view, found: findVisible(view, slug)! };
}

export interface BetaCandidate {
  number: number;
  slug: string;
  title: string;
  state: VisibleChapter["state"];
  releasedAt: number | null;
}

/** The chapters an editor can make a beta link to at `now`: unreleased ones that compile. */
export function betaCandidates(snapshot: ContentSnapshot, now: number): BetaCandidate[] {
  const all = siteView(snapshot, now, "preview")?.chapters ?? [];
  return all
    .filter((c) => c.state !== "released")
    .map((c) => ({ number: c.number, slug: c.slug, title: c.title, state: c.state, releasedAt: c.releasedAt }));
}
