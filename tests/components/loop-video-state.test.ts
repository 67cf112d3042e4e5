import { describe, expect, it } from "vitest";
import {
  isAutoplayRefusal,
  loopVideoLabels,
  shouldLoadSources,
  shouldPlay,
  showsToggle,
  type LoopVideoState,
} from "../../components/media/loop-video-state";

const base: LoopVideoState = {
  priority: false,
  near: false,
  preloadAllowed: true,
  visible: true,
  onScreen: false,
  reduced: false,
  choice: null,
  refused: false,
};

describe("LoopVideo decisions", () => {
  it("lazy media load only when near and allowed", () => {
    expect(shouldLoadSources(base)).toBe(false);
    expect(shouldLoadSources({ ...base, near: true })).toBe(true);
    expect(shouldLoadSources({ ...base, near: true, preloadAllowed: false })).toBe(false);
  });
  it("priority media load at once", () => {
    expect(shouldLoadSources({ ...base, priority: true })).toBe(true);
  });
  it("plays only while on screen and visible", () => {
    const loaded = { ...base, near: true };
    expect(shouldPlay(loaded)).toBe(false);
    expect(shouldPlay({ ...loaded, onScreen: true })).toBe(true);
    expect(shouldPlay({ ...loaded, onScreen: true, visible: false })).toBe(false);
  });
  it("under reduced motion: no download and no play until the reader asks", () => {
    const r = { ...base, priority: true, near: true, onScreen: true, reduced: true };
    expect(shouldLoadSources(r)).toBe(false);
    expect(shouldPlay(r)).toBe(false);
    expect(shouldLoadSources({ ...r, choice: true })).toBe(true);
    expect(shouldPlay({ ...r, choice: true })).toBe(true);
    expect(shouldPlay({ ...r, choice: true, onScreen: false })).toBe(false);
  });
  it("a reader's pause holds", () => {
    expect(shouldPlay({ ...base, near: true, onScreen: true, choice: false })).toBe(false);
  });
  it("a refused autoplay waits for the reader's press, with the control shown", () => {
    const refused = { ...base, near: true, onScreen: true, refused: true };
    expect(shouldPlay(refused)).toBe(false);
    expect(showsToggle(refused)).toBe(true);
    expect(shouldPlay({ ...refused, choice: true })).toBe(true);
    expect(showsToggle(base)).toBe(false);
  });
  it("only NotAllowedError counts as a refusal", () => {
    expect(isAutoplayRefusal(new DOMException("gesture needed", "NotAllowedError"))).toBe(true);
    expect(isAutoplayRefusal(new DOMException("interrupted by pause()", "AbortError"))).toBe(false);
    expect(isAutoplayRefusal(new Error("NotAllowedError"))).toBe(false);
    expect(isAutoplayRefusal(undefined)).toBe(false);
  });
  it("labels name the animation, or stay generic when decorative", () => {
    expect(loopVideoLabels("A probe drifting")).toEqual({
      play: "Play animation: A probe drifting",
      pause: "Pause animation: A probe drifting",
    });
    expect(loopVideoLabels("  ").play).toBe("Play animation");
  });
});
