import type { ReactNode } from "react";
import { ScrollyRoot } from "../scrolly/ScrollyRoot";
import { StepFrame } from "../scrolly/StepFrame";
import type { ChapterRenderContext } from "./media-context";
import { MediaView } from "./MediaView";
import { AnchorLink } from "./AnchorLink";

interface Panel {
  media: string | null;
  alt: string;
  priority: boolean;
}

/** Server half of <Scrolly>: renders every step's media so the panel needs no fetch. */
export function ScrollySection({ ctx, panels, children }: { ctx: ChapterRenderContext; panels?: string; children?: ReactNode }) {
  const list = parsePanels(panels);
  const nodes = list.map((p, i) =>
    p.media ? <MediaView key={i} ctx={ctx} src={p.media} alt={p.alt} priority={p.priority} /> : <div key={i} className="scrolly-blank" />,
  );
  return <ScrollyRoot panels={nodes}>{children}</ScrollyRoot>;
}

export function StepSection({
  ctx,
  index,
  id,
  media,
  alt,
  children,
}: {
  ctx: ChapterRenderContext;
  index?: string;
  id?: string;
  media?: string;
  alt?: string;
  children?: ReactNode;
}) {
  // Without JavaScript there is no sticky panel, so each step shows its own media.
  const inline = media ? <MediaView ctx={ctx} src={media} alt={alt ?? ""} /> : null;
  return (
    <StepFrame index={Number(index ?? 0)} id={id} inlineMedia={inline}>
      {id ? <AnchorLink id={id} label="Link to this step" /> : null}
      {children}
    </StepFrame>
  );
}

function parsePanels(raw: string | undefined): Panel[] {
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? (parsed as Panel[]) : [];
  } catch {
    return [];
  }
}
