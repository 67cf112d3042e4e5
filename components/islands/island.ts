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

/**
 * Longest run of mounts before giving the browser a turn. A phone runs about
 * 4× slower than this machine's lab runs, and a task over 50 ms there blocks
 * input (Lighthouse's TBT): a few milliseconds here stays well under that.
 */
export const SLICE_MS = 6;

type Yield = () => Promise<void>;

/** The browser's scheduler.yield() where it exists (it keeps our place at the head of the queue), else a new macrotask. */
export const yieldToBrowser: Yield = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Mounts every island on every matching element not mounted yet, in registry
 * order, yielding between slices of about SLICE_MS so a long chapter never
 * becomes one long task; safe to call again after new markup.
 */
export async function mountIslands(
  islands: readonly Island[],
  root: ParentNode = document,
  options: { sliceMs?: number; yieldToBrowser?: Yield; now?: () => number } = {},
): Promise<void> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const pause = options.yieldToBrowser ?? yieldToBrowser;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
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
      if (now() - sliceStart >= sliceMs) {
        await pause();
        sliceStart = now();
      }
    }
  }
}
