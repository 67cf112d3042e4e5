import type { Arc } from "../content/types";

// Arcs (story.yaml) and the table of contents. An arc's title is a spoiler
// like a chapter's: it is public only once a chapter of the arc is released
// (or announced, when the story reveals upcoming titles).

export interface ArcGroup<T> {
  title: string | null;
  items: T[];
}

/** One line of the table of contents: a chapter the audience can open, or an announced one. */
export type TocEntry =
  | {
      kind: "chapter";
      number: number;
      slug: string;
      title: string;
      summary: string | undefined;
      state: "released" | "upcoming" | "draft";
      at: number | null;
    }
  | { kind: "upcoming"; number: number; at: number; title: string | undefined };

/** Groups chapters by the story's arcs; chapters outside every arc form untitled groups. */
export function groupByArc<T extends { number: number }>(items: T[], arcs: Arc[]): ArcGroup<T>[] {
  const groups: ArcGroup<T>[] = [];
  for (const item of items) {
    const arc = arcs.find((a) => item.number >= a.from && item.number <= a.to);
    const title = arc?.title ?? null;
    const last = groups[groups.length - 1];
    if (last && last.title === title) last.items.push(item);
    else groups.push({ title, items: [item] });
  }
  return groups;
}

/** The arcs whose titles may be shown: those holding one of the given chapter numbers. */
export function arcsHolding(arcs: Arc[], numbers: Iterable<number>): Arc[] {
  const list = [...numbers];
  return arcs.filter((a) => list.some((n) => n >= a.from && n <= a.to));
}
