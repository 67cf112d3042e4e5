"use client";

import { LazyMotion, MotionConfig } from "framer-motion";
import type { ReactNode } from "react";
import { useReducedMotion } from "./use-reduced-motion";

const loadFeatures = () => import("./motion-features").then((m) => m.default);

/**
 * Wrap the page once. `strict` makes any stray `motion.*` (which would pull in
 * the whole engine synchronously) throw in development: use `m.*`.
 * reducedMotion follows the OS setting and the reader toggle; components like
 * <Reveal> additionally skip their animation entirely under reduced motion.
 */
export function MotionProvider({ children }: { children: ReactNode }) {
  const reduced = useReducedMotion();
  return (
    <LazyMotion features={loadFeatures} strict>
      <MotionConfig reducedMotion={reduced ? "always" : "never"}>{children}</MotionConfig>
    </LazyMotion>
  );
}
