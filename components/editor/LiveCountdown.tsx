"use client";
import { useEffect, useState } from "react";
import { clientNow, type ClientClock } from "../../lib/site/client-clock";

/**
 * "in 2d 4h 03m" / "1h 00m ago", ticking on the story's clock. The server
 * renders `initial` (the same text at the request's instant), so the dashboard
 * is right without JavaScript.
 */
export function LiveCountdown({ at, clock, initial }: { at: number; clock: ClientClock; initial: string }) {
  const [text, setText] = useState(initial);
  useEffect(() => {
    const tick = () => setText(countdownText(at, clientNow(clock, Date.now())));
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [at, clock]);
  return <span className="editor-countdown">{text}</span>;
}

/** The same wording as lib/schedule/format.ts formatCountdown, without its time-zone dependency. */
export function countdownText(target: number, now: number): string {
  const diff = target - now;
  if (diff === 0) return "now";
  if (diff > 0) return `in ${duration(Math.ceil(diff / 1000) * 1000)}`;
  return `${duration(-diff)} ago`;
}

function duration(ms: number): string {
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
