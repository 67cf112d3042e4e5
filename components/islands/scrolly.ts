import scrollama from "scrollama";
import type { Island } from "./island";
import { activeIndexAt, debounce, triggerLine, type StepRect } from "../scrolly/scroll-math";

/** Where the trigger line sits, as a fraction of the viewport height. */
const OFFSET = 0.5;

function indexOf(el: Element, fallback: number): number {
  const n = Number(el.getAttribute("data-index") ?? NaN);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/**
 * Scroll-driven steps over a sticky panel (markup: components/scrolly). Each
 * step's media is rendered once, inside the step (the no-JS layout); this
 * island moves it into the step's sticky panel, then keeps exactly one panel
 * and step active. Positions are the ground truth (on mount, so a reload
 * mid-chapter is right at once; every scroll frame; after resizes), and
 * scrollama's IntersectionObserver enter events are a fast path. scrollama is
 * kept: 2.4 KB gzipped, no React, and it already is the stack's step library.
 */
export const scrolly: Island = {
  name: "scrolly",
  selector: "[data-scrolly-root]",
  mount(root) {
    const steps = Array.from(root.querySelectorAll<HTMLElement>("[data-scrolly-step]"));
    const panels = Array.from(root.querySelectorAll<HTMLElement>("[data-scrolly-panel]"));
    if (steps.length === 0) return;
    const hydrating = "__next_f" in window;
    const panelFor = new Map(panels.map((p, k) => [indexOf(p, k), p]));
    const pairs = steps.flatMap((step, k) => {
      const media = step.querySelector<HTMLElement>(".scrolly-step__media");
      const panel = panelFor.get(indexOf(step, k));
      return media && panel && media.childElementCount > 0 && panel.childElementCount === 0 ? [{ media, panel }] : [];
    });
    if (hydrating) {
      // React owns the step's nodes and may update them in place: copy them.
      for (const { media, panel } of pairs) panel.append(...Array.from(media.children, (n) => n.cloneNode(true)));
    } else {
      // Plain reading and print show each picture in its step (the no-JS
      // layout), so the media go back there while either is on.
      const print = window.matchMedia("print");
      let printing = false;
      const place = () => {
        const inSteps = printing || print.matches || document.documentElement.getAttribute("data-plain-reading") === "true";
        for (const { media, panel } of pairs) {
          const [from, to] = inSteps ? [panel, media] : [media, panel];
          if (from.childElementCount > 0) to.append(...Array.from(from.children));
        }
      };
      place();
      print.addEventListener("change", place);
      window.addEventListener("beforeprint", () => {
        printing = true;
        place();
      });
      window.addEventListener("afterprint", () => {
        printing = false;
        place();
      });
      new MutationObserver(place).observe(document.documentElement, { attributes: true, attributeFilter: ["data-plain-reading"] });
    }

    let active = -1;
    const setActive = (index: number) => {
      if (index === active) return;
      active = index;
      for (const el of [...steps, ...panels]) {
        const on = indexOf(el, -1) === index;
        el.setAttribute("data-active", on ? "true" : "false");
        if (el.hasAttribute("data-scrolly-panel")) el.toggleAttribute("inert", !on);
      }
    };

    let frame = 0;
    const sync = () => {
      frame = 0;
      const line = triggerLine(window.innerHeight, OFFSET);
      const rects: StepRect[] = steps.map((el) => el.getBoundingClientRect());
      const i = activeIndexAt(rects, line);
      const el = steps[i];
      if (el) setActive(indexOf(el, i));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(sync);
    };
    sync();

    const scroller = scrollama();
    scroller
      .setup({ step: steps, offset: OFFSET })
      .onStepEnter(({ element, index }) => {
        setActive(indexOf(element, index));
        schedule();
      })
      .onStepExit(schedule);

    // Resizes, orientation changes, pinch zoom and the root's own size all
    // move the trigger line: rebuild scrollama's observers, then re-sync.
    const resize = debounce(() => {
      scroller.resize();
      sync();
    }, 150);
    const onResize = () => {
      schedule();
      resize();
    };
    if (typeof ResizeObserver === "function") new ResizeObserver(onResize).observe(root);
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("scrollend", sync, { passive: true });
    window.addEventListener("resize", onResize, { passive: true });
    window.addEventListener("orientationchange", onResize);
    window.addEventListener("pageshow", onResize);
    window.addEventListener("load", onResize);
    window.visualViewport?.addEventListener("resize", onResize, { passive: true });
  },
};
