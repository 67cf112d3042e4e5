"use client";

import { useEffect, useRef } from "react";
import { scrollFraction } from "../scrolly/scroll-math";

/**
 * A thin bar at the top of the chapter showing how far the reader has
 * scrolled. It repeats what the scrollbar already tells, so it is decorative
 * (aria-hidden) rather than a progressbar that would be announced on every
 * change. Updated once per frame by writing `transform: scaleX()` directly:
 * no re-render, no layout.
 */
export function ReadingProgress() {
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const doc = document.documentElement;
      const f = scrollFraction(window.scrollY, doc.scrollHeight, window.innerHeight);
      el.style.transform = `scaleX(${f.toFixed(4)})`;
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    const ro = typeof ResizeObserver === "function" ? new ResizeObserver(schedule) : undefined;
    ro?.observe(document.body);
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule, { passive: true });
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      ro?.disconnect();
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
    };
  }, []);

  return (
    <div className="reading-progress" aria-hidden="true">
      <div className="reading-progress__bar" ref={bar} style={{ transform: "scaleX(0)" }} />
    </div>
  );
}
