import { isSeq, type Node } from "yaml";
import { z } from "zod";
import type { Diagnostic } from "../content/types";
import type { Release, Schedule } from "./types";
import { canonicalZone, resolveAt, zoneAbbreviation } from "./wall-time";
import { locateNode, nodeAt } from "../yaml/yaml-source";
import { validateYaml } from "../yaml/yaml-diagnostics";
import { formatWallTime } from "./format";

// Reads chapters/schedule.yaml. Every problem is reported (not only the first),
// each at the file, line and column of the value that caused it.

const chapterRef = z.union([z.int().positive(), z.string().min(1)], {
  error: "a chapter is a chapter number or a slug",
});

const releaseEntry = z.strictObject({
  at: z.string({ error: "`at` must be a release time like 2027-07-05T09:00" }),
  chapters: z.array(chapterRef, { error: "`chapters` must be a list like [1, 2]" }).min(1, {
    error: "a release needs at least one chapter",
  }),
});

const scheduleFile = z.strictObject({
  timezone: z.string({ error: "`timezone` is required: an IANA zone like America/New_York" }),
  releases: z.array(releaseEntry, { error: "`releases` must be a list of { at, chapters }" }).nullish(),
});

export interface ChapterRef {
  number: number;
  slug: string;
}

export interface ParsedSchedule {
  schedule: Schedule | null;
  diagnostics: Diagnostic[];
}

