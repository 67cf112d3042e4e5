import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheLayout, contentRootId } from "../cache-layout";

/**
 * Remembers the last release already announced for a content root, so each
 * release is logged once, even across restarts, and a restart after downtime
 * announces exactly the releases it missed.
 */
export interface ReleaseJournal {
  lastAnnounced(): number;
  /** Throws when the file cannot be written; the journal's memory has moved on regardless. */
  record(at: number): void;
  /** The clock was set back: releases after `at` will be announced again. */
  rewind(at: number): void;
  /**
   * Shared journals only: takes the right to announce the release at `at`;
   * false when another instance already has. Throws when the store fails.
   */
  claim?(at: number): boolean;
}

/** The last release a single-file journal names; -Infinity when the file is missing or unreadable. */
export function readLastAnnounced(file: string): number {
  if (!existsSync(file)) return -Infinity;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { lastAnnounced?: unknown };
    return typeof parsed.lastAnnounced === "number" ? parsed.lastAnnounced : -Infinity;
  } catch {
    return -Infinity;
  }
}

export function openReleaseJournal(cacheDir: string, root: string): ReleaseJournal {
  const file = path.join(cacheLayout(cacheDir).releases, `${contentRootId(root)}.json`);
  let last = readLastAnnounced(file);
  const save = () => {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ root: path.resolve(root), lastAnnounced: last }));
    renameSync(tmp, file);
  };
  return {
    lastAnnounced: () => last,
    record(at) {
      if (at <= last) return;
      last = at;
      save();
    },
    rewind(at) {
      if (at >= last) return;
      last = at;
      save();
    },
  };
}

/** In memory only, for tests and exports. */
export function memoryJournal(): ReleaseJournal {
  let last = -Infinity;
  return {
    lastAnnounced: () => last,
    record: (at) => void (last = Math.max(last, at)),
    rewind: (at) => void (last = Math.min(last, at)),
  };
}
