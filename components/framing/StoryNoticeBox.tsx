import "../styles/framing.css";
import type { VisibleNotice } from "../../lib/site/framing";
import { FramingMarkdown } from "./FramingMarkdown";

const HEADINGS: Record<VisibleNotice["kind"], string> = { hiatus: "On hiatus", announcement: "Announcement" };

/** The story notice (hiatus, announcement) on the home page: never a chapter. */
export function StoryNoticeBox({ notice }: { notice: VisibleNotice }) {
  return (
    <section className={`story-notice story-notice--${notice.kind}`} aria-labelledby="story-notice-title">
      <h2 id="story-notice-title">{HEADINGS[notice.kind]}</h2>
      <FramingMarkdown text={notice.text} />
    </section>
  );
}
