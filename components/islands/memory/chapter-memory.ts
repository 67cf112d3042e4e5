// On a released chapter page: remembers how far the reader got (furthest point
// and latest place, per chapter) and, on `#resume`, scrolls back to this
// chapter's stored place. Also keeps the single "continue reading" place.
import type { Island } from "../island";
import { PLACE_KEY, RESUME_HASH, serializePlace } from "../../chrome/place";
import { scrollYForFraction, throttle } from "../../scrolly/scroll-math";
import { recordProgress, resumeFraction } from "./marks";
import { local, readMemory, writeMemory } from "./store";

/** How far down the page the reader is, 0..1; a page that fits the window is read whole. */
function fraction(): number {
  const max = document.documentElement.scrollHeight - window.innerHeight;
  return max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 1;
}

export const chapterMemory: Island = {
  name: "chapter-memory",
  selector: "[data-chapter-memory]",
  mount(el) {
    const slug = el.getAttribute("data-chapter-memory");
    if (!slug) return;
    const title = el.querySelector("#chapter-title")?.textContent ?? "";
    const save = throttle(() => {
      const f = fraction();
      const now = Date.now();
      writeMemory(recordProgress(readMemory(), slug, f, now));
      try {
        local()?.setItem(PLACE_KEY, serializePlace({ slug, title, fraction: f, at: now }));
      } catch {
        // full or blocked
      }
    }, 500);

    if (window.location.hash === RESUME_HASH) {
      const place = resumeFraction(readMemory(), slug);
      requestAnimationFrame(() => {
        if (place !== null) {
          const doc = document.documentElement;
          window.scrollTo({ top: scrollYForFraction(place, doc.scrollHeight, window.innerHeight), behavior: "instant" });
        }
        // Drop the hash so a later reload uses the browser's own scroll restoration.
        window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
      });
    }
    window.addEventListener("scroll", save, { passive: true });
    window.addEventListener("pagehide", () => save.flush());
  },
};
