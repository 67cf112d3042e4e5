import type { FramingData, FramingRow } from "./framing-data";
import { EditorTable } from "./EditorTable";

const NOTE_LABEL: Record<FramingRow["note"], string> = { own: "its own", story: "story’s note", off: "off (note: false)", none: "–" };
const STATUS_LABEL = { scheduled: "scheduled, not shown yet", showing: "showing now", over: "over, no longer shown" } as const;
const KIND_LABEL = { hiatus: "Hiatus", announcement: "Announcement" } as const;

/** Chapter framing (warnings, recap, note) per chapter, and the story notice (story.yaml). */
export function Framing({ data }: { data: FramingData }) {
  const n = data.notice;
  return (
    <section className="editor-section" aria-labelledby="editor-framing">
      <h2 id="editor-framing">Framing</h2>
      <h3>Story notice</h3>
      {n ? (
        <p className="editor-notice">
          <strong>{KIND_LABEL[n.kind]}</strong>, {STATUS_LABEL[n.status]}
          {n.fromIso ? (
            <>
              {" "}
              · from <time dateTime={n.fromIso}>{n.fromWall}</time>
            </>
          ) : null}
          {n.untilIso ? (
            <>
              {" "}
              · until <time dateTime={n.untilIso}>{n.untilWall}</time>
            </>
          ) : null}
          : <q>{n.text}</q>
        </p>
      ) : (
        <p className="editor-help">
          No notice. Add <code>notice:</code> to story.yaml for a hiatus or an announcement.
        </p>
      )}
      <h3>Chapters</h3>
      {data.rows.length === 0 ? (
        <p>There are no chapters yet.</p>
      ) : (
        <EditorTable
          caption={`Warnings, recaps and notes per chapter${data.storyNote ? "; story.yaml sets a default note" : ""}`}
          columns={["#", "Title", "Warnings", "Recap", "Note"]}
        >
          {data.rows.map((r) => (
            <tr key={`${r.number}-${r.slug}`} data-framing-chapter={r.number}>
              <td className="editor-num">{r.number}</td>
              <th scope="row" className="editor-title">
                {r.title ?? <span className="editor-broken">{r.slug} (does not compile)</span>}
              </th>
              <td>{r.warnings.length ? r.warnings.join(", ") : "–"}</td>
              <td>{r.recap ? "yes" : "–"}</td>
              <td>{NOTE_LABEL[r.note]}</td>
            </tr>
          ))}
        </EditorTable>
      )}
    </section>
  );
}
