"use client";

import {
  createContext,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { MediaVisibilityContext, type MediaVisibility } from "../media/media-visibility";
import { activeIndexAt, debounce, stepProgress, triggerLine, type StepRect } from "./scroll-math";
import { createScrollyStore, type ScrollyStore } from "./scrolly-store";

/** Where the trigger line sits, as a fraction of the viewport height. */
const OFFSET = 0.5;
const STEP_SELECTOR = "[data-scrolly-step]";

export const ScrollyContext = createContext<ScrollyStore | null>(null);

/** The active step index of the enclosing <ScrollyRoot> (0 outside one). */
export function useScrollyActive(): number {
  const store = useContext(ScrollyContext);
  return useSyncExternalStore(
    store ? store.subscribe : noopSubscribe,
    () => (store ? store.getActive() : 0),
    () => 0,
  );
}

function noopSubscribe(): () => void {
  return () => {};
}

function stepIndex(el: Element, fallback: number): number {
  const raw = el.getAttribute("data-index");
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function ScrollyRoot(p: { panels: ReactNode[]; children: ReactNode }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const store = useMemo(() => createScrollyStore(0), []);
  const active = useSyncExternalStore(store.subscribe, store.getActive, () => 0);

  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let disposed = false;
    let frame = 0;
    let scroller: import("scrollama").ScrollamaInstance | undefined;

    const steps = (): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>(STEP_SELECTOR));

    // Ground truth: derive the active step and progress from element
    // positions. Runs on mount (so a reload mid-chapter, where the browser has
    // already restored the scroll position, is right before first paint), on
    // every scroll frame (so a fast scroll that makes scrollama miss an enter
    // event cannot leave a stale step), and after resizes.
    const sync = () => {
      frame = 0;
      if (disposed) return;
      const els = steps();
      if (els.length === 0) return;
      const line = triggerLine(window.innerHeight, OFFSET);
      const rects: StepRect[] = els.map((el) => el.getBoundingClientRect());
      const i = activeIndexAt(rects, line);
      els.forEach((el, k) => {
        const r = rects[k];
        if (r) store.setProgress(stepIndex(el, k), stepProgress(r, line));
      });
      const el = els[i];
      if (el) store.setActive(stepIndex(el, i));
    };
    const schedule = () => {
      if (frame === 0 && !disposed) frame = requestAnimationFrame(sync);
    };

    sync();

    // scrollama fires enter events from IntersectionObserver; take them as a
    // fast path, then reconcile with positions on the next frame. Loaded
    // lazily (it is not needed for the first, position-based answer).
    // Known scrollama 3.2 limitation: setup() adds an anonymous document
    // "scroll" listener that destroy() cannot remove (it only records scroll
    // direction; one per mounted <ScrollyRoot>, harmless but not freed).
    import("scrollama")
      .then(({ default: scrollama }) => {
        if (disposed) return;
        const els = steps();
        if (els.length === 0) return;
        scroller = scrollama();
        scroller
          .setup({ step: els, offset: OFFSET, progress: true })
          .onStepEnter(({ element, index }) => {
            store.setActive(stepIndex(element, index));
            schedule();
          })
          .onStepProgress(schedule)
          .onStepExit(schedule);
        schedule();
      })
      .catch(() => {
        // Position-based syncing alone keeps the steps correct.
      });

    // Window resize, orientation change, pinch zoom (visualViewport) and any
    // change of the root's own size (fonts, media, content) all move the
    // trigger line relative to the steps: rebuild scrollama's observers,
    // whose rootMargins were computed from the old viewport height.
    const resize = debounce(() => {
      if (disposed) return;
      scroller?.resize();
      sync();
    }, 150);
    const onResize = () => {
      schedule();
      resize();
    };
    const ro = typeof ResizeObserver === "function" ? new ResizeObserver(onResize) : undefined;
    ro?.observe(root);
    const vv = window.visualViewport;
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("scrollend", sync, { passive: true });
    window.addEventListener("resize", onResize, { passive: true });
    window.addEventListener("orientationchange", onResize);
    window.addEventListener("pageshow", onResize);
    window.addEventListener("load", onResize);
    vv?.addEventListener("resize", onResize, { passive: true });

    return () => {
      disposed = true;
      if (frame !== 0) cancelAnimationFrame(frame);
      resize.cancel();
      ro?.disconnect();
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("scrollend", sync);
      window.removeEventListener("resize", onResize);
      window.removeEventListener("orientationchange", onResize);
      window.removeEventListener("pageshow", onResize);
      window.removeEventListener("load", onResize);
      vv?.removeEventListener("resize", onResize);
      scroller?.destroy();
      scroller = undefined;
    };
  }, [store]);

  return (
    <ScrollyContext.Provider value={store}>
      <div className="scrolly" data-scrolly-root="" ref={rootRef}>
        <div className="scrolly__sticky">
          {p.panels.map((panel, i) => (
            <ScrollyPanel key={i} index={i} active={i === active} near={i === active}>
              {panel}
            </ScrollyPanel>
          ))}
        </div>
        <div className="scrolly__steps">{p.children}</div>
      </div>
    </ScrollyContext.Provider>
  );
}

function ScrollyPanel(p: { index: number; active: boolean; near: boolean; children: ReactNode }) {
  const { active, near } = p;
  const visibility = useMemo<MediaVisibility>(() => ({ visible: active, preload: near }), [active, near]);
  return (
    <div
      className="scrolly__panel"
      data-scrolly-panel=""
      data-index={p.index}
      data-active={active ? "true" : "false"}
      // inert: hidden from assistive tech and out of the tab order (its
      // play button too) while another panel is shown.
      inert={!active}
    >
      <MediaVisibilityContext.Provider value={visibility}>{p.children}</MediaVisibilityContext.Provider>
    </div>
  );
}
