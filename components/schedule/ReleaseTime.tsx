"use client";
import { useEffect, useState } from "react";
import { clientNow, type ClientClock } from "../../lib/site/client-clock";
import { formatCountdown } from "../../lib/schedule/countdown";

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
      {now !== null && at > now ? <span className="countdown"> ({formatCountdown(at, now)})</span> : null}
      {now !== null && at <= now ? <span className="countdown"> (out now: reload)</span> : null}
    </>
  );
}
