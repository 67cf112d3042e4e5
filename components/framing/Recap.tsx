import { FramingMarkdown } from "./FramingMarkdown";

/** "Previously": collapsed until opened; a <details> opens without JavaScript. */
export function Recap({ text }: { text: string }) {
  return (
    <details className="framing-recap">
      <summary>Previously</summary>
      <div className="framing-recap-body">
        <FramingMarkdown text={text} />
      </div>
    </details>
  );
}
