import { closeSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { cacheLayout, contentRootId } from "../cache-layout";
import { readLastAnnounced, type ReleaseJournal } from "./release-journal";

/**
 * One release journal for every instance sharing a cache folder (a local
 * folder for instances on one machine, a shared volume across machines): a
 * release is claimed by creating `<instant>.claim` exclusively (`open(…, "wx")`
 * is atomic), so it is announced once however many instances run; an
 * instance joining later reads the newest claim and does not announce the back
 * catalogue; a restart announces nothing already claimed. Reads the single-file
 * journal of earlier versions, so an upgrade announces nothing twice.
 */
export function openSharedReleaseJournal(cacheDir: string, root: string): ReleaseJournal {
  const id = contentRootId(root);
  const releases = cacheLayout(cacheDir).releases;
  const dir = path.join(releases, id);
  // An unreadable legacy file counts for nothing: the claims decide.
  let memory = readLastAnnounced(path.join(releases, `${id}.json`));
  const claims = (): number[] => {
    try {
      return readdirSync(dir).flatMap((f) => (/^-?\d+\.claim$/.test(f) ? [Number(f.slice(0, -".claim".length))] : []));
    } catch {
      return [];
    }
  };
  const create = (at: number): boolean => {
    mkdirSync(dir, { recursive: true });
    let fd: number;
    try {
      fd = openSync(path.join(dir, `${at}.claim`), "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
    try {
      writeSync(
        fd,
        JSON.stringify({ at: new Date(at).toISOString(), host: hostname(), pid: process.pid, claimed: new Date().toISOString() }),
      );
    } finally {
      closeSync(fd);
    }
    return true;
  };
  return {
    lastAnnounced: () => Math.max(memory, ...claims()),
    claim(at) {
      const mine = create(at);
      memory = Math.max(memory, at);
      return mine;
    },
    record(at) {
      if (at <= memory && claims().includes(at)) return;
      memory = Math.max(memory, at);
      create(at);
    },
    rewind(at) {
      memory = Math.min(memory, at);
      for (const c of claims()) if (c > at) rmSync(path.join(dir, `${c}.claim`), { force: true });
    },
  };
}
