import Link from "next/link";
import type { SiteView } from "../../lib/site/visibility";
import { groupByArc } from "../../lib/site/arcs";
import { ContinueReading } from "../chrome/ContinueReading";
import { ReleaseTime } from "../schedule/ReleaseTime";
import type { ClientClock } from "../../lib/site/client-clock";

type Entry =
  | { kind: "chapter"; number: number; slug: string; title: string; summary?: string; state: string; at: number | null }
  | { kind: "upcoming"; number: number; at: number; title?: string };

export function StoryHome({ view, clock }: { view: SiteView; clock: ClientClock }) {
  const entries: Entry[] = [
    ...view.chapters.map((c): Entry => ({ kind: "chapter", number: c.number, slug: c.slug, title: c.title, summary: c.summary, state: c.state, at: c.releasedAt })),
    ...view.upcoming
      .filter((u) => !view.chapters.some((c) => c.number === u.number))
      .map((u): Entry => ({ kind: "upcoming", number: u.number, at: u.at, title: u.title })),
  ].sort((a, b) => a.number - b.number);
  const groups = groupByArc(entries, view.story.arcs);
  const first = view.chapters[0];
  return (
    <div className="home">
      <section className="home-intro">
        <h1>{view.story.title}</h1>
        <p className="home-description">{view.story.description}</p>
        <div className="home-actions">
          {first ? (
            <Link className="button" href={`/${first.slug}`}>
              Start reading
            </Link>
          ) : null}
          <ContinueReading known={view.chapters.map((c) => ({ slug: c.slug, title: c.title }))} />
        </div>
      </section>
      <nav aria-label="Chapters" className="toc">
        {entries.length === 0 ? <p>The first chapter has not been released yet.</p> : null}
        {groups.map((group, i) => (
          <section key={i} className="toc-arc" aria-labelledby={group.title ? `arc-${i}` : undefined}>
            {group.title ? <h2 id={`arc-${i}`}>{group.title}</h2> : null}
            <ol className="toc-list">
              {group.items.map((e) =>
                e.kind === "chapter" ? (
                  <li key={e.number} className="toc-item">
                    <Link href={`/${e.slug}`}>
                      <span className="toc-number">Chapter {e.number}</span>
                      <span className="toc-title">{e.title}</span>
                    </Link>
                    {e.summary ? <p className="toc-summary">{e.summary}</p> : null}
                    {e.state !== "released" ? (
                      <p className="toc-state">{e.state === "draft" ? "Draft (not scheduled)" : "Scheduled"}</p>
                    ) : null}
                  </li>
                ) : (
                  <li key={e.number} className="toc-item toc-item--upcoming">
                    <span className="toc-number">Chapter {e.number}</span>
                    {e.title ? <span className="toc-title">{e.title}</span> : null}
                    <p className="toc-when">
                      Arrives <ReleaseTime at={e.at} clock={clock} />
                    </p>
                  </li>
                ),
              )}
            </ol>
          </section>
        ))}
      </nav>
    </div>
  );
}
