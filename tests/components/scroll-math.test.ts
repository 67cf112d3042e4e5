import { afterEach, describe, expect, it, vi } from "vitest";
import {
  activeIndexAt,
  clamp01,
  debounce,
  scrollFraction,
  scrollYForFraction,
  throttle,
  triggerLine,
  type StepRect,
} from "../../components/scrolly/scroll-math";

// Three 400px steps with 200px gaps, positioned for a given scrollY
// (document tops 1000, 1600, 2200).
function rectsAt(scrollY: number): StepRect[] {
  return [1000, 1600, 2200].map((top) => ({ top: top - scrollY, bottom: top - scrollY + 400 }));
}

describe("triggerLine", () => {
  it("is offset × viewport height, clamped", () => {
    expect(triggerLine(800, 0.5)).toBe(400);
    expect(triggerLine(800)).toBe(400);
    expect(triggerLine(800, 2)).toBe(800);
    expect(triggerLine(800, -1)).toBe(0);
  });
});

describe("activeIndexAt", () => {
  const line = 400;
  it("returns -1 without steps", () => {
    expect(activeIndexAt([], line)).toBe(-1);
  });
  it("is step 0 before any step reaches the line", () => {
    expect(activeIndexAt(rectsAt(0), line)).toBe(0);
  });
  it("activates a step exactly when its top touches the line", () => {
    // step 1 top (1600 - scrollY) === 400 at scrollY 1200
    expect(activeIndexAt(rectsAt(1199), line)).toBe(0);
    expect(activeIndexAt(rectsAt(1200), line)).toBe(1);
  });
  it("keeps the previous step active in the gap between steps", () => {
    // step 0 spans 1000..1400; at scrollY 1100 the line is at doc 1500 (gap)
    expect(activeIndexAt(rectsAt(1100), line)).toBe(0);
  });
  it("keeps the last step active after the end", () => {
    expect(activeIndexAt(rectsAt(10_000), line)).toBe(2);
  });
  it("gives the right step after a jump of any size (fast scroll, reload mid-page)", () => {
    // From the top straight to the middle of step 2 — no intermediate states.
    expect(activeIndexAt(rectsAt(2000), line)).toBe(2);
    // And straight back up into step 0.
    expect(activeIndexAt(rectsAt(700), line)).toBe(0);
    // Mid step 1
    expect(activeIndexAt(rectsAt(1400), line)).toBe(1);
  });
  it("handles a step taller than the viewport", () => {
    const rects = [
      { top: -3000, bottom: 2000 },
      { top: 2000, bottom: 2400 },
    ];
    expect(activeIndexAt(rects, 400)).toBe(0);
  });
});

describe("clamp01", () => {
  it("clamp01 clamps and maps NaN to 0", () => {
    expect(clamp01(-0.1)).toBe(0);
    expect(clamp01(1.5)).toBe(1);
    expect(clamp01(0.3)).toBe(0.3);
    expect(clamp01(Number.NaN)).toBe(0);
  });
});

describe("scroll fraction", () => {
  it("maps scrollY to 0..1 and back", () => {
    expect(scrollFraction(0, 5000, 1000)).toBe(0);
    expect(scrollFraction(2000, 5000, 1000)).toBe(0.5);
    expect(scrollFraction(9000, 5000, 1000)).toBe(1);
    expect(scrollYForFraction(0.5, 5000, 1000)).toBe(2000);
    expect(scrollYForFraction(2, 5000, 1000)).toBe(4000);
  });
  it("is 0 for pages that do not scroll", () => {
    expect(scrollFraction(0, 800, 1000)).toBe(0);
    expect(scrollYForFraction(0.7, 800, 1000)).toBe(0);
  });
});

describe("debounce", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  it("runs once with the last arguments after quiet time", () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d(1);
    vi.advanceTimersByTime(100);
    d(2);
    vi.advanceTimersByTime(100);
    d(3);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith(3);
  });
  it("cancel drops the pending call (unmount)", () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 50);
    d();
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
  });
  it("flush runs the pending call now", () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 50);
    d("x");
    d.flush();
    expect(fn).toHaveBeenCalledWith("x");
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe("throttle", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  it("runs at once, then at most once per interval, and keeps the final call", () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const t = throttle(fn, 1000, () => Date.now());
    t(1);
    expect(fn).toHaveBeenCalledTimes(1);
    t(2);
    t(3);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
    expect(fn).toHaveBeenLastCalledWith(3);
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
