import type { ChapterRenderContext } from "./media-context";
import { MediaView } from "./MediaView";

export interface FigureProps {
  ctx: ChapterRenderContext;
  src: string;
  alt: string;
  caption?: string;
  priority?: string;
  kind: "gif" | "still";
}

/** Full-bleed <Gif> and <Still>. */
export function Figure({ ctx, src, alt, caption, priority, kind }: FigureProps) {
  return (
    <figure className={`figure figure--${kind}`}>
      <MediaView ctx={ctx} src={src} alt={alt} priority={priority === "true"} />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}
