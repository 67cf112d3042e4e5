// Content warnings before a chapter: an open, labelled box with a skip link
// past it. A reader who chose "collapse content warnings" (reader settings)
// gets the collapsed summary instead; CSS picks one, so no JavaScript is needed.
export function ChapterWarnings({ warnings, skipTo }: { warnings: string[]; skipTo: string }) {
  if (warnings.length === 0) return null;
  const list = (
    <ul className="framing-warnings-list">
      {warnings.map((w, i) => (
        <li key={i}>{w}</li>
      ))}
    </ul>
  );
  return (
    <>
      <aside className="framing-warnings" aria-labelledby="framing-warnings-title">
        <h2 id="framing-warnings-title">Content warnings</h2>
        {list}
        <a className="framing-skip" href={`#${skipTo}`}>
          Skip past the warnings to the story
        </a>
      </aside>
      <details className="framing-warnings-collapsed">
        <summary>Content warnings ({warnings.length})</summary>
        {list}
      </details>
    </>
  );
}
