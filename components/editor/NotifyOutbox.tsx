import type { NotifyPanelData } from "./notify-data";
import { EditorTable } from "./EditorTable";

/** Release notifications: which endpoints are set up, and per release how many messages were sent, are pending or failed. */
export function NotifyOutbox({ data }: { data: NotifyPanelData }) {
  return (
    <section className="editor-section" aria-labelledby="editor-notify">
      <h2 id="editor-notify">Release notifications</h2>
      {!data.configured ? (
        <p className="editor-help">
          No notify.yaml: releases are not announced. See <code>docs/scheduling.md</code>, “Release notifications”.
        </p>
      ) : (
        <p className="editor-help">Endpoints: {data.endpoints.length > 0 ? data.endpoints.join(", ") : "none"}.</p>
      )}
      {data.problems.length > 0 && (
        <ul className="editor-warnings">
          {data.problems.map((p, i) => (
            <li key={i} className="editor-warning editor-warning--error">
              <span className="editor-severity">Error:</span> <code>{p}</code>
            </li>
          ))}
        </ul>
      )}
      {data.releases.length > 0 && (
        <EditorTable caption="Outbox, newest release first" columns={["Release", "Sent", "Pending", "Failed", "Endpoints"]}>
          {data.releases.map((r) => (
            <tr key={r.when}>
              <th scope="row">{r.when}</th>
              <td>{r.sent}</td>
              <td>{r.pending}</td>
              <td className={r.failed > 0 ? "editor-broken" : undefined}>{r.failed}</td>
              <td>{r.details.join("; ")}</td>
            </tr>
          ))}
        </EditorTable>
      )}
    </section>
  );
}
