import type { CSSProperties } from "react";
import { loopVideoLabels } from "./loop-video-state";

/** A `<source>`: URL and type, in the order the browser should consider them. */
export type LoopVideoSource = { src: string; type: string };

export type LoopVideoProps = {
  /** The lighter first: a browser plays the first one it can. */
  sources: LoopVideoSource[];
  poster: string;
  width: number;
  height: number;
  alt: string;
  priority: boolean;
};

/**
 * A looping, muted video standing in for a GIF: server markup only. The
 * behaviour is the `loop-video` island (components/islands/loop-video.ts),
 * which reads the sources, in order, from data-sources (JSON [src, type] pairs).
 *
 * Layers, all in one box sized by width/height + aspect-ratio (no shift):
 * 1. the poster <img> (eager + fetchpriority=high when `priority`, else
 *    native loading=lazy): what shows first, with or without JavaScript;
 * 2. the <video> with no sources and preload="none": it costs nothing until
 *    the island sees it near the viewport (transparent until it has a frame);
 * 3. a <noscript> <video autoplay muted loop playsinline> with every source:
 *    browsers only parse it with scripting off, so without JS the media plays
 *    as the GIF did, and with JS it never makes a request;
 * 4. a play/pause button (JS only).
 */
export function LoopVideo(p: LoopVideoProps) {
  const { sources, poster, width, height, alt, priority } = p;
  const decorative = alt.trim() === "";
  const labels = loopVideoLabels(alt);
  const style = { aspectRatio: `${width} / ${height}`, "--loop-video-ar": String(width / height) } as CSSProperties;

  return (
    <div
      className="loop-video"
      data-loop-video=""
      data-sources={JSON.stringify(sources.map((s) => [s.src, s.type]))}
      data-playing="false"
      style={style}
    >
      <div
        className="loop-video__frame"
        role={decorative ? undefined : "img"}
        aria-label={decorative ? undefined : alt}
        aria-hidden={decorative ? true : undefined}
      >
        <img
          className="loop-video__poster"
          src={poster}
          width={width}
          height={height}
          alt=""
          decoding="async"
          loading={priority ? "eager" : "lazy"}
          fetchPriority={priority ? "high" : "auto"}
        />
        <video className="loop-video__media" width={width} height={height} muted loop playsInline preload="none" aria-hidden="true" />
        <noscript>
          <video
            className="loop-video__media loop-video__media--noscript"
            width={width}
            height={height}
            poster={poster}
            autoPlay
            muted
            loop
            playsInline
            aria-hidden="true"
          >
            {sources.map((s) => (
              <source key={s.src} src={s.src} type={s.type} />
            ))}
          </video>
        </noscript>
      </div>
      <button type="button" className="loop-video__toggle" aria-label={labels.play}>
        <span aria-hidden="true" className="loop-video__icon loop-video__icon--play" />
      </button>
    </div>
  );
}
