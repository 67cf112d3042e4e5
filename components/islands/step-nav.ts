import type { Island } from "./island";
import { announce, readableText } from "./announce";

const TARGETS = ".chapter-body .line[id], .chapter-body [data-scrolly-step][id]";

function targets(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(TARGETS));
}

/** Letters belong to text fields; Space also to whatever it activates (buttons, links, players). */
function keysBelongToFocus(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest("input, textarea, select") !== null) return true;
  return key === " " && target.closest("button, a[href], summary, video, iframe, [role=button]") !== null;
}

/** Inside a sticky Scrolly (not plain mode), where a page of native scrolling would skip steps. */
function inScrolly(): boolean {
  if (document.documentElement.getAttribute("data-plain-reading") === "true") return false;
  const mid = window.innerHeight / 2;
  return Array.from(document.querySelectorAll("[data-scrolly-root]")).some((root) => {
    const r = root.getBoundingClientRect();
    return r.top <= mid && r.bottom >= mid;
  });
}

function describe(el: HTMLElement, index: number, all: HTMLElement[]): string {
  const steps = all.filter((t) => t.hasAttribute("data-scrolly-step"));
  const text = readableText(el.querySelector(".scrolly-step__text") ?? el).slice(0, 240);
  if (el.hasAttribute("data-scrolly-step")) return `Step ${steps.indexOf(el) + 1} of ${steps.length}. ${text}`;
  return `${index + 1} of ${all.length}. ${text}`;
}

/**
 * A way through without scrolling: the "next step" control and j / k (and
 * Space / Shift+Space inside a Scrolly) move to the next or previous line or
 * step, scroll it to the reading line, and announce it.
 */
export const stepNavIsland: Island = {
  name: "step-nav",
  selector: "[data-step-nav]",
  mount(nav) {
    let last = -1;
    let lastY = -1;
    const current = (all: HTMLElement[]): number => {
      if (last >= 0 && Math.abs(window.scrollY - lastY) < 2) return last;
      if (window.scrollY < 1) return -1; // at the top, "next" is the first line
      const line = window.innerHeight * 0.45;
      let found = -1;
      all.forEach((el, i) => {
        if (el.getBoundingClientRect().top <= line) found = i;
      });
      return found;
    };
    const go = (delta: 1 | -1) => {
      const all = targets();
      if (all.length === 0) return;
      const index = current(all) + delta;
      if (index >= all.length) return announce("End of the chapter.");
      if (index < 0) return announce("Start of the chapter.");
      const el = all[index]!;
      el.scrollIntoView({ block: "start", behavior: "instant" });
      last = index;
      lastY = window.scrollY;
      nav.setAttribute("data-current", el.id);
      announce(describe(el, index, all));
    };
    nav.hidden = false;
    nav.querySelector("[data-step='next']")?.addEventListener("click", () => go(1));
    nav.querySelector("[data-step='prev']")?.addEventListener("click", () => go(-1));
    document.addEventListener("keydown", (event) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || keysBelongToFocus(event.target, event.key)) return;
      let delta: 1 | -1 | 0 = 0;
      if (event.key === "j" && !event.shiftKey) delta = 1;
      else if (event.key === "k" && !event.shiftKey) delta = -1;
      else if (event.key === " " && inScrolly()) delta = event.shiftKey ? -1 : 1;
      if (delta === 0) return;
      event.preventDefault();
      go(delta);
    });
  },
};
