import type { CSSProperties, ReactNode } from "react";
import type { Story } from "../../lib/content/types";

/**
 * Typed text. The server renders only the final text, which is what screen
 * readers and readers without JavaScript get; the typing island plays the
 * script (`data-typing`) in the aria-hidden layer over it while the final
 * text keeps its place (transparent), so nothing shifts.
 */
export function Typing({ story, speaker, script, children }: { story: Story; speaker?: string; script: string; children?: ReactNode }) {
  const color = speaker ? story.cast[speaker]?.color : undefined;
  const style = color ? ({ "--speaker-color": color } as CSSProperties) : undefined;
  return (
    <span className="typing" data-typing={script} style={style}>
      <span className="typing__final">{children}</span>
      <span className="typing__play" aria-hidden="true"></span>
    </span>
  );
}
