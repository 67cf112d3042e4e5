// What a reader's browser stored may be anything (another version's shape, a
// hand edit, a truncated write): read it back without ever throwing.

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The stored JSON object, or null for anything else (nothing, malformed JSON, an array, a primitive). */
export function parseStoredObject(raw: string | null | undefined): Record<string, unknown> | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  return isObject(v) ? v : null;
}
