import type { ClientClock } from "../../lib/site/client-clock";

/**
 * A release instant. The server renders UTC so the HTML is right without
 * JavaScript; the `release-time` island (components/islands/release-time.ts)
 * shows it in the reader's time zone with a live countdown on the story's
 * clock (data-clock).
 */
export function ReleaseTime({ at, clock }: { at: number; clock: ClientClock }) {
  return (
    <time dateTime={new Date(at).toISOString()} data-release-time="" data-clock={JSON.stringify(clock)}>
      {new Date(at).toUTCString().replace(" GMT", " UTC")}
    </time>
  );
}
