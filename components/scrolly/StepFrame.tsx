import type { ReactNode } from "react";

/** Server markup of one <Step>: its media (moved into the sticky panel by the scrolly island) and its text. */
export function StepFrame(p: { index: number; inlineMedia: ReactNode; children: ReactNode }) {
  return (
    <section data-scrolly-step="" data-index={p.index} data-active={p.index === 0 ? "true" : "false"} className="scrolly-step">
      <div className="scrolly-step__media">{p.inlineMedia}</div>
      <div className="scrolly-step__text">{p.children}</div>
    </section>
  );
}
