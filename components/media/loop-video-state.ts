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
  /**
   * the browser refused to start it without a gesture (iOS Low Power Mode,
   * data saver): it waits on its poster for the reader's press
   */
  refused: boolean;
};

/** Whether the reader (or the default) wants motion, ignoring visibility. */
export function wantsMotion(s: Pick<LoopVideoState, "reduced" | "choice" | "refused">): boolean {
  return s.choice ?? (!s.reduced && !s.refused);
}

/**
 * Show the play/pause control at rest (not only on hover or focus)? Whenever
 * the animation is still because of a setting, a press or a refusal, so a
 * still poster never looks like the whole picture.
 */
export function showsToggle(s: Pick<LoopVideoState, "reduced" | "choice" | "refused">): boolean {
  return s.reduced || s.refused || s.choice === false;
}

/**
 * A rejected `play()` that means "not without a gesture". An AbortError (a
 * pause or new source before playback began) is not a refusal.
 */
export function isAutoplayRefusal(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "NotAllowedError";
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
