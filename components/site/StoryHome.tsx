import Link from "next/link";
import type { SiteView } from "../../lib/site/visibility";
import { ContinueReading } from "../chrome/ContinueReading";
import { ReleaseTime } from "../schedule/ReleaseTime";
import type { ClientClock } from "../../lib/site/client-clock";
import { offeredEpub } from "../../lib/site/epub-path";
import { StoryNoticeBox } from "../framing/StoryNoticeBox";
import { ReaderMemoryControls } from "./ReaderMemoryControls";

// The table of contents comes grouped and filtered from the view model
// (lib/site): arc titles appear only once the arc has begun for this audience.
export function StoryHome({ view, clock }: { view: SiteView; clock: ClientClock }) {
  const groups = view.toc;
  const first = view.chapters[0];
  const book = offeredEpub(view);
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
          {book ? (
            <a className="button button--quiet" href={book} download>
              E-book (EPUB)
            </a>
          ) : null}
        </div>
        <ReaderMemoryControls />
      </section>
      {view.notice ? <StoryNoticeBox notice={view.notice} /> : null}
      <nav aria-label="Chapters" className="toc">
        {groups.length === 0 ? <p>The first chapter has not been released yet.</p> : null}
        {groups.map((group, i) => (
          <section key={i} className="toc-arc" aria-labelledby={group.title ? `arc-${i}` : undefined}>
            {group.title ? <h2 id={`arc-${i}`}>{group.title}</h2> : null}
            <ol className="toc-list">
              {group.items.map((e) =>
                e.kind === "chapter" ? (
                  <li key={e.number} className="toc-item" data-chapter-slug={e.state === "released" ? e.slug : undefined}>
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
