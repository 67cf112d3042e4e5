import type { DashboardData } from "./dashboard-data";

/** The problems `npm run check` reports and the warnings of `npm run schedule -- status`. */
export function Warnings({ data }: { data: DashboardData }) {
  const total = data.checkProblems.length + data.scheduleWarnings.length;
  return (
    <section className="editor-section" aria-labelledby="editor-warnings">
      <h2 id="editor-warnings">
        Warnings <span className="editor-count">({total})</span>
      </h2>
      <h3>Content (npm run check)</h3>
      {data.checkProblems.length === 0 ? (
        <p className="editor-ok">No problems in the story, the schedule or the chapters.</p>
      ) : (
        <ul className="editor-warnings">
          {data.checkProblems.map((p, i) => (
            <li key={i} className={`editor-warning editor-warning--${p.severity}`}>
              <span className="editor-severity">{p.severity === "error" ? "Error" : "Warning"}:</span> <code>{p.text}</code>
            </li>
          ))}
        </ul>
      )}
      <h3>Schedule (npm run schedule -- status)</h3>
      {data.scheduleWarnings.length === 0 ? (
        <p className="editor-ok">No schedule warnings.</p>
      ) : (
        <ul className="editor-warnings">
          {data.scheduleWarnings.map((w, i) => (
            <li key={i} className="editor-warning editor-warning--warning">
              <span className="editor-severity">Warning:</span> {w}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
