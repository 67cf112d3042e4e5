"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Preview only: when a chapter, the story, the schedule or a media file
 * changes, the server announces a new content version and the page re-renders
 * in place, keeping the scroll position.
 */
export function DevReload() {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource("/__installment/events");
    let first: string | null = null;
    source.onmessage = (event: MessageEvent<string>) => {
      if (first === null) first = event.data;
      else if (event.data !== first) {
        first = event.data;
        router.refresh();
      }
    };
    return () => source.close();
  }, [router]);
  return null;
}
