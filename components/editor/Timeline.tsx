import type { ClientClock } from "../../lib/site/client-clock";
import { EditorTable } from "./EditorTable";
import type { DashboardData, TimelineRow } from "./dashboard-data";
import { LiveCountdown } from "./LiveCountdown";

const STATE_LABEL: Record<TimelineRow["state"], string> = {
  released: "✓ Released",
  upcoming: "Upcoming",
  draft: "Draft",
};

/** Every chapter in release order: released, upcoming with a countdown, drafts. */
export function Timeline({ data, clock }: { data: DashboardData; clock: ClientClock }) {
  return (
    <section className="editor-section" aria-labelledby="editor-timeline">
      <h2 id="editor-timeline">Timeline</h2>
      {data.next ? (
        <p className="editor-next">
          Next release: chapter{data.next.chapters.length > 1 ? "s" : ""} {data.next.chapters.join(", ")} at{" "}
          <time dateTime={new Date(data.next.at).toISOString()}>{data.next.wallTime}</time> (
          <LiveCountdown at={data.next.at} clock={clock} initial={data.next.countdown} />)
        </p>
      ) : (
        <p className="editor-next">Next release: none scheduled.</p>
      )}
      {data.rows.length === 0 ? (
        <p>There are no chapters yet.</p>
      ) : (
        <EditorTable
          caption={
            <>
              Releases of {data.storyTitle}, in {data.zone} time
              {data.hasSchedule ? "" : " (there is no schedule.yaml: every chapter is a draft)"}
            </>
          }
          columns={["#", "Title", "State", `Release (${data.zone})`, "Countdown", "Links"]}
        >
          {data.rows.map((row) => (
            <tr key={row.number} className={`editor-row editor-row--${row.state}`} data-chapter={row.number} data-state={row.state}>
              <td className="editor-num">{row.number}</td>
              <th scope="row" className="editor-title">
                {row.title ?? <span className="editor-broken">{row.slug} (does not compile)</span>}
              </th>
              <td>
                <span className={`editor-state editor-state--${row.state}`}>{STATE_LABEL[row.state]}</span>
                {row.errors > 0 ? (
                  <span className="editor-state editor-state--error">
                    {" "}
                    · {row.errors} error{row.errors === 1 ? "" : "s"}
                  </span>
                ) : null}
              </td>
              <td>{row.wallTime && row.iso ? <time dateTime={row.iso}>{row.wallTime}</time> : "Not scheduled"}</td>
              <td>{row.at !== null && row.countdown ? <LiveCountdown at={row.at} clock={clock} initial={row.countdown} /> : "–"}</td>
              <td className="editor-links">
                <a href={row.href}>
                  {row.state === "released" ? "Read" : "Preview"}
                  <span className="visually-hidden"> chapter {row.number}</span>
                </a>
                {row.state === "upcoming" && row.iso ? (
                  <a href={`/editor/as-of?at=${encodeURIComponent(row.iso)}`}>
                    View site at this release<span className="visually-hidden"> (chapter {row.number})</span>
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </EditorTable>
      )}
    </section>
  );
}
