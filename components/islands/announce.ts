/** Speaks a short message to screen readers through the page's polite live region. */
export function announce(message: string): void {
  let region = document.querySelector<HTMLElement>("[data-announcer]");
  if (!region) {
    region = document.createElement("div");
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    region.setAttribute("data-announcer", "");
    document.body.append(region);
  }
  // Clearing first makes a repeat of the same message announced again.
  region.textContent = "";
  const target = region;
  // A timer, not a frame: frames pause in hidden tabs, announcements should not.
  setTimeout(() => {
    target.textContent = message;
  }, 30);
}

/** Reduced motion: the system setting or the reader setting on <html>. */
export function motionReduced(): boolean {
  const os = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  return os || document.documentElement.getAttribute("data-reduce-motion") === "true";
}

/** Visible text of an element, without aria-hidden parts (the typing layer) or link glyphs. */
export function readableText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"], [data-copy-link]').forEach((n) => n.remove());
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}
