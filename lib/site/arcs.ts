import type { Arc } from "../content/types";

export interface ArcGroup<T> {
  title: string | null;
  items: T[];
}

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
