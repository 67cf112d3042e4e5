import "../styles/framing.css";
import type { ChapterFraming } from "../../lib/site/framing";
import { ChapterWarnings } from "./ChapterWarnings";
import { Recap } from "./Recap";
import { AuthorNote } from "./AuthorNote";

/** The id of the chapter's first line: where "skip past the warnings" lands. */
export const STORY_START_ID = "story-start";

/** Before the chapter: content warnings (with a skip link), then the recap. */
export function FramingBefore({ framing }: { framing: ChapterFraming }) {
  if (framing.warnings.length === 0 && framing.recap === null) return null;
  return (
    <div className="framing framing--before">
      <ChapterWarnings warnings={framing.warnings} skipTo={STORY_START_ID} />
      {framing.recap !== null ? <Recap text={framing.recap} /> : null}
    </div>
  );
}

/** After the chapter: the author's note. */
export function FramingAfter({ framing }: { framing: ChapterFraming }) {
  if (framing.note === null) return null;
  return (
    <div className="framing framing--after">
      <AuthorNote text={framing.note} />
    </div>
  );
}
