import type { CastMember } from "../types";
import type { Reporter } from "./jsx";

/** What a plugin that reads speakers is given: the cast, where to report, and the chapter's text (for true columns). */
export interface SpeakerPluginOptions {
  cast: Record<string, CastMember>;
  report: Reporter;
  source: string;
}

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
