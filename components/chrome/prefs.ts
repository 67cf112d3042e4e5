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

/**
 * Body of an inline <script> for <head>: applies stored preferences to
 * <html> before first paint (no flash of names/motion). Self-contained ES5,
 * never throws (storage can be blocked).
 */
export const readerPrefsScript: string = `(function(){try{var d=document.documentElement,s=window.localStorage;${JSON.stringify(
  (Object.values(PREFS) as { key: string; attr: string }[]).map((p) => [p.key, p.attr]),
)}.forEach(function(p){if(s.getItem(p[0])==="true")d.setAttribute(p[1],"true")})}catch(e){}})();`;