export function parseSchedule(text: string, file: string, chapters: readonly ChapterRef[]): ParsedSchedule {
  const diagnostics: Diagnostic[] = [];
  const err = (line: number, column: number, message: string) => diagnostics.push({ file, line, column, message, severity: "error" });
  const warn = (line: number, column: number, message: string) => diagnostics.push({ file, line, column, message, severity: "warning" });

  const { yaml: src, data, diagnostics: shapeProblems } = validateYaml(scheduleFile, text, file);
  if (src.doc.errors.length > 0) return { schedule: null, diagnostics: shapeProblems };
  if (src.doc.contents === null) {
    err(1, 1, "schedule.yaml is empty: it needs `timezone` (an IANA zone) and `releases`");
    return { schedule: null, diagnostics };
  }
  diagnostics.push(...shapeProblems);

  // Semantic checks run on whatever has the right shape, so one bad entry does
  // not hide problems in the others.
  const root = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  let zone: string | null = null;
  if (typeof root.timezone === "string") {
    zone = canonicalZone(root.timezone);
    if (!zone) {
      const at = locateNode(src, nodeAt(src, ["timezone"]));
      err(at.line, at.column, `unknown time zone ${quote(root.timezone)}: use an IANA zone like America/New_York or Europe/Paris`);
    }
  }

  const byNumber = new Map<number, ChapterRef>();
  const bySlug = new Map<string, ChapterRef>();
  for (const c of chapters) {
    byNumber.set(c.number, c);
    bySlug.set(c.slug, c);
  }

  const entries = Array.isArray(root.releases) ? (root.releases as unknown[]) : [];
  const releasesNode = nodeAt(src, ["releases"]);
  const seen = new Map<number, { line: number }>();
  const resolved: { at: number; chapters: number[]; line: number; refs: { n: number; node: Node | null }[] }[] = [];
  entries.forEach((entry, i) => {
    if (typeof entry !== "object" || entry === null) return;
    const e = entry as Record<string, unknown>;
    const itemNode = isSeq(releasesNode) ? (releasesNode.items[i] as Node | undefined) : undefined;
    const entryLine = locateNode(src, itemNode).line;
    let at: number | null = null;
    if (typeof e.at === "string" && zone) {
      const r = resolveAt(e.at, zone);
      const pos = locateNode(src, nodeAt(src, ["releases", i, "at"]));
      if (r.ok) {
        at = r.at;
        if (r.style === "offset") {
          const real = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
            .formatToParts(r.at)
            .find((p) => p.type === "timeZoneName")?.value;
          const written = /([+-]\d{2}:\d{2})$/.exec(e.at.trim())?.[1];
          const expected = real === "GMT" ? "+00:00" : real?.replace("GMT", "");
          if (written && expected && written !== expected) {
            warn(
              pos.line,
              pos.column,
              `${quote(e.at)} has offset ${written}, but ${zone} is at ${expected} then (${zoneAbbreviation(r.at, zone)}): it releases at ${formatWallTime(r.at, zone)}`,
            );
          }
        }
      } else {
        err(pos.line, pos.column, `releases[${i}].at: ${r.message}`);
      }
    }
    const refs: { n: number; node: Node | null }[] = [];
    if (Array.isArray(e.chapters)) {
      e.chapters.forEach((ref, j) => {
        const node = nodeAt(src, ["releases", i, "chapters", j]);
        const pos = locateNode(src, node);
        let chapter: ChapterRef | undefined;
        if (typeof ref === "number" && Number.isInteger(ref)) {
          chapter = byNumber.get(ref);
          if (!chapter) err(pos.line, pos.column, `unknown chapter ${ref}: no chapter file is numbered ${ref}`);
        } else if (typeof ref === "string") {
          chapter = bySlug.get(ref);
          if (!chapter) err(pos.line, pos.column, `unknown chapter ${quote(ref)}: no chapter has the slug ${quote(ref)}`);
        } else return;
        if (!chapter) return;
        const before = seen.get(chapter.number);
        if (before) {
          const as = typeof ref === "string" ? ` (as ${quote(ref)})` : "";
          err(pos.line, pos.column, `chapter ${chapter.number}${as} is listed twice: it is already listed on line ${before.line}`);
          return;
        }
        seen.set(chapter.number, { line: pos.line });
        refs.push({ n: chapter.number, node });
      });
    }
    if (at !== null && refs.length > 0) {
      resolved.push({ at, chapters: refs.map((r) => r.n), line: entryLine, refs });
    }
  });

  // Among scheduled chapters, a higher number may not come out before a lower one.
  if (zone) {
    const flat = resolved.flatMap((r) => r.refs.map((ref) => ({ n: ref.n, at: r.at, node: ref.node }))).sort((a, b) => a.n - b.n);
    let latest: { n: number; at: number; line: number } | null = null;
    for (const c of flat) {
      const pos = locateNode(src, c.node);
      if (latest && c.at < latest.at) {
        err(
          pos.line,
          pos.column,
          `chapter ${c.n} releases at ${formatWallTime(c.at, zone)}, before chapter ${latest.n} (${formatWallTime(latest.at, zone)}, line ${latest.line}): chapters must come out in order`,
        );
      }
      if (!latest || c.at >= latest.at) latest = { n: c.n, at: c.at, line: pos.line };
    }
  }

  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  if (diagnostics.some((d) => d.severity === "error") || !zone) {
    if (!zone && !diagnostics.some((d) => d.severity === "error")) err(1, 1, "`timezone` is required");
    return { schedule: null, diagnostics };
  }
  return { schedule: { timezone: zone, releases: mergeReleases(resolved) }, diagnostics };
}

/** Entries that share an instant become one release, so they appear together. */
function mergeReleases(entries: { at: number; chapters: number[]; line: number }[]): Release[] {
  const byAt = new Map<number, Release>();
  for (const e of [...entries].sort((a, b) => a.at - b.at || a.line - b.line)) {
    const existing = byAt.get(e.at);
    if (existing) existing.chapters.push(...e.chapters);
    else byAt.set(e.at, { at: e.at, chapters: [...e.chapters], line: e.line });
  }
  const releases = [...byAt.values()];
  for (const r of releases) r.chapters.sort((a, b) => a - b);
  return releases;
}

function quote(s: string): string {
  return s.startsWith('"') || s.startsWith("'") ? s : `"${s}"`;
}
