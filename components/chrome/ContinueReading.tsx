"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { scrollFraction, scrollYForFraction, throttle } from "../scrolly/scroll-math";
import { continueTarget, parsePlace, PLACE_KEY, RESUME_HASH, serializePlace } from "./place";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readPlace() {
  try {
    return parsePlace(storage()?.getItem(PLACE_KEY));
  } catch {
    return null;
  }
}

/**
 * On a chapter page: remembers how far the reader got (throttled, on scroll),
 * and when the URL hash is #resume, scrolls back to the stored place, then
 * drops the hash so a later reload uses the browser's own scroll restoration.
 * Renders nothing.
 */
export function RememberPlace({ slug, title }: { slug: string; title: string }) {
  useEffect(() => {
    const doc = document.documentElement;
    const save = throttle(() => {
      const fraction = scrollFraction(window.scrollY, doc.scrollHeight, window.innerHeight);
      try {
        storage()?.setItem(PLACE_KEY, serializePlace({ slug, title, fraction, at: Date.now() }));
      } catch {
        // storage full or blocked: nothing to remember with
      }
    }, 1000);

    let frame = 0;
    if (window.location.hash === RESUME_HASH) {
      const place = readPlace();
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (place && place.slug === slug) {
          window.scrollTo({
            top: scrollYForFraction(place.fraction, doc.scrollHeight, window.innerHeight),
            behavior: "instant",
          });
        }
        const url = window.location.pathname + window.location.search;
        window.history.replaceState(window.history.state, "", url);
      });
    }

    window.addEventListener("scroll", save, { passive: true });
    const onHide = () => save.flush();
    window.addEventListener("pagehide", onHide);
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      window.removeEventListener("scroll", save);
      window.removeEventListener("pagehide", onHide);
      save.flush();
    };
  }, [slug, title]);

  return null;
}

/**
 * On the home page: "Continue reading: {title}" for the chapter the reader
 * left, only if it is one of `known` (released chapters). Server HTML is an
 * empty box of reserved height, so appearing after hydration shifts nothing.
 */
export function ContinueReading({ known }: { known: { slug: string; title: string }[] }) {
  const [target, setTarget] = useState<{ href: string; title: string } | null>(null);

  useEffect(() => {
    setTarget(continueTarget(readPlace(), known));
  }, [known]);

  return (
    <div className="continue-reading" data-continue-reading="">
      {target ? (
        <Link className="continue-reading__link" href={target.href}>
          Continue reading: {target.title}
        </Link>
      ) : null}
    </div>
  );
}
