import type { Island } from "./island";
import { isAutoplayRefusal, loopVideoLabels, shouldLoadSources, shouldPlay, showsToggle } from "../media/loop-video-state";
import { onReducedMotionChange, reducesMotion } from "./reduced-motion";

/**
 * Looping video for a GIF (markup: components/media/LoopVideo). Sources are
 * attached only when the box is within about a viewport of the screen (never
 * at start, even for the priority poster), it plays only while on screen and
 * shown by its container (a Scrolly panel), and never under reduced motion
 * until the reader presses play.
 *
 * When the browser refuses to autoplay (NotAllowedError), the play control
 * stays visible on the poster and the video is not asked again, on screen or
 * after scrolling away and back, until the reader presses it (a gesture the
 * browser accepts). From then on it behaves as any video the reader chose to
 * play; if a later resume is refused too, the control comes back.
 */
export const loopVideo: Island = {
  name: "loop-video",
  selector: "[data-loop-video]",
  mount(box) {
    const video = box.querySelector<HTMLVideoElement>("video.loop-video__media:not(.loop-video__media--noscript)");
    const button = box.querySelector<HTMLButtonElement>(".loop-video__toggle");
    const icon = button?.querySelector<HTMLElement>(".loop-video__icon");
    if (!video) return;
    video.muted = true;
    video.disablePictureInPicture = true;
    const labels = loopVideoLabels(box.querySelector("[role=img]")?.getAttribute("aria-label") ?? "");
    let near = false;
    let onScreen = false;
    let choice: boolean | null = null;
    let loaded = false;
    let refused = false;
    let attempt = 0;

    const shown = () => box.closest("[data-scrolly-panel]")?.getAttribute("data-active") !== "false";

    const update = () => {
      const reduced = reducesMotion();
      const visible = shown();
      // priority only ranks the poster (the LCP candidate): sources wait until near.
      const state = { priority: false, near, preloadAllowed: visible, visible, onScreen, reduced, choice, refused };
      if (!loaded && shouldLoadSources(state)) {
        loaded = true;
        for (const [src, type] of sourcesOf(box)) {
          const source = document.createElement("source");
          source.src = src;
          source.type = type;
          video.append(source);
        }
        video.preload = "auto";
        video.load();
      }
      const play = loaded && shouldPlay(state);
      if (play && video.paused) start();
      else if (!play && !video.paused) video.pause();
      box.dataset.playing = play ? "true" : "false";
      if (showsToggle(state)) box.dataset.showToggle = "true";
      else delete box.dataset.showToggle;
      button?.setAttribute("aria-label", play ? labels.pause : labels.play);
      if (icon) icon.className = `loop-video__icon loop-video__icon--${play ? "pause" : "play"}`;
    };

    const start = () => {
      const mine = ++attempt;
      video.play()?.catch((error: unknown) => {
        // Only the latest attempt speaks: an older one may fail because a newer one replaced it.
        if (mine !== attempt || !isAutoplayRefusal(error)) return;
        refused = true;
        // A refused resume must not leave the control saying "Pause".
        if (choice === true) choice = null;
        update();
      });
    };

    button?.addEventListener("click", () => {
      choice = box.dataset.playing !== "true";
      update();
    });
    onReducedMotionChange(() => {
      // Reduced motion switched on: forget an earlier "play".
      if (reducesMotion()) choice = null;
      update();
    });
    const panel = box.closest("[data-scrolly-panel]");
    if (panel) new MutationObserver(update).observe(panel, { attributes: true, attributeFilter: ["data-active"] });

    if (typeof IntersectionObserver !== "function") {
      near = onScreen = true;
      update();
      return;
    }
    const nearObs = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          near = true;
          nearObs.disconnect();
          update();
        }
      },
      { rootMargin: "100% 0px 100% 0px" },
    );
    const screenObs = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) onScreen = last.isIntersecting;
      update();
    });
    nearObs.observe(box);
    screenObs.observe(box);
    update();
  },
};

/** The `[src, type]` pairs the server listed, in its order (the lighter video first). */
export function sourcesOf(box: HTMLElement): [string, string][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(box.dataset.sources ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (p): p is [string, string] => Array.isArray(p) && typeof p[0] === "string" && p[0] !== "" && typeof p[1] === "string",
  );
}
