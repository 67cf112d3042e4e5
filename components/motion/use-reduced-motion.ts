import { useSyncExternalStore } from "react";

export const REDUCE_MOTION_ATTR = "data-reduce-motion";
const QUERY = "(prefers-reduced-motion: reduce)";

// One shared MediaQueryList listener and one MutationObserver for the whole
// page, however many components ask (a chapter can have dozens of videos).
const listeners = new Set<() => void>();
let teardown: (() => void) | undefined;

function start(): () => void {
  const mql = window.matchMedia?.(QUERY);
  const notify = () => {
    for (const l of listeners) l();
  };
  mql?.addEventListener?.("change", notify);
  const mo = typeof MutationObserver === "function" ? new MutationObserver(notify) : undefined;
  mo?.observe(document.documentElement, { attributes: true, attributeFilter: [REDUCE_MOTION_ATTR] });
  return () => {
    mql?.removeEventListener?.("change", notify);
    mo?.disconnect();
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) teardown = start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      teardown?.();
      teardown = undefined;
    }
  };
}

export function osPrefersReducedMotion(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(QUERY).matches;
}

export function toggleReducesMotion(): boolean {
  return typeof document !== "undefined" && document.documentElement.getAttribute(REDUCE_MOTION_ATTR) === "true";
}

function getSnapshot(): boolean {
  return osPrefersReducedMotion() || toggleReducesMotion();
}

/**
 * True when motion should be reduced: the OS setting
 * (prefers-reduced-motion: reduce) or the reader's "Reduce motion" toggle
 * (html[data-reduce-motion="true"]). False during server rendering and
 * hydration, then corrected in the same commit's passive effects.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, getSnapshot, () => false);
}
