import {
  linkSync,
  mkdirSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { cacheLayout, contentRootId } from "../cache-layout";

// The notification outbox: a folder per (release key, endpoint) under the
// cache folder, written only by atomic creates, so several instances sharing
// the folder and any number of restarts agree on what was sent:
//   message.json  the request body (no URL, no secret), created once by link()
//   attempt-N     claims attempt N; only the instance whose open(wx) succeeds sends it
//   result-N.json what attempt N got, and when attempt N+1 may start (none: given up)

export type EntryStatus = "pending" | "sent" | "failed";

export interface OutboxEntry {
  key: string;
  endpoint: string;
  status: EntryStatus;
  attempts: number;
  /** Real epoch ms when the next attempt may start (pending only); null while one is in flight. */
  nextAttemptAt: number | null;
  lastError: string | null;
  body: unknown;
}

interface AttemptResult {
  ok: boolean;
  error?: string;
  at: number;
  nextAt?: number | null;
}

export interface Outbox {
  dir: string;
  /** Creates the entry unless it exists; returns whether this call created it. */
  enqueue(key: string, endpoint: string, body: unknown): boolean;
  has(key: string, endpoint: string): boolean;
  /** Entries of release keys at or after `since` (the key is the release instant). */
  entries(now: number, since?: number): OutboxEntry[];
  /** Claims attempt `n` of an entry; false when another instance (or an earlier run) has it. */
  claim(key: string, endpoint: string, n: number, now: number): boolean;
  record(key: string, endpoint: string, n: number, result: AttemptResult): void;
}

export function outboxDir(cacheDir: string, root: string): string {
  return path.join(cacheLayout(cacheDir).notify, contentRootId(root));
}

/** An attempt with no result after `staleMs` is taken as failed (its instance died mid-request); it is well over the longest request timeout (60 s). */
export function openOutbox(dir: string, staleMs = 120_000): Outbox {
  const entryDir = (key: string, endpoint: string) => path.join(dir, key, endpoint);
  const readJson = <T>(file: string): T | null => {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as T;
    } catch {
      return null;
    }
  };

  const read = (key: string, endpoint: string, now: number): OutboxEntry | null => {
    const d = entryDir(key, endpoint);
    const body = readJson<{ body: unknown }>(path.join(d, "message.json"));
    if (!body) return null;
    const names = readdirSync(d);
    const attempts = Math.max(0, ...names.map((n) => /^attempt-(\d+)$/.exec(n)).map((m) => (m ? Number(m[1]) : 0)));
    let lastError: string | null = null;
    for (let n = 1; n <= attempts; n++) {
      const r = readJson<AttemptResult>(path.join(d, `result-${n}.json`));
      if (r?.ok) return { key, endpoint, status: "sent", attempts: n, nextAttemptAt: null, lastError, body: body.body };
      if (r?.error) lastError = r.error;
    }
    if (attempts === 0) return { key, endpoint, status: "pending", attempts, nextAttemptAt: 0, lastError, body: body.body };
    const last = readJson<AttemptResult>(path.join(d, `result-${attempts}.json`));
    if (last) {
      if (last.nextAt === null || last.nextAt === undefined)
        return { key, endpoint, status: "failed", attempts, nextAttemptAt: null, lastError, body: body.body };
      return { key, endpoint, status: "pending", attempts, nextAttemptAt: last.nextAt, lastError, body: body.body };
    }
    // In flight, or its instance died mid-request: after staleMs it may be tried again.
    let started = now;
    try {
      started = statSync(path.join(d, `attempt-${attempts}`)).mtimeMs;
    } catch {
      /* just claimed */
    }
    const staleAt = started + staleMs;
    return { key, endpoint, status: "pending", attempts, nextAttemptAt: now >= staleAt ? staleAt : null, lastError, body: body.body };
  };

  return {
    dir,
    enqueue(key, endpoint, body) {
      const d = entryDir(key, endpoint);
      mkdirSync(d, { recursive: true });
      const tmp = path.join(d, `.message.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      writeFileSync(tmp, JSON.stringify({ key, endpoint, body }));
      try {
        linkSync(tmp, path.join(d, "message.json"));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw error;
      } finally {
        unlinkSync(tmp);
      }
    },
    has(key, endpoint) {
      try {
        statSync(path.join(entryDir(key, endpoint), "message.json"));
        return true;
      } catch {
        return false;
      }
    },
    entries(now, since = -Infinity) {
      const out: OutboxEntry[] = [];
      let keys: string[];
      try {
        keys = readdirSync(dir).sort();
      } catch {
        return out;
      }
      for (const key of keys) {
        const at = Date.parse(key.replace(/T(\d\d)-(\d\d)-/, "T$1:$2:"));
        if (!Number.isFinite(at) || at < since) continue;
        let endpoints: string[];
        try {
          endpoints = readdirSync(path.join(dir, key)).sort();
        } catch {
          continue;
        }
        for (const endpoint of endpoints) {
          const e = read(key, endpoint, now);
          if (e) out.push(e);
        }
      }
      return out;
    },
    claim(key, endpoint, n, now) {
      try {
        const fd = openSync(path.join(entryDir(key, endpoint), `attempt-${n}`), "wx");
        writeSync(fd, JSON.stringify({ pid: process.pid, at: now }));
        closeSync(fd);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw error;
      }
    },
    record(key, endpoint, n, result) {
      const file = path.join(entryDir(key, endpoint), `result-${n}.json`);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(result));
      renameSync(tmp, file);
    },
  };
}

/** Sent, pending and failed counts per release key, newest first, for the dashboard. */
export function outboxSummary(
  entries: OutboxEntry[],
): { key: string; sent: number; pending: number; failed: number; endpoints: { name: string; status: EntryStatus; attempts: number }[] }[] {
  const byKey = new Map<string, OutboxEntry[]>();
  for (const e of entries) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  return [...byKey.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : -1))
    .map(([key, list]) => ({
      key,
      sent: list.filter((e) => e.status === "sent").length,
      pending: list.filter((e) => e.status === "pending").length,
      failed: list.filter((e) => e.status === "failed").length,
      endpoints: list.map((e) => ({ name: e.endpoint, status: e.status, attempts: e.attempts })),
    }));
}
