export { readerPrefsScript } from "./prefs";

const ID = "reader-settings";

/** One stored preference per row: the `reader-settings` island fills and persists the boxes by `data-pref`. */
const ROWS = [
  { pref: "showNames", id: "names", label: "Show speaker names" },
  { pref: "reduceMotion", id: "motion", label: "Reduce motion" },
  { pref: "plainReading", id: "plain", label: "Plain reading (every picture with its text)" },
  { pref: "collapseWarnings", id: "warnings", label: "Collapse content warnings" },
] as const;

/**
 * Reader settings menu (a <details> disclosure). Server markup only: the
 * `reader-settings` island (components/islands/reader-settings.ts) reads the
 * stored preferences into the boxes and persists changes; the <head> script
 * (readerPrefsScript) applies them before paint. Needs JavaScript, so it is
 * hidden when scripting is off (fixed position: no layout shift either way).
 * Rendered once per page.
 */
export function ReaderSettings() {
  return (
    <details className="reader-settings" data-reader-settings="">
      <summary className="reader-settings__summary">
        <span className="reader-settings__summary-text">Reader settings</span>
      </summary>
      <div className="reader-settings__panel">
        {ROWS.map((row) => (
          <div key={row.pref} className="reader-settings__row">
            <input id={`${ID}-${row.id}`} type="checkbox" className="reader-settings__check" data-pref={row.pref} />
            <label htmlFor={`${ID}-${row.id}`}>{row.label}</label>
          </div>
        ))}
        <p id={`${ID}-motion-note`} className="reader-settings__note" hidden>
          Your system setting already reduces motion.
        </p>
      </div>
    </details>
  );
}
