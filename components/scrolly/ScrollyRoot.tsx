import type { ReactNode } from "react";

/**
 * Server markup of a <Scrolly>: a sticky box of empty panels (one per step)
 * over the steps. Each step renders its own media once (StepFrame); the
 * `scrolly` island (components/islands/scrolly.ts) moves it into the panel
 * and activates steps on scroll. Without JavaScript the sticky box is hidden
 * and each step shows its media inline.
 */
export function ScrollyRoot(p: { panels: { blank: boolean }[]; children: ReactNode }) {
  return (
    <div className="scrolly" data-scrolly-root="">
      <div className="scrolly__sticky">
        {p.panels.map((panel, i) => (
          <div
            key={i}
            className="scrolly__panel"
            data-scrolly-panel=""
            data-index={i}
            data-active={i === 0 ? "true" : "false"}
            inert={i !== 0}
          >
            {panel.blank ? <div className="scrolly-blank" /> : null}
          </div>
        ))}
      </div>
      <div className="scrolly__steps">{p.children}</div>
    </div>
  );
}
