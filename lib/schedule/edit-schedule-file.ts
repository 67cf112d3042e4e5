import { isMap, isScalar, isSeq, Scalar, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import type { Temporal } from "temporal-polyfill";
import type { PlannedRelease } from "./plan";
import { shiftInstant } from "./shift";
import { resolveAt, toScheduleAt } from "./wall-time";
import { parseYamlSource, type YamlSource } from "../yaml/yaml-source";

// Applies a plan or a shift to schedule.yaml text. The yaml Document API finds
// the nodes; the change is spliced into the original text, so comments, blank
// lines, quoting and alignment outside the edited values stay byte for byte.

export class EditError extends Error {}

interface Splice {
  start: number;
  end: number;
  text: string;
}

export interface ChapterKey {
  number: number;
  slug: string;
}

/** The text of a new, empty schedule file. */
export function newScheduleText(zone: string): string {
  return `# Release schedule: see docs/scheduling.md\ntimezone: ${zone}\nreleases:\n`;
}

/**
 * Removes the planned chapters from the entries that list them (dropping entries
 * left empty) and inserts one entry per planned release, in time order.
 */
export function applyPlanToText(text: string, planned: readonly PlannedRelease[], chapters: readonly ChapterKey[]): string {
  const src = load(text);
  const zone = zoneOf(src);
  const bySlug = new Map(chapters.map((c) => [c.slug, c.number]));
  const moving = new Set(planned.flatMap((p) => p.chapters));
  const splices: Splice[] = [];
  const { seq, pairKey } = releasesOf(src);
  const padded = /\[ \S/.test(text);

  // Entries that stay, with their instants, to place new entries among them.
  const kept: { at: number | null; start: number; end: number }[] = [];
  const satisfied = new Set<PlannedRelease>();
  let firstItem: { start: number } | null = null;
  for (const item of seq?.items ?? []) {
    if (!isMap(item)) continue;
    const node = item as YAMLMap & Node;
    const start = lineStart(text, node.range![0]);
    const end = entryEnd(text, node.range![1]);
    firstItem ??= { start };
    const chaptersNode = node.get("chapters", true);
    const refs = isSeq(chaptersNode) ? (chaptersNode.items as Node[]) : [];
    const number = (n: Node) => {
      if (!isScalar(n)) return null;
      return typeof n.value === "number" ? n.value : typeof n.value === "string" ? (bySlug.get(n.value) ?? null) : null;
    };
    const atNode = node.get("at", true);
    const at = isScalar(atNode) && typeof atNode.value === "string" ? resolveAt(atNode.value, zone) : null;
    const entryAt = at?.ok ? at.at : null;
    // An entry that already says exactly what the plan says stays as written.
    const numbers = refs.map(number);
    const same = planned.find(
      (p) => !satisfied.has(p) && p.at === entryAt && p.chapters.length === numbers.length && p.chapters.every((c) => numbers.includes(c)),
    );
    if (same) {
      satisfied.add(same);
      kept.push({ at: entryAt, start, end });
      continue;
    }
    const gone = refs.filter((r) => {
      const n = number(r);
      return n !== null && moving.has(n);
    });
    if (gone.length > 0 && gone.length === refs.length) {
      splices.push({ start, end, text: "" });
      continue;
    }
    if (gone.length > 0 && isSeq(chaptersNode)) {
      const cseq = chaptersNode as YAMLSeq & Node;
      if (cseq.flow) {
        const keep = refs.filter((r) => !gone.includes(r)).map((r) => text.slice(r.range![0], r.range![1]));
        splices.push({ start: cseq.range![0], end: cseq.range![1], text: padded ? `[ ${keep.join(", ")} ]` : `[${keep.join(", ")}]` });
      } else {
        for (const r of gone) splices.push({ start: lineStart(text, r.range![0]), end: entryEnd(text, r.range![1]), text: "" });
      }
    }
    kept.push({ at: entryAt, start, end });
  }

  // Indentation follows the first existing entry.
  let dash = "  ";
  let keyIndent = "    ";
  const firstNode = seq?.items[0] as Node | undefined;
  if (firstNode?.range) {
    const itemStart = firstNode.range[0];
    const prefix = text.slice(lineStart(text, itemStart), itemStart);
    const d = prefix.indexOf("-");
    if (d >= 0) {
      dash = " ".repeat(d);
      keyIndent = " ".repeat(prefix.length);
    }
  }
  const entryText = (p: PlannedRelease) => {
    const list = p.chapters.join(", ");
    return `${dash}- at: ${p.text}\n${keyIndent}chapters: ${padded ? `[ ${list} ]` : `[${list}]`}\n`;
  };

  const sorted = planned.filter((p) => !satisfied.has(p)).sort((a, b) => a.at - b.at);
  const inserts = new Map<number, string>();
  const insertAt = (pos: number, s: string) => inserts.set(pos, (inserts.get(pos) ?? "") + s);

  if (!seq || seq.items.length === 0) {
    // No block list yet: write one after the `releases:` key, or add the key.
    const block = sorted.map(entryText).join("");
    if (pairKey) {
      const value = seq ?? nullValue(src);
      if (value?.range) splices.push({ start: value.range[0], end: value.range[1], text: "" });
      const eol = lineEndAfter(text, (pairKey as Node).range![1]);
      insertAt(eol, (text[eol - 1] === "\n" ? "" : "\n") + block);
    } else {
      insertAt(text.length, `${text.length === 0 || text.endsWith("\n") ? "" : "\n"}releases:\n${block}`);
    }
  } else {
    for (const p of sorted) {
      let anchor: { end: number } | null = null;
      for (const k of kept) if (k.at !== null && k.at <= p.at) anchor = k;
      if (anchor) insertAt(anchor.end, (anchor.end === text.length && !text.endsWith("\n") ? "\n" : "") + entryText(p));
      else {
        const first = kept[0] ?? firstItem!;
        insertAt(commentsAbove(text, first.start), entryText(p));
      }
    }
  }
  for (const [pos, s] of inserts) splices.push({ start: pos, end: pos, text: s });
  return applySplices(text, splices);
}

/** Moves every entry whose instant is at or after `fromInstant` by `duration`. */
export function applyShiftToText(text: string, fromInstant: number, duration: Temporal.Duration): string {
  const src = load(text);
  const zone = zoneOf(src);
  const { seq } = releasesOf(src);
  const splices: Splice[] = [];
  for (const item of seq?.items ?? []) {
    if (!isMap(item)) continue;
    const atNode = item.get("at", true);
    if (!isScalar(atNode) || typeof atNode.value !== "string" || !atNode.range) continue;
    const r = resolveAt(atNode.value, zone);
    if (!r.ok) throw new EditError(`cannot shift ${JSON.stringify(atNode.value)}: ${r.message}`);
    if (r.at < fromInstant) continue;
    const moved = toScheduleAt(shiftInstant(r.at, zone, duration), zone, r.style);
    const quoted = atNode.type === Scalar.QUOTE_DOUBLE ? `"${moved}"` : atNode.type === Scalar.QUOTE_SINGLE ? `'${moved}'` : moved;
    splices.push({ start: atNode.range[0], end: atNode.range[1], text: quoted });
  }
  return applySplices(text, splices);
}

function load(text: string): YamlSource {
  const src = parseYamlSource(text);
  if (src.doc.errors.length > 0) throw new EditError(`schedule.yaml has YAML errors: ${src.doc.errors[0]!.message.split("\n")[0]}`);
  if (src.doc.contents !== null && !isMap(src.doc.contents)) throw new EditError("schedule.yaml is not a map of timezone and releases");
  return src;
}

function zoneOf(src: YamlSource): string {
  const zone = src.doc.get("timezone");
  if (typeof zone !== "string") throw new EditError("schedule.yaml has no timezone");
  return zone;
}

function releasesOf(src: YamlSource): { seq: (YAMLSeq & Node) | null; pairKey: Node | null } {
  const map = src.doc.contents;
  if (!isMap(map)) return { seq: null, pairKey: null };
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === "releases");
  if (!pair) return { seq: null, pairKey: null };
  const value = pair.value as Node | null;
  if (isSeq(value)) {
    if ((value as YAMLSeq).flow && (value as YAMLSeq).items.length > 0) {
      throw new EditError("schedule.yaml writes `releases` as a flow list [...]: write it as a block list (- at: ...) to edit it");
    }
    return { seq: value as YAMLSeq & Node, pairKey: pair.key as Node };
  }
  return { seq: null, pairKey: pair.key as Node };
}

function nullValue(src: YamlSource): Node | null {
  const map = src.doc.contents;
  if (!isMap(map)) return null;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === "releases");
  const v = pair?.value as Node | null | undefined;
  return v && isScalar(v) && v.range && v.range[1] > v.range[0] ? v : null;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** End of the line holding the last non-blank character before `valueEnd`, past its newline. */
function entryEnd(text: string, valueEnd: number): number {
  let p = valueEnd;
  while (p > 0 && /\s/.test(text[p - 1]!)) p--;
  return lineEndAfter(text, p);
}

function lineEndAfter(text: string, pos: number): number {
  const nl = text.indexOf("\n", pos);
  return nl < 0 ? text.length : nl + 1;
}

/** Moves a line start up over the comment lines directly above it. */
function commentsAbove(text: string, start: number): number {
  let s = start;
  while (s > 0) {
    const prev = lineStart(text, s - 1);
    if (!text.slice(prev, s).trim().startsWith("#")) break;
    s = prev;
  }
  return s;
}

function applySplices(text: string, splices: Splice[]): string {
  // Later first; at one position, a removal goes before an insertion.
  const ordered = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of ordered) {
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  }
  return out;
}
