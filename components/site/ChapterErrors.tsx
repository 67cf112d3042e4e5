import path from "node:path";
import type { ChapterSource, Diagnostic } from "../../lib/content/types";
import { formatMessage, formatPlace } from "../../lib/content/format-diagnostic";

/** Preview only: a broken chapter shows its problems in its place. */
export function ChapterErrors({ root, source, diagnostics }: { root: string; source: ChapterSource; diagnostics: Diagnostic[] }) {
  const base = path.dirname(root);
  return (
    <section className="chapter-errors" role="alert" aria-labelledby="errors-title">
      <h1 id="errors-title">
        Chapter {source.number} has {diagnostics.length === 1 ? "a problem" : `${diagnostics.length} problems`}
      </h1>
      <p>Fix the file and save: this page reloads with the result. Every other chapter keeps working.</p>
      <ul className="diagnostics">
        {diagnostics.map((d, i) => (
          <li key={i}>
            <code>{formatPlace(d, base)}</code> {formatMessage(d)}
          </li>
        ))}
      </ul>
    </section>
  );
}
