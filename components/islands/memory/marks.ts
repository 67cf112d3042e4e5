// Reader memory: what this device remembers about the reader's reading, kept
// in localStorage only and never sent anywhere. Pure: storage access and time
// are the caller's. Nothing here is ever rendered as text: the home page only
// matches stored slugs against items the server rendered.
import { READING_MEMORY_KEY } from "../../chrome/prefs";

import { isObject, parseStoredObject } from "../../chrome/stored-json";

export const MEMORY_KEY = READING_MEMORY_KEY;

/** At or beyond this fraction a chapter counts as read. */
const READ_AT = 0.97;
/** Below this fraction a chapter counts as unread (opened, not read). */
const PARTLY_AT = 0.01;
const MAX_CHAPTERS = 1000;

export type ChapterMemory = { max: number; place: number; at: number };
/** `seen`: slugs on the home page at the last visit; null before the first visit. */
export type Memory = { seen: string[] | null; chapters: Record<string, ChapterMemory> };
export type Mark = { kind: "read" } | { kind: "partly"; percent: number } | { kind: "unread" };

export const EMPTY_MEMORY: Memory = Object.freeze({ seen: null, chapters: Object.freeze({}) }) as Memory;

const clamp = (n: number) => Math.min(1, Math.max(0, n));
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Parses stored memory; anything malformed is dropped (never throws). */
export function parseMemory(raw: string | null | undefined): Memory {
  const v = parseStoredObject(raw);
  if (!v || v.v !== 1) return EMPTY_MEMORY;
  const seen = Array.isArray(v.seen) ? v.seen.filter((s): s is string => typeof s === "string" && s !== "") : null;
  const chapters: Record<string, ChapterMemory> = {};
  if (isObject(v.chapters)) {
    for (const [slug, c] of Object.entries(v.chapters).slice(0, MAX_CHAPTERS)) {
      if (slug === "" || !isObject(c) || !finite(c.max) || !finite(c.place) || !finite(c.at)) continue;
      chapters[slug] = { max: clamp(c.max), place: clamp(c.place), at: c.at };
    }
  }
  return { seen, chapters };
}

export function serializeMemory(m: Memory): string {
  return JSON.stringify({ v: 1, seen: m.seen, chapters: m.chapters });
}

/** Records a scroll position in a chapter: the furthest point only grows; the place is the latest. */
export function recordProgress(m: Memory, slug: string, fraction: number, at: number): Memory {
  const f = clamp(finite(fraction) ? fraction : 0);
  const prev = m.chapters[slug];
  const chapters = { ...m.chapters, [slug]: { max: Math.max(prev?.max ?? 0, f), place: f, at } };
  const slugs = Object.keys(chapters);
  if (slugs.length > MAX_CHAPTERS) {
    // Forget the chapters touched longest ago.
    slugs.sort((a, b) => chapters[a]!.at - chapters[b]!.at);
    for (const old of slugs.slice(0, slugs.length - MAX_CHAPTERS)) delete chapters[old];
  }
  return { ...m, chapters };
}

/** Remembers which chapters the home page listed at this visit. */
export function recordVisit(m: Memory, listed: readonly string[]): Memory {
  return { ...m, seen: [...new Set(listed)].slice(0, MAX_CHAPTERS) };
}

export function chapterMark(m: Memory, slug: string): Mark {
  const c = m.chapters[slug];
  if (!c || c.max < PARTLY_AT) return { kind: "unread" };
  if (c.max >= READ_AT) return { kind: "read" };
  return { kind: "partly", percent: Math.max(1, Math.min(99, Math.round(c.max * 100))) };
}

/** The stored place in a chapter, or null if it was never opened. */
export function resumeFraction(m: Memory, slug: string): number | null {
  return m.chapters[slug]?.place ?? null;
}

/** Listed chapters the previous visit did not list; nothing on a first visit. */
export function newSince(seen: readonly string[] | null, listed: readonly string[]): string[] {
  if (seen === null) return [];
  const before = new Set(seen);
  return listed.filter((s) => !before.has(s));
}

/** Announcement for the count at the top of the home page ("" when nothing is new). */
export function newCountText(n: number): string {
  if (n <= 0) return "";
  return n === 1 ? "1 new chapter since your last visit" : `${n} new chapters since your last visit`;
}
