import type { CastMember } from "./types";

// The text of a new chapter: a tour of the components that compiles cleanly
// as it is (real cast ids, no media files needed; media examples are MDX
// comments until the author adds the files).

export interface ChapterTemplateInput {
  title: string;
  /** The story's cast, in story.yaml order; the first two speak in the example. */
  cast: CastMember[];
  /** Another chapter's slug, for the link example. */
  linkSlug?: string | undefined;
}

/** A URL-safe slug from a title: lowercase ASCII letters and digits joined by dashes. */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/æ/gi, "ae")
    .replace(/ø/gi, "o")
    .replace(/œ/gi, "oe")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** `title: …` for the frontmatter, quoted only when YAML needs it. */
export function yamlTitle(title: string): string {
  const plain =
    /^[A-Za-z0-9(][^:#\n"'\\]*$/.test(title) &&
    !/\s$/.test(title) &&
    !/^(?:true|false|null|yes|no|on|off|~|[-+]?[\d.]+(?:e[-+]?\d+)?)$/i.test(title);
  return plain ? title : JSON.stringify(title);
}

export function chapterTemplate(input: ChapterTemplateInput): string {
  const [first, second] = input.cast;
  if (!first) throw new Error("the story needs at least one cast member");
  const a = first.id.toUpperCase();
  const b = (second ?? first).id.toUpperCase();
  const castIds = input.cast.map((m) => m.id).join(", ");
  const linkSlug = input.linkSlug ?? "another-chapter";
  return `---
title: ${yamlTitle(input.title)}
# summary: One sentence for feeds and link previews (optional).
# cover: ./media/cover.png
---

{/* This chapter is a draft until it is listed in schedule.yaml. Text between the comment marks is not shown to readers: delete what you do not need. */}

Write prose as plain Markdown paragraphs.

<Dialogue>
${a}: Each line starts with a speaker from story.yaml (${castIds}), in any case.
${b}: ${second ? "A reply." : "Another line."} A line without a prefix continues the last speaker.
This is still ${b}.
${a} (interrupting): A variant goes in brackets: interrupting, radio or closer.
${b} (radio): Like this.
</Dialogue>

<Pause />

After a pause, the story goes on. Pauses come in sizes short, medium and long.

<Pause size="long" />

{/* A looping GIF, from a file beside the chapter (create the media folder first):

<Gif src="./media/loop.gif" alt="Describe what the loop shows, for readers who cannot see it" />
*/}

{/* A still image; alt="" marks a decorative one:

<Still src="./media/still.png" alt="Describe the picture" />
*/}

{/* A scrolly: the panel stays put while the steps scroll past, each with its own media.

<Scrolly>
<Step media="./media/one.gif" alt="The first panel">First step.</Step>
<Step media="./media/two.png" alt="The second panel">Second step.</Step>
</Scrolly>
*/}

{/* A YouTube video: the id is the part after v= in its link; start is in seconds.

<YouTube id="aqz-KE-bpKQ" title="What the video is" start="30" />
*/}

{/* A link to another chapter uses its slug: [an earlier chapter](/${linkSlug}) */}
`;
}
