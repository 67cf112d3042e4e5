import type { ContentSnapshot } from "../content/load-content";
import { betaCandidates } from "../site/beta-view";
import { formatIso, formatWallTime } from "../schedule/format";
import { BETA_DEFAULT_DAYS, betaLinkKey, betaLinkPath, betaLinkStore } from "./beta-links";
import { BETA_FORM_PATH } from "./beta-form-path";

// What the dashboard's "Beta-reader links" section shows: plain data.

export interface BetaLinkRow {
  id: string;
  slug: string;
  /** "Chapter 3: Title", or the slug when the chapter is gone. */
  label: string;
  path: string;
  /** The link as a beta reader pastes it (the story's siteUrl + path). */
  url: string;
  expiresIso: string;
  expiresWallTime: string;
  revoked: boolean;
  /** Released since: the link now leads to the public page. */
  released: boolean;
}

export interface BetaLinksData {
  formPath: string;
  candidates: { slug: string; label: string }[];
  links: BetaLinkRow[];
  dayChoices: number[];
  defaultDays: number;
}

/** `storyNow` decides what is released; `realNow` which links have expired (they last real days). */
export function betaLinksData(snapshot: ContentSnapshot, storyNow: number, realNow: number, editorToken: string): BetaLinksData {
  const zone = snapshot.schedule?.timezone ?? "UTC";
  const siteUrl = (snapshot.story?.siteUrl ?? "").replace(/\/$/, "");
  const candidates = betaCandidates(snapshot, storyNow);
  const key = betaLinkKey(editorToken);
  const titles = new Map(
    snapshot.chapters.flatMap((c) =>
      c.ok ? [[c.chapter.source.slug, `Chapter ${c.chapter.source.number}: ${c.chapter.frontmatter.title}`] as const] : [],
    ),
  );
  const links = betaLinkStore()
    .list(realNow)
    .map((l): BetaLinkRow => {
      const path = betaLinkPath(key, l);
      return {
        id: l.id,
        slug: l.slug,
        label: titles.get(l.slug) ?? l.slug,
        path,
        url: siteUrl + path,
        expiresIso: formatIso(l.expires),
        expiresWallTime: formatWallTime(l.expires, zone),
        revoked: l.revoked,
        released: titles.has(l.slug) && !candidates.some((c) => c.slug === l.slug),
      };
    });
  return {
    formPath: BETA_FORM_PATH,
    candidates: candidates.map((c) => ({ slug: c.slug, label: `Chapter ${c.number}: ${c.title}${c.state === "draft" ? " (draft)" : ""}` })),
    links,
    dayChoices: [1, 3, BETA_DEFAULT_DAYS, 14, 30],
    defaultDays: BETA_DEFAULT_DAYS,
  };
}
