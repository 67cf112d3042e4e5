"use client";
import { useEffect, useState } from "react";
import { clientNow, type ClientClock } from "../../lib/site/client-clock";

/**
 * A release instant in the reader's own time zone, with a live countdown on
 * the story's clock. The server renders UTC so the HTML is right without
 * JavaScript.
 */
export function ReleaseTime({ at, clock }: { at: number; clock: ClientClock }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(clientNow(clock, Date.now()));
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [clock]);
  const iso = new Date(at).toISOString();
  const label =
    now === null
      ? new Date(at).toUTCString().replace(" GMT", " UTC")
      : new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(at));
  return (
    <>
      <time dateTime={iso}>{label}</time>
      {now !== null && at > now ? <span className="countdown"> (in {countdown(at - now)})</span> : null}
      {now !== null && at <= now ? <span className="countdown"> (out now: reload)</span> : null}
    </>
  );
}

function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}d ${h}h ${String(m).padStart(2, "0")}m`;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  return `${m}m ${String(sec).padStart(2, "0")}s`;
}
