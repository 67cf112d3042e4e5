import { LAYOUT_MARKS } from "../chrome/prefs";
import { SLICE_MS, type Island } from "./island";

// Dialogue far from the viewport is skipped by the browser's layout
// (content-visibility in app/globals.css) and sized by an estimate. Anything
// that reads the whole page's geometry (how far the reader got, j/k stepping,
// the progress bar) wants real sizes, so this lays every block out once:
// `contain-intrinsic-size: auto` then remembers its real size when the block
// is skipped again. Blocks are laid out in idle slices from the top, and,
// when the reader scrolls past that point first, every block up to the new
// viewport at once, before the browser paints it: a block that took its real
// size while on screen would push the text below it (a layout shift).

const SIZING = "data-sizing";
/** Blocks never laid out yet, in page order. */
let pending: HTMLElement[] = [];
let sized: HTMLElement[] = [];
let idleScheduled = false;
let settleScheduled = false;
let listening = false;

/** Whether the block's content is skipped now (its own box is always rendered; its children tell). */
function skipped(el: HTMLElement): boolean {
  return el.firstElementChild?.checkVisibility?.({ contentVisibilityAuto: true }) === false;
}

function layOut(el: HTMLElement): void {
  el.setAttribute(SIZING, "");
  void el.offsetHeight; // lays the block out now, inside this slice
  sized.push(el);
  if (settleScheduled) return;
  settleScheduled = true;
  // The size is remembered at the next rendering update; after it the block may be skipped again.
  requestAnimationFrame(() =>
    setTimeout(() => {
      settleScheduled = false;
      const done = sized;
      sized = [];
      for (const b of done) b.removeAttribute(SIZING);
    }, 0),
  );
}

function whenIdle(run: (deadline?: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 50);
}

function layOutSome(deadline?: IdleDeadline): void {
  idleScheduled = false;
  const start = performance.now();
  let laidOut = 0;
  const more = () => performance.now() - start < SLICE_MS && (deadline?.timeRemaining() ?? 1) > 0;
  while (pending.length > 0 && (laidOut === 0 || more())) {
    const el = pending.shift()!;
    // One rendered near the viewport has its real size already, and toggling
    // it would rebuild its boxes in view (reported as a layout shift).
    if (!skipped(el)) continue;
    layOut(el);
    laidOut++;
  }
  scheduleIdle();
}

/**
 * Before the browser paints a scrolled-to place: every skipped block above it
 * and within a screen below, laid out now. Above, scroll anchoring keeps what
 * the reader sees still while the sizes become real, so from here on any
 * place saved (a reload, "continue reading") is measured on real sizes.
 */
function layOutToViewport(): void {
  const h = window.innerHeight;
  for (let pass = 0; pass < 4; pass++) {
    const reached = pending.filter((el) => el.getBoundingClientRect().top < 2 * h);
    if (reached.length === 0) break;
    pending = pending.filter((el) => !reached.includes(el));
    // Laying some out moves the others: look again until the screen is settled.
    for (const el of reached) if (skipped(el)) layOut(el);
  }
  if (pending.length === 0) window.removeEventListener("scroll", layOutToViewport);
}

function scheduleIdle(): void {
  if (idleScheduled || pending.length === 0) return;
  idleScheduled = true;
  whenIdle(layOutSome);
}

export const dialogueLayout: Island = {
  name: "dialogue-layout",
  selector: ".dialogue",
  mount(el) {
    if (document.documentElement.hasAttribute(LAYOUT_MARKS.fullLayout)) return;
    if (typeof CSS === "undefined" || !CSS.supports("content-visibility", "auto")) return;
    pending.push(el);
    scheduleIdle();
    if (listening) return;
    listening = true;
    window.addEventListener("scroll", layOutToViewport, { passive: true });
  },
};
