"use client";

import { m, type Variants } from "framer-motion";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useReducedMotion } from "./use-reduced-motion";

type Phase = "static" | "hidden" | "shown";

/**
 * Fade/rise entrance the first time the content scrolls into view.
 *
 * Visible without JavaScript: the server HTML (and the first client render)
 * are fully visible (`initial={false}`, so framer-motion writes the "shown"
 * values: opacity 1, no transform). Only after hydration, and only if the
 * element is still entirely below the fold and motion is not reduced, is it
 * set to the hidden state; it then animates in once when it enters the
 * viewport. Content already on screen never blinks, and under reduced motion
 * nothing is ever hidden or animated. Transform and opacity only: no layout
 * shift.
 */
export function Reveal({ children, delay = 0 }: { children: ReactNode; delay?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const reduced = useReducedMotion();
  const [phase, setPhase] = useState<Phase>("static");

  useEffect(() => {
    const el = ref.current;
    if (!el || reduced || typeof IntersectionObserver !== "function") {
      setPhase((p) => (p === "hidden" ? "shown" : p));
      return;
    }
    if (phase !== "static") return;
    const belowFold = el.getBoundingClientRect().top > window.innerHeight;
    if (!belowFold) return;
    setPhase("hidden");
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setPhase("shown");
          io.disconnect();
        }
      },
      { rootMargin: "0px 0px -10% 0px" },
    );
    io.observe(el);
    return () => io.disconnect();
    // phase is read only to start once; re-running on its change is not wanted
    // except when reduced motion flips.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reduced]);

  const variants: Variants = {
    hidden: { opacity: 0, y: 24, transition: { duration: 0 } },
    shown: reduced
      ? { opacity: 1, y: 0, transition: { duration: 0 } }
      : { opacity: 1, y: 0, transition: { duration: 0.6, delay, ease: [0.22, 1, 0.36, 1] } },
  };

  return (
    <m.div
      ref={ref}
      className="reveal"
      data-reveal={phase}
      initial={false}
      animate={phase === "hidden" ? "hidden" : "shown"}
      variants={variants}
    >
      {children}
    </m.div>
  );
}
