import type { Island } from "./island";
import { scrollFraction, scrollYForFraction, throttle } from "../scrolly/scroll-math";
import { parsePlace, PLACE_KEY, RESUME_HASH, serializePlace } from "../chrome/place";
import { storage } from "./local-storage";

/**
 * On a chapter page: remembers how far the reader got (throttled, on scroll),
 * and when the URL hash is #resume, scrolls back to the stored place, then
 * drops the hash so a later reload uses the browser's own scroll restoration.
 */
export const rememberPlace: Island = {
  name: "remember-place",
  selector: "[data-remember-place]",
  mount(el) {
    const slug = el.dataset.slug ?? "";
    const title = el.dataset.title ?? "";
    const doc = document.documentElement;
    const save = throttle(() => {
      const fraction = scrollFraction(window.scrollY, doc.scrollHeight, window.innerHeight);
      try {
        storage()?.setItem(PLACE_KEY, serializePlace({ slug, title, fraction, at: Date.now() }));
      } catch {
        // storage full or blocked: nothing to remember with
      }
    }, 1000);
    if (window.location.hash === RESUME_HASH) {
      let place = null;
      try {
        place = parsePlace(storage()?.getItem(PLACE_KEY));
      } catch {
        place = null;
      }
      requestAnimationFrame(() => {
        if (place && place.slug === slug) {
          window.scrollTo({ top: scrollYForFraction(place.fraction, doc.scrollHeight, window.innerHeight), behavior: "instant" });
        }
        window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
      });
    }
    window.addEventListener("scroll", save, { passive: true });
    window.addEventListener("pagehide", () => save.flush());
  },
};
