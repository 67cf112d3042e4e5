import type { CastMember } from "../types";

export const LINE_VARIANTS = ["interrupting", "radio", "closer"] as const;
export type LineVariant = (typeof LINE_VARIANTS)[number];

export function isLineVariant(v: string): v is LineVariant {
  return (LINE_VARIANTS as readonly string[]).includes(v);
}

/** Resolves a speaker written as a cast id or name, in any case, to its cast id. */
export function speakerResolver(cast: Record<string, CastMember>): (written: string) => string | null {
  const byKey = new Map<string, string>();
  for (const member of Object.values(cast)) {
    byKey.set(member.id.toLowerCase(), member.id);
    byKey.set(member.name.toLowerCase(), member.id);
  }
  return (written) => byKey.get(written.trim().toLowerCase()) ?? null;
}
