import type { Island } from "./island";
import { onReducedMotionChange, reducesMotion } from "./reduced-motion";

// One IntersectionObserver for every line of the page. Its first report for
// an element says where it starts: wholly below the fold, it is hidden
// (data-reveal="hidden", opacity/transform in CSS: no layout shift) and shown
// with a CSS transition when it enters; anything else is never touched. A
// line in dialogue the browser has not laid out yet (content-visibility)
// reports an empty box: that dialogue is off screen, and on a page opened at
// its top (the only time layout is lazy) that means below.
let io: IntersectionObserver | undefined;
const seen = new WeakSet<Element>();

function observer(): IntersectionObserver {
  io ??= new IntersectionObserver(
    (entries) => {
      // Read once, before any write: reading the viewport after marking a
      // line would force a layout per line (seconds on a long chapter).
      const fold = window.innerHeight;
      const reduced = reducesMotion();
      for (const e of entries) {
        const el = e.target as HTMLElement;
        const first = !seen.has(el);
        seen.add(el);
        if (e.isIntersecting) {
          if (el.dataset.reveal === "hidden") el.dataset.reveal = "shown";
          io?.unobserve(el);
        } else if (first) {
          const r = e.boundingClientRect;
          const notLaidOut = r.width === 0 && r.height === 0;
          if ((r.top >= fold || notLaidOut) && !reduced) el.dataset.reveal = "hidden";
          else io?.unobserve(el);
        }
      }
    },
    { rootMargin: "0px 0px -10% 0px" },
  );
  return io;
}

let watching = false;

export const reveal: Island = {
  name: "reveal",
  selector: ".reveal",
  mount(el) {
    if (typeof IntersectionObserver !== "function" || reducesMotion()) return;
    observer().observe(el);
    if (watching) return;
    watching = true;
    // Reduced motion switched on: show everything still hidden, at once.
    onReducedMotionChange(() => {
      if (!reducesMotion()) return;
      for (const h of document.querySelectorAll<HTMLElement>('.reveal[data-reveal="hidden"]')) h.dataset.reveal = "static";
    });
  },
};
