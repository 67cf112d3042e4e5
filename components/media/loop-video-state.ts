// Pure decisions for <LoopVideo>, kept apart so they can be unit tested.

export type LoopVideoState = {
  priority: boolean;
  /** within ~1 viewport of the screen (IntersectionObserver) */
  near: boolean;
  /** the container allows loading (e.g. scrolly panel next to the active one) */
  preloadAllowed: boolean;
  /** the container shows this media (e.g. the active scrolly panel) */
  visible: boolean;
  /** intersecting the viewport right now */
  onScreen: boolean;
  /** OS prefers-reduced-motion or the reader toggle */
  reduced: boolean;
  /** the reader pressed play (true) / pause (false); null: default */
  choice: boolean | null;
};

/** Whether the reader (or the default) wants motion, ignoring visibility. */
function wantsMotion(s: Pick<LoopVideoState, "reduced" | "choice">): boolean {
  return s.choice ?? !s.reduced;
}

/**
 * Attach the sources (start downloading)? Never under reduced motion until
 * the reader presses play; `priority` media load at once; the rest when near
 * the viewport and allowed by their container.
 */
export function shouldLoadSources(s: LoopVideoState): boolean {
  if (s.reduced && s.choice !== true) return false;
  if (s.choice === true) return true;
  return s.priority || (s.near && s.preloadAllowed);
}

/** Play only while on screen, shown by its container, and motion is wanted. */
export function shouldPlay(s: LoopVideoState): boolean {
  return wantsMotion(s) && s.onScreen && s.visible && shouldLoadSources(s);
}

export function loopVideoLabels(alt: string): { play: string; pause: string } {
  const what = alt.trim();
  return what
    ? { play: `Play animation: ${what}`, pause: `Pause animation: ${what}` }
    : { play: "Play animation", pause: "Pause animation" };
}
