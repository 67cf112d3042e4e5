import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Dialogue } from "../../components/dialogue/Dialogue";
import { dialogueSize } from "../../components/dialogue/dialogue-size";

const Line = ({ children }: { speaker: string; children?: React.ReactNode }) => <p>{children}</p>;

describe("dialogue size estimate", () => {
  it("counts lines (elements with a speaker) and the characters of their text, through nested markup", () => {
    const children = [
      <Line key="a" speaker="ada">
        Hello there.
      </Line>,
      <Line key="b" speaker="bo">
        <em>Twelve</em> chars{" "}
      </Line>,
      "\n",
    ];
    expect(dialogueSize(children)).toEqual({ lines: 2, chars: "Hello there.".length + "Twelve chars ".length + 1 });
    expect(dialogueSize(null)).toEqual({ lines: 0, chars: 0 });
  });

  it("hands the counts to CSS on the block", () => {
    const html = renderToStaticMarkup(
      <Dialogue>
        <Line speaker="ada">Four</Line>
      </Dialogue>,
    );
    expect(html).toContain('style="--dialogue-lines:1;--dialogue-chars:4"');
  });
});
