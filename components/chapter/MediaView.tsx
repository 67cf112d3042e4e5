import { LoopVideo } from "../media/LoopVideo";
import type { ChapterRenderContext } from "./media-context";
import { assetFor } from "./media-context";

export interface MediaViewProps {
  ctx: ChapterRenderContext;
  src: string;
  alt: string;
  priority?: boolean;
  /** Layout hint for `sizes`: media fill the page width. */
  sizes?: string;
}

/** One picture: a looping video for a transcoded GIF, a responsive image for a still. */
export function MediaView({ ctx, src, alt, priority = false, sizes = "100vw" }: MediaViewProps) {
  const asset = assetFor(ctx, src);
  if (!asset) {
    // The media pipeline has not produced this file (yet): keep the page whole.
    return (
      <div className="media-missing" role="img" aria-label={alt}>
        <span>{alt || "image unavailable"}</span>
      </div>
    );
  }
  if (asset.kind === "video") {
    return (
      <LoopVideo
        sources={asset.sources.map((s) => ({ src: ctx.mediaUrl(s.file), type: s.type }))}
        poster={ctx.mediaUrl(asset.poster)}
        width={asset.width}
        height={asset.height}
        alt={alt}
        priority={priority}
      />
    );
  }
  // Intrinsic size on every picture: the browser reserves its box before it loads.
  const img = {
    className: "media-img",
    width: asset.width,
    height: asset.height,
    alt,
    loading: priority ? "eager" : "lazy",
    fetchPriority: priority ? "high" : "auto",
    decoding: "async",
  } as const;
  if (asset.kind === "gif") return <img {...img} src={ctx.mediaUrl(asset.file)} />;
  const byFormat = (format: string) =>
    asset.renditions
      .filter((r) => r.format === format)
      .map((r) => `${ctx.mediaUrl(r.file)} ${r.width}w`)
      .join(", ");
  const avif = byFormat("avif");
  const webp = byFormat("webp");
  return (
    <picture>
      {avif ? <source type="image/avif" srcSet={avif} sizes={sizes} /> : null}
      {webp ? <source type="image/webp" srcSet={webp} sizes={sizes} /> : null}
      <img {...img} src={ctx.mediaUrl(asset.fallback)} />
    </picture>
  );
}
