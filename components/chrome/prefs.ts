// Reader preferences: storage keys, parsing, and the pre-paint script.

export const PREFS = {
  showNames: { key: "installment:show-names", attr: "data-show-names" },
  reduceMotion: { key: "installment:reduce-motion", attr: "data-reduce-motion" },
  plainReading: { key: "installment:plain-reading", attr: "data-plain-reading" },
  collapseWarnings: { key: "installment:collapse-warnings", attr: "data-collapse-warnings" },
} as const;

export type PrefName = keyof typeof PREFS;
export type ReaderPrefs = Record<PrefName, boolean>;

/** A stored flag: only the exact string "true" turns a preference on. */
export function parseFlag(raw: string | null | undefined): boolean {
  return raw === "true";
}

export function readPrefs(storage: Pick<Storage, "getItem"> | null | undefined): ReaderPrefs {
  const get = (key: string): string | null => {
    try {
      return storage ? storage.getItem(key) : null;
    } catch {
      return null; // storage disabled (privacy mode, sandbox)
    }
  };
  return {
    showNames: parseFlag(get(PREFS.showNames.key)),
    reduceMotion: parseFlag(get(PREFS.reduceMotion.key)),
    plainReading: parseFlag(get(PREFS.plainReading.key)),
    collapseWarnings: parseFlag(get(PREFS.collapseWarnings.key)),
  };
}

/** Mirror one preference on <html> as data-…="true" (absent when off). */
export function applyPref(root: Element, name: PrefName, on: boolean): void {
  if (on) root.setAttribute(PREFS[name].attr, "true");
  else root.removeAttribute(PREFS[name].attr);
}

export function storePref(storage: Pick<Storage, "setItem" | "removeItem"> | null | undefined, name: PrefName, on: boolean): void {
  try {
    if (!storage) return;
    if (on) storage.setItem(PREFS[name].key, "true");
    else storage.removeItem(PREFS[name].key);
  } catch {
    // Not persisted; the attribute still applies for this page view.
  }
}

/** Memory of what the reader read (components/islands/memory/marks.ts MEMORY_KEY); here so the head script needs no island code. */
export const READING_MEMORY_KEY = "installment:memory";

/**
 * Marks on <html> that let CSS reserve, before first paint, the room that
 * islands fill in later, so the home page never jumps: `data-scripted` (the
 * islands will run: "Forget my reading"), `data-offline-capable` (the offline
 * option will show), `data-reading-memory` (a returning reader: the "new
 * since your last visit" line will be filled).
 */
export const LAYOUT_MARKS = {
  scripted: "data-scripted",
  offlineCapable: "data-offline-capable",
  readingMemory: "data-reading-memory",
  fullLayout: "data-full-layout",
} as const;

/**
 * Body of an inline <script> for <head>: applies stored preferences and the
 * layout marks to <html> before first paint (no flash of names/motion, no
 * shift when islands mount). Self-contained ES5, never throws (storage can
 * be blocked).
 */
export const readerPrefsScript: string = `(function(){var d=document.documentElement;d.setAttribute("${LAYOUT_MARKS.scripted}","true");try{var w=window,n=w.navigator;if(n&&"serviceWorker" in n&&"caches" in w)d.setAttribute("${LAYOUT_MARKS.offlineCapable}","true");var s=w.localStorage;if(s.getItem("${READING_MEMORY_KEY}")!==null)d.setAttribute("${LAYOUT_MARKS.readingMemory}","true");${JSON.stringify(
  (Object.values(PREFS) as { key: string; attr: string }[]).map((p) => [p.key, p.attr]),
)}.forEach(function(p){if(s.getItem(p[0])==="true")d.setAttribute(p[1],"true")})}catch(e){}try{var t=w.performance.getEntriesByType("navigation")[0];if(w.location.hash||t&&t.type!=="navigate")d.setAttribute("${LAYOUT_MARKS.fullLayout}","true")}catch(e){}})();`;
