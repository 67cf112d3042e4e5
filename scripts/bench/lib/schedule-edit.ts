// Edits a story's schedule.yaml for a bench: one chapter moved to an instant.
import { parseDocument } from "yaml";

/** Rewrites a schedule so `chapter` (and only it) releases at `at`, an ISO instant with Z. */
export function rescheduleChapter(yamlText: string, chapter: number, at: string): string {
  const doc = parseDocument(yamlText);
  const releases = (doc.toJS() as { releases: { at: string; chapters: (number | string)[] }[] }).releases;
  const kept = releases
    .map((r) => ({ ...r, at: String(r.at), chapters: r.chapters.filter((c) => Number(c) !== chapter) }))
    .filter((r) => r.chapters.length);
  kept.push({ at, chapters: [chapter] });
  doc.set("releases", kept);
  return doc.toString();
}
