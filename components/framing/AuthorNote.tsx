import { FramingMarkdown } from "./FramingMarkdown";

/** The author's note after a chapter (the chapter's own, or the story's default). */
export function AuthorNote({ text }: { text: string }) {
  return (
    <aside className="framing-note" aria-labelledby="framing-note-title">
      <h2 id="framing-note-title">Author’s note</h2>
      <FramingMarkdown text={text} />
    </aside>
  );
}
