// Lengths of time for people. No time-zone library here, so the browser's
// countdowns can use it without shipping one.

/** A length of time, coarse to fine: "2d 4h 03m", "4h 03m", "3m 05s", "12s". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const p2 = (n: number) => String(n).padStart(2, "0");
  if (d > 0) return `${d}d ${h}h ${p2(m)}m`;
  if (h > 0) return `${h}h ${p2(m)}m`;
  if (m > 0) return `${m}m ${p2(s)}s`;
  return `${s}s`;
}

/**
 * Time from `now` to `target`: "in 2d 4h 03m", "in 12s", "now", "3h 10m ago".
 * Future times round up to the second, so a countdown never says "in 0s".
 */
export function formatCountdown(target: number, now: number): string {
  const diff = target - now;
  if (diff === 0) return "now";
  if (diff > 0) return `in ${formatDuration(Math.ceil(diff / 1000) * 1000)}`;
  return `${formatDuration(-diff)} ago`;
}
