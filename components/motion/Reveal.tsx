import type { ReactNode } from "react";

/**
 * Fade/rise entrance the first time the content scrolls into view: server
 * markup only. The `reveal` island (components/islands/reveal.ts) hides lines
 * that start wholly below the fold and shows them with a CSS transition when
 * one shared IntersectionObserver sees them; visible without JavaScript and
 * under reduced motion nothing is ever hidden.
 */
export function Reveal({ children }: { children: ReactNode; delay?: number }) {
  return <div className="reveal">{children}</div>;
}
