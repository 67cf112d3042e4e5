import type { Runtime } from "./runtime";
import { logJson } from "./log";

/**
 * Logs each release once, as it happens (catching up on any missed while the
 * server was down), and wakes the site at the next instant.
 */
export function startReleaseScheduler(runtime: Runtime): () => void {
  let timer: NodeJS.Timeout | null = null;
  let lastSeen = -Infinity;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    const schedule = runtime.snapshot().schedule;
    const now = runtime.clock.now();
    if (schedule) {
      for (const r of schedule.releases) {
        if (r.at <= now && r.at > lastSeen) {
          logJson({ event: "release", chapters: r.chapters, scheduled: new Date(r.at).toISOString(), actual: new Date(now).toISOString() });
        }
      }
      lastSeen = now;
      const upcoming = schedule.releases.find((r) => r.at > now);
      if (upcoming) {
        const wait = Math.min(runtime.clock.realMsUntil(upcoming.at), 2 ** 31 - 1);
        timer = setTimeout(tick, Math.max(0, wait));
        return;
      }
    }
    timer = setTimeout(tick, 60_000);
  };
  tick();
  const off = runtime.onReload(() => {
    if (timer) clearTimeout(timer);
    tick();
  });
  return () => {
    stopped = true;
    off();
    if (timer) clearTimeout(timer);
  };
}
