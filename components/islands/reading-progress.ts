import type { Island } from "./island";
import { scrollFraction } from "../scrolly/scroll-math";

/** The reading-progress bar: `transform: scaleX()` once per frame, no layout. */
export const readingProgress: Island = {
  name: "reading-progress",
  selector: "[data-reading-progress]",
  mount(el) {
    const bar = el.querySelector<HTMLElement>(".reading-progress__bar");
    if (!bar) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const doc = document.documentElement;
      bar.style.transform = `scaleX(${scrollFraction(window.scrollY, doc.scrollHeight, window.innerHeight).toFixed(4)})`;
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    if (typeof ResizeObserver === "function") new ResizeObserver(schedule).observe(document.body);
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule, { passive: true });
  },
};
