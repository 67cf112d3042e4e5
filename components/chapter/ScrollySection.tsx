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

/** Server half of <Scrolly>: one panel slot per step; each step's media is rendered once, in its step. */
export function ScrollySection({ panels, children }: { ctx: ChapterRenderContext; panels?: string; children?: ReactNode }) {
  const list = parsePanels(panels).map((p) => ({ blank: !p.media }));
  return <ScrollyRoot panels={list}>{children}</ScrollyRoot>;
}

export function StepSection({
  ctx,
  index,
  id,
  media,
  alt,
  priority,
  children,
}: {
  ctx: ChapterRenderContext;
  index?: string;
  id?: string;
  media?: string;
  alt?: string;
  priority?: string;
  children?: ReactNode;
}) {
  // Rendered once: inline without JavaScript, moved into the sticky panel by the scrolly island.
  const inline = media ? <MediaView ctx={ctx} src={media} alt={alt ?? ""} priority={priority === "true"} /> : null;
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
