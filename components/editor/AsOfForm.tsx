/**
 * "View the site as of <instant>": the edge handles /editor/as-of (it sets a
 * cookie for this editor only and redirects to the home page).
 */
export function AsOfForm({ asOfIso, example }: { asOfIso: string | null; example: string }) {
  return (
    <section className="editor-section" aria-labelledby="editor-as-of">
      <h2 id="editor-as-of">View the site as of an instant</h2>
      <p id="editor-as-of-help" className="editor-help">
        An ISO 8601 instant with <code>Z</code> or an offset, e.g. <code>{example}</code>. Only you see the site at that instant, until you
        go back to now.
      </p>
      <form className="editor-form" action="/editor/as-of" method="get">
        <label htmlFor="editor-at">Instant</label>
        <input
          id="editor-at"
          name="at"
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          required
          placeholder={example}
          defaultValue={asOfIso ?? ""}
          aria-describedby="editor-as-of-help"
        />
        <button type="submit">View the site</button>
      </form>
      <p>
        {asOfIso ? (
          <>
            Now viewing the site as of <time dateTime={asOfIso}>{asOfIso}</time>.{" "}
          </>
        ) : null}
        <a href="/editor/as-of?at=">Back to now</a>
      </p>
    </section>
  );
}
