import type { MediaAsset, MediaManifest } from "../../lib/media/types";
import type { Story } from "../../lib/content/types";

/** What the chapter's server components need to turn content paths into pictures. */
export interface ChapterRenderContext {
  story: Story;
  media: MediaManifest;
  /** Public URL of a generated media file. */
  mediaUrl: (file: string) => string;
}

export function assetFor(ctx: ChapterRenderContext, rel: string): MediaAsset | undefined {
  return ctx.media[rel];
}
