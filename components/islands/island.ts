/**
 * A reader-page behaviour written without React, so it can run from the small
 * deferred islands script on pages served without Next's client runtime, and
 * (until then) from MountIslands on pages that still hydrate.
 *
 * `selector` finds the server-rendered elements it enhances; `mount` runs once
 * per element and must leave the page readable if it never runs (no-JS).
 */
export interface Island {
  name: string;
  selector: string;
  mount(el: HTMLElement): void;
}

const MOUNTED = "data-island-mounted";

/** Mounts every island on every matching element not mounted yet; safe to call again after new markup. */
export function mountIslands(islands: readonly Island[], root: ParentNode = document): void {
  for (const island of islands) {
    for (const el of root.querySelectorAll<HTMLElement>(island.selector)) {
      const mounted = el.getAttribute(MOUNTED)?.split(" ") ?? [];
      if (mounted.includes(island.name)) continue;
      el.setAttribute(MOUNTED, [...mounted, island.name].join(" "));
      try {
        island.mount(el);
      } catch (error) {
        // One broken island must not stop the others.
        console.error(`[installment] island ${island.name} failed`, error);
      }
    }
  }
}
