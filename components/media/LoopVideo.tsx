"use client";

import { useContext, useEffect, useRef, useState, type CSSProperties } from "react";
import { useReducedMotion } from "../motion/use-reduced-motion";
import { MediaVisibilityContext } from "./media-visibility";
import { loopVideoLabels, shouldLoadSources, shouldPlay } from "./loop-video-state";

export type LoopVideoProps = {
  mp4: string;
  webm: string;
  poster: string;
  width: number;
  height: number;
  alt: string;
  priority: boolean;
};

/**
 * A looping, muted video standing in for a GIF.
 *
 * Layers, all in one box sized by width/height + aspect-ratio (no shift):
 * 1. the poster <img> (eager + fetchpriority=high when `priority`, else
 *    native loading=lazy): what shows first, with or without JavaScript;
 * 2. the JS-driven <video> (no sources until needed, so it costs nothing
 *    until it is near the viewport; transparent until it has a frame);
 * 3. a <noscript> <video autoplay muted loop playsinline> with both sources:
 *    browsers only parse it with scripting off, so without JS the media plays
 *    as the GIF did, and with JS it never makes a request;
 * 4. a play/pause button (JS only).
 */
export function LoopVideo(p: LoopVideoProps) {
  const { mp4, webm, poster, width, height, alt, priority } = p;
  const box = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const ctx = useContext(MediaVisibilityContext);
  const reduced = useReducedMotion();
  // Sources are never in the server HTML (with JS the <video> would start
  // downloading before hydration, even under reduced motion, and without JS it
  // would duplicate the <noscript> one): even priority media attach them at
  // hydration, while their poster (the LCP element) is already loading with
  // fetchpriority=high from the HTML.
  const [mounted, setMounted] = useState(false);
  const [near, setNear] = useState(false);
  const [onScreen, setOnScreen] = useState(false);
  // null: follow the default (autoplay unless reduced). true/false: the
  // reader pressed play/pause.
  const [choice, setChoice] = useState<boolean | null>(null);

  // Reduced motion switched on: forget an earlier "play" so nothing moves
  // until the reader asks again.
  // Set as a property: the attribute is not valid HTML, and a looping GIF
  // stand-in has no business in a picture-in-picture window.
  useEffect(() => {
    if (video.current) video.current.disablePictureInPicture = true;
  }, []);
  useEffect(() => {
    if (reduced) setChoice(null);
  }, [reduced]);

  useEffect(() => {
    setMounted(true);
    const el = box.current;
    if (!el || typeof IntersectionObserver !== "function") {
      setNear(true);
      setOnScreen(true);
      return;
    }
    // Start loading about one viewport ahead; play only while on screen.
    const nearObs = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          nearObs.disconnect();
        }
      },
      { rootMargin: "100% 0px 100% 0px" },
    );
    const screenObs = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setOnScreen(last.isIntersecting);
    });
    nearObs.observe(el);
    screenObs.observe(el);
    return () => {
      nearObs.disconnect();
      screenObs.disconnect();
    };
  }, []);

  const state = { priority, near, preloadAllowed: ctx.preload, visible: ctx.visible, onScreen, reduced, choice };
  const wantLoad = mounted && shouldLoadSources(state);
  const play = shouldPlay(state);
  // Once attached, sources stay: detaching them would not stop a playing
  // element and would throw away what was downloaded.
  const [load, setLoad] = useState(false);
  if (wantLoad && !load) setLoad(true);

  // Sources were just attached: make the element pick one.
  useEffect(() => {
    if (load) video.current?.load();
  }, [load]);

  useEffect(() => {
    const v = video.current;
    if (!v || !load) return;
    if (play) {
      const r = v.play();
      if (r) r.catch(() => {});
    } else if (!v.paused) v.pause();
  }, [play, load]);

  const decorative = alt.trim() === "";
  const labels = loopVideoLabels(alt);
  const style = { aspectRatio: `${width} / ${height}`, "--loop-video-ar": String(width / height) } as CSSProperties;

  return (
    <div className="loop-video" data-loop-video="" data-playing={play ? "true" : "false"} data-show-toggle={reduced || choice === false ? "true" : undefined} style={style} ref={box}>
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
        <video
          ref={video}
          className="loop-video__media"
          width={width}
          height={height}
          muted
          loop
          playsInline
          preload={load ? "auto" : "none"}
          aria-hidden="true"
        >
          {load ? <source src={webm} type="video/webm" /> : null}
          {load ? <source src={mp4} type="video/mp4" /> : null}
        </video>
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
            <source src={webm} type="video/webm" />
            <source src={mp4} type="video/mp4" />
          </video>
        </noscript>
      </div>
      <button
        type="button"
        className="loop-video__toggle"
        aria-label={play ? labels.pause : labels.play}
        onClick={() => setChoice(!play)}
      >
        <span aria-hidden="true" className={play ? "loop-video__icon loop-video__icon--pause" : "loop-video__icon loop-video__icon--play"} />
      </button>
    </div>
  );
}
