import { describe, expect, it } from "vitest";
import { loopVideoLabels, shouldLoadSources, shouldPlay, type LoopVideoState } from "../../components/media/loop-video-state";

const base: LoopVideoState = {
  priority: false,
  near: false,
  preloadAllowed: true,
  visible: true,
  onScreen: false,
  reduced: false,
  choice: null,
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
  it("labels name the animation, or stay generic when decorative", () => {
    expect(loopVideoLabels("A probe drifting")).toEqual({
      play: "Play animation: A probe drifting",
      pause: "Pause animation: A probe drifting",
    });
    expect(loopVideoLabels("  ").play).toBe("Play animation");
  });
});
