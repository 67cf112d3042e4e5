// Anchor ids for dialogue lines and Scrolly steps, derived from their content
// (speaker + words, or media + words) so that editing, adding or removing
// other lines does not move them. Repeats get -2, -3… in document order.

export type AnchorKind = "line" | "step";

/** Case- and spacing-insensitive 32-bit FNV-1a of the content, as 6 base-36 characters. */
export function contentHash(key: string): string {
  const normal = key.toLowerCase().replace(/\s+/g, " ").trim();
  let h = 0x811c9dc5;
  for (const ch of normal) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0").slice(-6);
}

/** Hands out unique ids within one chapter. */
export class AnchorNamer {
  private readonly used = new Set<string>();

  /** Reserves an id the author pinned; false when it is already taken. */
  claim(id: string): boolean {
    if (this.used.has(id)) return false;
    this.used.add(id);
    return true;
  }

  name(kind: AnchorKind, key: string): string {
    const base = `${kind}-${contentHash(key)}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
