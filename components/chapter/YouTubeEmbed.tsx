import { YouTubeFacade } from "../youtube/YouTubeFacade";
import type { ChapterRenderContext } from "./media-context";
import { assetFor } from "./media-context";

/** Server half of <YouTube>: picks the local poster so the facade never asks YouTube for one. */
export function YouTubeEmbed({
  ctx,
  id,
  title,
  start,
  poster,
}: {
  ctx: ChapterRenderContext;
  id: string;
  title: string;
  start?: string | number;
  poster?: string;
}) {
  const asset = poster ? assetFor(ctx, poster) : undefined;
  let posterProp: { src: string; width: number; height: number } | undefined;
  if (asset?.kind === "image") {
    const webp = asset.renditions.filter((r) => r.format === "webp").sort((a, b) => a.width - b.width);
    const pick = webp.find((r) => r.width >= 960) ?? webp[webp.length - 1];
    posterProp = { src: ctx.mediaUrl(pick?.file ?? asset.fallback), width: asset.width, height: asset.height };
  }
  const startSeconds = start === undefined ? undefined : Number(start);
  return (
    <figure className="figure figure--video">
      <YouTubeFacade id={id} title={title} start={startSeconds} poster={posterProp} />
    </figure>
  );
}
