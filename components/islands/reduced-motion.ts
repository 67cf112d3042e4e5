// Reduced motion without React: the OS setting or the reader's toggle
// (html[data-reduce-motion="true"]), with one shared listener pair per page.

const QUERY = "(prefers-reduced-motion: reduce)";
const ATTR = "data-reduce-motion";
const listeners = new Set<() => void>();
let started = false;

export function osReducesMotion(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(QUERY).matches;
}

export function reducesMotion(): boolean {
  return osReducesMotion() || document.documentElement.getAttribute(ATTR) === "true";
}

/** Calls `listener` whenever either source changes. */
export function onReducedMotionChange(listener: () => void): void {
  listeners.add(listener);
  if (started) return;
  started = true;
  const notify = () => {
    for (const l of listeners) l();
  };
  window.matchMedia?.(QUERY).addEventListener?.("change", notify);
  if (typeof MutationObserver === "function") {
    new MutationObserver(notify).observe(document.documentElement, { attributes: true, attributeFilter: [ATTR] });
  }
}
