import type { Island } from "./island";
import { continueTarget, parsePlace, PLACE_KEY } from "../chrome/place";
import { storage } from "./local-storage";

/** On the home page: "Continue reading: {title}" in its reserved slot, for a released chapter only. */
export const continueReading: Island = {
  name: "continue-reading",
  selector: "[data-continue-reading]",
  mount(slot) {
    let known: { slug: string; title: string }[] = [];
    let raw: string | null | undefined;
    try {
      const parsed = JSON.parse(slot.dataset.known ?? "[]") as unknown;
      if (Array.isArray(parsed)) known = parsed as typeof known;
      raw = storage()?.getItem(PLACE_KEY);
    } catch {
      return;
    }
    const target = continueTarget(parsePlace(raw), known);
    if (!target) return;
    const link = document.createElement("a");
    link.className = "continue-reading__link";
    link.href = target.href;
    link.textContent = `Continue reading: ${target.title}`;
    slot.replaceChildren(link);
  },
};
