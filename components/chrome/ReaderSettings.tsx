"use client";

import { useEffect, useId, useState } from "react";
import { osPrefersReducedMotion, useReducedMotion } from "../motion/use-reduced-motion";
import { applyPref, readPrefs, storePref, type PrefName, type ReaderPrefs } from "./prefs";

export { readerPrefsScript } from "./prefs";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Reader settings menu (a <details> disclosure): "Show speaker names",
 * "Reduce motion" and "Collapse content warnings", persisted in localStorage and mirrored on <html> as
 * data-show-names / data-reduce-motion. The <head> script (readerPrefsScript)
 * applies them before paint; this component only reads and changes them.
 * Needs JavaScript, so it is hidden when scripting is off (fixed position: no
 * layout shift either way).
 */
export function ReaderSettings() {
  const id = useId();
  const [prefs, setPrefs] = useState<ReaderPrefs>({ showNames: false, reduceMotion: false, plainReading: false, collapseWarnings: false });
  const reduced = useReducedMotion();
  const [osReduced, setOsReduced] = useState(false);

  useEffect(() => {
    const stored = readPrefs(storage());
    setPrefs(stored);
    // In case the head script did not run (e.g. blocked by CSP).
    applyPref(document.documentElement, "showNames", stored.showNames);
    applyPref(document.documentElement, "reduceMotion", stored.reduceMotion);
    applyPref(document.documentElement, "plainReading", stored.plainReading);
    applyPref(document.documentElement, "collapseWarnings", stored.collapseWarnings);
  }, []);

  useEffect(() => {
    setOsReduced(osPrefersReducedMotion());
  }, [reduced]);

  const set = (name: PrefName, on: boolean) => {
    setPrefs((p) => ({ ...p, [name]: on }));
    applyPref(document.documentElement, name, on);
    storePref(storage(), name, on);
  };

  return (
    <details className="reader-settings">
      <summary className="reader-settings__summary">
        <span className="reader-settings__summary-text">Reader settings</span>
      </summary>
      <div className="reader-settings__panel">
        <div className="reader-settings__row">
          <input
            id={`${id}-names`}
            type="checkbox"
            className="reader-settings__check"
            checked={prefs.showNames}
            onChange={(e) => set("showNames", e.currentTarget.checked)}
          />
          <label htmlFor={`${id}-names`}>Show speaker names</label>
        </div>
        <div className="reader-settings__row">
          <input
            id={`${id}-motion`}
            type="checkbox"
            className="reader-settings__check"
            checked={prefs.reduceMotion || osReduced}
            disabled={osReduced}
            aria-describedby={osReduced ? `${id}-motion-note` : undefined}
            onChange={(e) => set("reduceMotion", e.currentTarget.checked)}
          />
          <label htmlFor={`${id}-motion`}>Reduce motion</label>
        </div>
        <div className="reader-settings__row">
          <input
            id={`${id}-plain`}
            type="checkbox"
            className="reader-settings__check"
            checked={prefs.plainReading}
            onChange={(e) => set("plainReading", e.currentTarget.checked)}
          />
          <label htmlFor={`${id}-plain`}>Plain reading (every picture with its text)</label>
        </div>
        <div className="reader-settings__row">
          <input
            id={`${id}-warnings`}
            type="checkbox"
            className="reader-settings__check"
            checked={prefs.collapseWarnings}
            onChange={(e) => set("collapseWarnings", e.currentTarget.checked)}
          />
          <label htmlFor={`${id}-warnings`}>Collapse content warnings</label>
        </div>
        {osReduced ? (
          <p id={`${id}-motion-note`} className="reader-settings__note">
            Your system setting already reduces motion.
          </p>
        ) : null}
      </div>
    </details>
  );
}
