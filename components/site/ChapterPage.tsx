import Link from "next/link";
import type { RequestContext } from "../../lib/server/request-context";
import type { SiteView, VisibleChapter } from "../../lib/site/visibility";
import { ChapterBody } from "../chapter/ChapterBody";
import { ReadingProgress } from "../chrome/ReadingProgress";
import { ReleaseTime } from "../schedule/ReleaseTime";
import { mediaUrl as publicMediaUrl } from "../../lib/site/media-url";
import { clientClock } from "../../lib/site/client-clock";
import { StepNav } from "../chapter/StepNav";
import { FramingAfter, FramingBefore, STORY_START_ID } from "../framing/ChapterFraming";

interface Found {
  chapter: VisibleChapter;
  prev: VisibleChapter | null;
  next: VisibleChapter | null;
}

/** `mediaUrl`: where the chapter's media are fetched (a beta link serves them under its own path). */
export function ChapterPage({
  ctx,
  view,
  found,
  mediaUrl = publicMediaUrl,
}: {
  ctx: RequestContext;
  view: SiteView;
  found: Found;
  mediaUrl?: (file: string) => string;
}) {
  const { chapter, prev, next } = found;
  const clock = clientClock(ctx.runtime.clock.spec, ctx.runtime.clock.startedAt, ctx.asOf);
  const upcomingNext = !next ? view.upcoming.find((u) => u.number > chapter.number) : undefined;
  return (
    <article
      className="chapter"
      aria-labelledby="chapter-title"
      data-chapter-memory={chapter.state === "released" ? chapter.slug : undefined}
    >
      <ReadingProgress />
      {chapter.state !== "released" ? (
        <p className="preview-banner" role="note">
          {chapter.state === "draft" ? (
            "Draft: not in the schedule, readers cannot see it."
          ) : (
            <>
              Not released yet: readers see it from <ReleaseTime at={chapter.releasedAt ?? 0} clock={clock} />.
            </>
          )}
        </p>
      ) : null}
      <header className="chapter-header">
        <p className="chapter-number">Chapter {chapter.number}</p>
        <h1 id="chapter-title">{chapter.title}</h1>
      </header>
      <FramingBefore framing={chapter.framing} />
      <div className="chapter-body" id={STORY_START_ID}>
        <ChapterBody
          hash={chapter.chapter.hash}
          code={chapter.chapter.code}
          ctx={{ story: view.story, media: ctx.runtime.media(), mediaUrl }}
        />
      </div>
      <StepNav />
      <FramingAfter framing={chapter.framing} />
      <nav className="chapter-nav" aria-label="Chapters">
        {prev ? <ChapterNavLink rel="prev" label="Previous" chapter={prev} /> : null}
        {next ? (
          <ChapterNavLink rel="next" label="Next" chapter={next} />
        ) : upcomingNext ? (
          <p className="chapter-nav-next chapter-nav-next--upcoming">
            <span className="chapter-nav-label">Next</span>
            <span>
              Chapter {upcomingNext.number} arrives <ReleaseTime at={upcomingNext.at} clock={clock} />
            </span>
          </p>
        ) : null}
        <Link className="chapter-nav-home" href="/">
          All chapters
        </Link>
      </nav>
    </article>
  );
}

function ChapterNavLink({ rel, label, chapter }: { rel: "prev" | "next"; label: string; chapter: VisibleChapter }) {
  return (
    <Link className={`chapter-nav-${rel}`} href={`/${chapter.slug}`} rel={rel}>
      <span className="chapter-nav-label">{label}</span>
      <span>
        Chapter {chapter.number}: {chapter.title}
      </span>
    </Link>
  );
}
