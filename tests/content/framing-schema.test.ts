import { describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../lib/content/frontmatter";
import { parseStory } from "../../lib/content/load-story";
import { STORY_YAML } from "../helpers/temp-story";

// Framing (warnings, note, recap) in chapter frontmatter and the story note
// and notice in story.yaml: validated like every other field, errors located.

const fmt = (ds: { line: number; column: number; message: string }[]) => ds.map((d) => `${d.line}:${d.column} ${d.message}`);
const chapter = (fm: string) => `---\ntitle: Framed\n${fm}\n---\n\nText.\n`;

describe("framing in chapter frontmatter", () => {
  it("accepts warnings, a note and a recap", () => {
    const { frontmatter, diagnostics } = parseFrontmatter(
      chapter(
        "warnings: [storm at sea, a character in danger]\nnote: Thanks for *reading*.\nrecap: |\n  Margo counted waves.\n\n  Pip did not pop.",
      ),
      "01-a.mdx",
    );
    expect(diagnostics).toEqual([]);
    expect(frontmatter?.warnings).toEqual(["storm at sea", "a character in danger"]);
    expect(frontmatter?.note).toBe("Thanks for *reading*.");
    expect(frontmatter?.recap).toBe("Margo counted waves.\n\nPip did not pop.");
  });

  it("accepts note: false (no story note on this chapter)", () => {
    const { frontmatter, diagnostics } = parseFrontmatter(chapter("note: false"), "01-a.mdx");
    expect(diagnostics).toEqual([]);
    expect(frontmatter?.note).toBe(false);
  });

  it("warnings must be a list: the error names line and column", () => {
    expect(fmt(parseFrontmatter(chapter("warnings: storm at sea"), "01-a.mdx").diagnostics)).toEqual([
      '3:11 frontmatter: warnings: must be a list of short warnings, like [storm at sea, loss] (got "storm at sea")',
    ]);
  });

  it("an empty or overlong warning points at its item", () => {
    const long = "x".repeat(121);
    expect(fmt(parseFrontmatter(chapter(`warnings:\n  - loss\n  - ""\n  - ${long}`), "01-a.mdx").diagnostics)).toEqual([
      '5:5 frontmatter: warnings[1]: a warning cannot be empty (got "")',
      `6:5 frontmatter: warnings[2]: a warning is at most 120 characters (got "${"x".repeat(55)}…")`,
    ]);
  });

  it("note must be text or false", () => {
    expect(fmt(parseFrontmatter(chapter("note: true"), "01-a.mdx").diagnostics)).toEqual([
      "3:7 frontmatter: note: must be text (markdown), or false to leave out the story's note (got true)",
    ]);
  });

  it("recap must be text", () => {
    expect(fmt(parseFrontmatter(chapter("recap: [a, b]"), "01-a.mdx").diagnostics)).toEqual([
      "3:8 frontmatter: recap: must be text (markdown)",
    ]);
  });

  it("an unknown key lists the framing keys among the allowed ones", () => {
    const [d] = parseFrontmatter(chapter("warning: loss"), "01-a.mdx").diagnostics;
    expect(d?.message).toBe('frontmatter: unknown key "warning"; allowed: title, summary, cover, warnings, note, recap');
    expect([d?.line, d?.column]).toEqual([3, 1]);
  });
});

describe("story note and notice in story.yaml", () => {
  const withNotice = (yaml: string) => `${STORY_YAML}${yaml}\n`;

  it("accepts a default note and a notice with from/until instants", () => {
    const { story, diagnostics } = parseStory(
      withNotice(
        "note: Thank you for reading.\nnotice:\n  kind: hiatus\n  text: Back in **August**.\n  from: 2027-07-01T09:00:00Z\n  until: 2027-08-01T09:00-04:00",
      ),
      "story.yaml",
    );
    expect(diagnostics).toEqual([]);
    expect(story?.note).toBe("Thank you for reading.");
    expect(story?.notice).toEqual({
      kind: "hiatus",
      text: "Back in **August**.",
      from: Date.UTC(2027, 6, 1, 9),
      until: Date.UTC(2027, 7, 1, 13),
    });
  });

  it("a notice without from/until is always on; no notice, no note by default", () => {
    expect(parseStory(withNotice("notice:\n  kind: announcement\n  text: Hi."), "s").story?.notice).toEqual({
      kind: "announcement",
      text: "Hi.",
      from: null,
      until: null,
    });
    const plain = parseStory(STORY_YAML, "s").story;
    expect(plain?.notice).toBeNull();
    expect(plain?.note).toBeNull();
  });

  it("a bad kind names its line, column and value", () => {
    expect(fmt(parseStory(withNotice("notice:\n  kind: party\n  text: Hi."), "story.yaml").diagnostics)).toEqual([
      '22:9 notice.kind: kind must be hiatus or announcement (got "party")',
    ]);
  });

  it("an instant without a zone offset is refused at its position", () => {
    expect(fmt(parseStory(withNotice("notice:\n  kind: hiatus\n  text: Hi.\n  from: 2027-07-01T09:00"), "story.yaml").diagnostics)).toEqual(
      [
        '24:9 notice.from: must be an instant with a zone offset, like 2027-07-01T09:00:00Z or 2027-07-01T09:00-04:00 (got "2027-07-01T09:00")',
      ],
    );
  });

  it("until must come after from", () => {
    expect(
      fmt(
        parseStory(withNotice("notice:\n  kind: hiatus\n  text: Hi.\n  from: 2027-07-02T00:00Z\n  until: 2027-07-01T00:00Z"), "story.yaml")
          .diagnostics,
      ),
    ).toEqual(['25:10 notice.until: must be after from (got "2027-07-01T00:00Z")']);
  });

  it("a missing text and an unknown notice key are located", () => {
    const found = fmt(parseStory(withNotice("notice:\n  kind: hiatus\n  txt: Hi."), "story.yaml").diagnostics);
    expect(found).toEqual(
      expect.arrayContaining([
        "22:3 notice.text: must be text (markdown) (missing)",
        expect.stringMatching(/^23:3 unknown key "txt" in notice; allowed: text, kind/),
      ]),
    );
    expect(found).toHaveLength(2);
  });

  it("the story note must be text (false is for chapters)", () => {
    expect(fmt(parseStory(withNotice("note: false"), "story.yaml").diagnostics)).toEqual([
      "21:7 note: must be text (markdown) (got false)",
    ]);
  });
});
