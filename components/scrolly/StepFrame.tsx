import type { ReactNode } from "react";

/** Server markup of one <Step>: its media (moved into the sticky panel by the scrolly island) and its text; `id` is its deep-link anchor. */
export function StepFrame(p: { index: number; id?: string; inlineMedia: ReactNode; children: ReactNode }) {
  return (
    <section id={p.id} data-scrolly-step="" data-index={p.index} data-active={p.index === 0 ? "true" : "false"} className="scrolly-step">
      <div className="scrolly-step__media">{p.inlineMedia}</div>
      <div className="scrolly-step__text">{p.children}</div>
    </section>
  );
}
