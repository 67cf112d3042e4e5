// The reader's place: what is stored, and how it is read back safely.

import { parseStoredObject } from "./stored-json";

export const PLACE_KEY = "installment:place";
export const RESUME_HASH = "#resume";

export type Place = { slug: string; title: string; fraction: number; at: number };

/** Parse a stored place; anything malformed is null (never throws). */
export function parsePlace(raw: string | null | undefined): Place | null {
  const v = parseStoredObject(raw);
  if (!v) return null;
  const { slug, title, fraction, at } = v;
  if (typeof slug !== "string" || slug === "" || typeof title !== "string") return null;
  if (typeof fraction !== "number" || !Number.isFinite(fraction)) return null;
  if (typeof at !== "number" || !Number.isFinite(at)) return null;
  return { slug, title, fraction: Math.min(1, Math.max(0, fraction)), at };
}

export function serializePlace(p: Place): string {
  return JSON.stringify({ slug: p.slug, title: p.title, fraction: p.fraction, at: p.at });
}

/**
 * What the home page offers: the stored chapter if the reader can open it
 * (its slug is among the known, released chapters), with the current title.
 */
export function continueTarget(
  place: Place | null,
  known: readonly { slug: string; title: string }[],
): { href: string; title: string } | null {
  if (!place) return null;
  const hit = known.find((k) => k.slug === place.slug);
  if (!hit) return null;
  return { href: `/${encodeURIComponent(hit.slug)}${RESUME_HASH}`, title: hit.title };
}
