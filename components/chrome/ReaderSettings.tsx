export { readerPrefsScript } from "./prefs";

const ID = "reader-settings";

/**
 * Reader settings menu (a <details> disclosure): "Show speaker names" and
 * "Reduce motion". Server markup only: the `reader-settings` island
 * (components/islands/reader-settings.ts) reads the stored preferences into
 * the boxes and persists changes; the <head> script (readerPrefsScript)
 * applies them before paint. Needs JavaScript, so it is hidden when scripting
 * is off (fixed position: no layout shift either way). Rendered once per page.
 */
export function ReaderSettings() {
  return (
    <details className="reader-settings" data-reader-settings="">
      <summary className="reader-settings__summary">
        <span className="reader-settings__summary-text">Reader settings</span>
      </summary>
      <div className="reader-settings__panel">
        <div className="reader-settings__row">
          <input id={`${ID}-names`} type="checkbox" className="reader-settings__check" data-pref="showNames" />
          <label htmlFor={`${ID}-names`}>Show speaker names</label>
        </div>
        <div className="reader-settings__row">
          <input id={`${ID}-motion`} type="checkbox" className="reader-settings__check" data-pref="reduceMotion" />
          <label htmlFor={`${ID}-motion`}>Reduce motion</label>
        </div>
        <p id={`${ID}-motion-note`} className="reader-settings__note" hidden>
          Your system setting already reduces motion.
        </p>
      </div>
    </details>
  );
}
