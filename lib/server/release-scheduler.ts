import type { Runtime } from "./runtime";
import { logJson } from "./log";
import { memoryJournal, type ReleaseJournal } from "./release-journal";

export interface SchedulerOptions {
  /** Renders the next state's pages ahead of its instant. */
  warm?: (at: number) => Promise<number>;
  /** Real milliseconds before a release to start warming. */
  warmLeadMs?: number;
  log?: (entry: Record<string, unknown>) => void;
  /** Which releases were already announced (persisted across restarts). */
  journal?: ReleaseJournal;
}

const MAX_TIMER = 2 ** 31 - 1;

/**
 * Logs each release once as it happens, in order, catching up at start on any
 * missed while the server was down; warms the pages of the next release
 * before its instant. Pages need no nudge to change: the release check runs on
 * every request. A journal makes each release logged once, across restarts;
 * the line of a catch-up carries both the scheduled and the actual instant.
 */
export function startReleaseScheduler(runtime: Runtime, options: SchedulerOptions = {}): () => void {
  const log = options.log ?? logJson;
  const lead = options.warmLeadMs ?? 3000;
  let timer: NodeJS.Timeout | null = null;
  let warmTimer: NodeJS.Timeout | null = null;
  const journal = options.journal ?? memoryJournal();
  let warmedFor: number | null = null;
  let stopped = false;

  // The journal is a file in the cache folder: a full disk or a read-only
  // folder costs a log line (its memory still moves on, so nothing is
  // announced twice while the process runs), never the site.
  const write = (change: () => void) => {
    try {
      change();
    } catch (error) {
      log({ event: "journal-write-failed", error: String(error) });
    }
  };

  // A store that cannot be written announces (maybe twice) rather than never.
  const claimed = (at: number): boolean => {
    if (!journal.claim) return true;
    try {
      return journal.claim(at);
    } catch (error) {
      log({ event: "journal-write-failed", error: String(error) });
      return true;
    }
  };

  const tick = () => {
    try {
      step();
    } catch (error) {
      log({ event: "scheduler-error", error: String(error) });
    }
  };

  const step = () => {
    if (stopped) return;
    const schedule = runtime.snapshot().schedule;
    const now = runtime.clock.now();
    if (timer) clearTimeout(timer);
    if (warmTimer) clearTimeout(warmTimer);
    if (!schedule) return;
    if (journal.lastAnnounced() > now) write(() => journal.rewind(now));
    for (const r of schedule.releases) {
      if (r.at > now || r.at <= journal.lastAnnounced()) continue;
      // Several instances share one journal: only the one that claims a release announces it.
      if (!claimed(r.at)) continue;
      for (const chapter of r.chapters) {
        log({ event: "release", chapter, scheduled: new Date(r.at).toISOString(), actual: new Date(now).toISOString() });
      }
      write(() => journal.record(r.at));
    }
    const upcoming = schedule.releases.find((r) => r.at > now);
    if (!upcoming) return;
    const wait = runtime.clock.realMsUntil(upcoming.at);
    if (!Number.isFinite(wait)) return;
    // Wake just after the instant: a page is served by the release check on
    // each request, this only logs and prepares the next warm-up.
    timer = setTimeout(tick, Math.min(MAX_TIMER, Math.max(0, wait) + 5));
    if (options.warm && warmedFor !== upcoming.at) {
      const warmAt = upcoming.at;
      warmTimer = setTimeout(
        () => {
          warmedFor = warmAt;
          options.warm!(warmAt)
            .then((pages) => log({ event: "warmed", pages, for: new Date(warmAt).toISOString() }))
            .catch((e: unknown) => log({ event: "warm-failed", error: String(e) }));
        },
        Math.min(MAX_TIMER, Math.max(0, wait - lead)),
      );
    }
  };

  tick();
  const off = runtime.onReload(tick);
  return () => {
    stopped = true;
    off();
    if (timer) clearTimeout(timer);
    if (warmTimer) clearTimeout(warmTimer);
  };
}
