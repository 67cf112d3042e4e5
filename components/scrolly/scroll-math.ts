// Pure maths for scroll-driven steps. No DOM access here: callers pass in
// rectangles (viewport coordinates, as from getBoundingClientRect) so this is
// unit-testable and deterministic.

export type StepRect = { top: number; bottom: number };

export function clamp01(n: number): number {
  if (Number.isNaN(n)) return 0;
  return n < 0 ? 0 : n > 1 ? 1 : n;
}

/** The trigger line in viewport pixels for a scrollama-style offset (0..1). */
export function triggerLine(viewportHeight: number, offset = 0.5): number {
  return Math.max(0, viewportHeight) * clamp01(offset);
}

/**
 * Which step is active for a trigger line at `triggerY` (viewport px).
 *
 * The active step is the last step (in document order) whose top has reached
 * the trigger line. Consequences, all deliberate:
 * - a step is active from the moment its top crosses the line (top === line
 *   counts) until the next step's top crosses it;
 * - in the gap between two steps the previous one stays active (there is
 *   always exactly one active step, so the sticky panel never goes blank);
 * - before the first step has reached the line, step 0 is active;
 * - after the last step has passed, the last step stays active.
 * Because it only looks at positions, a jump of any size (fast scroll, reload
 * mid-page, anchor link) yields the same answer as slow scrolling.
 *
 * Returns -1 only when there are no steps.
 */
export function activeIndexAt(rects: readonly StepRect[], triggerY: number): number {
  if (rects.length === 0) return -1;
  let active = 0;
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (r !== undefined && r.top <= triggerY) active = i;
  }
  return active;
}

/** Fraction of the document scrolled (0..1); 0 when nothing can scroll. */
export function scrollFraction(scrollY: number, scrollHeight: number, viewportHeight: number): number {
  const max = scrollHeight - viewportHeight;
  if (!(max > 0)) return 0;
  return clamp01(scrollY / max);
}

/** Inverse of scrollFraction: the scrollY for a stored fraction. */
export function scrollYForFraction(fraction: number, scrollHeight: number, viewportHeight: number): number {
  const max = scrollHeight - viewportHeight;
  if (!(max > 0)) return 0;
  return Math.round(clamp01(fraction) * max);
}

export type Debounced<A extends unknown[]> = ((...args: A) => void) & {
  cancel(): void;
  flush(): void;
};

/** Trailing-edge debounce with cancel (for unmount) and flush. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastArgs: A | undefined;
  const run = () => {
    timer = undefined;
    const args = lastArgs;
    lastArgs = undefined;
    if (args) fn(...args);
  };
  const d = ((...args: A) => {
    lastArgs = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  }) as Debounced<A>;
  d.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    lastArgs = undefined;
  };
  d.flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    run();
  };
  return d;
}

/**
 * Leading+trailing throttle: runs at most once per `ms`, and always once more
 * after the last call so the final state is never lost (used for saving the
 * reading position).
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number, now: () => number = Date.now): Debounced<A> {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const fire = () => {
    timer = undefined;
    last = now();
    const args = pending;
    pending = undefined;
    if (args) fn(...args);
  };
  const t = ((...args: A) => {
    pending = args;
    const wait = last + ms - now();
    if (wait <= 0 && timer === undefined) fire();
    else if (timer === undefined) timer = setTimeout(fire, Math.max(0, wait));
  }) as Debounced<A>;
  t.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  t.flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    fire();
  };
  return t;
}
