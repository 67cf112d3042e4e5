import type { Island } from "./island";
import { clientNow, type ClientClock } from "../../lib/site/client-clock";
import { formatCountdown } from "../../lib/schedule/countdown";

interface Entry {
  at: number;
  clock: ClientClock;
  countdown: HTMLSpanElement;
}

// One formatter and one interval for the whole page, however many countdowns.
let format: Intl.DateTimeFormat | undefined;
const entries: Entry[] = [];
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  const real = Date.now();
  for (const e of entries) {
    const now = clientNow(e.clock, real);
    const text = e.at > now ? ` (${formatCountdown(e.at, now)})` : " (out now: reload)";
    if (e.countdown.textContent !== text) e.countdown.textContent = text;
  }
}

/** A release time in the reader's zone, with a live countdown (one shared 1 s interval). */
export const releaseTime: Island = {
  name: "release-time",
  selector: "time[data-release-time]",
  mount(el) {
    const at = Date.parse(el.getAttribute("datetime") ?? "");
    let clock: ClientClock;
    try {
      clock = JSON.parse(el.dataset.clock ?? "") as ClientClock;
    } catch {
      return;
    }
    if (!Number.isFinite(at)) return;
    format ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
    el.textContent = format.format(new Date(at));
    const countdown = document.createElement("span");
    countdown.className = "countdown";
    el.after(countdown);
    entries.push({ at, clock, countdown });
    tick();
    timer ??= setInterval(tick, 1000);
  },
};
