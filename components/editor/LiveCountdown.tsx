"use client";
import { useEffect, useState } from "react";
import { clientNow, type ClientClock } from "../../lib/site/client-clock";
import { formatCountdown } from "../../lib/schedule/countdown";

/**
 * "in 2d 4h 03m" / "1h 00m ago", ticking on the story's clock. The server
 * renders `initial` (the same text at the request's instant), so the dashboard
 * is right without JavaScript.
 */
export function LiveCountdown({ at, clock, initial }: { at: number; clock: ClientClock; initial: string }) {
  const [text, setText] = useState(initial);
  useEffect(() => {
    const tick = () => setText(formatCountdown(at, clientNow(clock, Date.now())));
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [at, clock]);
  return <span className="editor-countdown">{text}</span>;
}
