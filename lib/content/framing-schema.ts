import { z } from "zod";

// The schemas of chapter framing (frontmatter warnings, note, recap) and of the
// story's note and notice (story.yaml). Markdown is kept as text here and
// rendered by the page (components/chapter/FramingMarkdown.tsx).

const WARNING_MAX = 120;

const markdown = (message: string) => z.string({ message }).trim().min(1, { message: "cannot be empty" });

export const warningsSchema = z
  .array(
    z
      .string({ message: "a warning is short text" })
      .trim()
      .min(1, { message: "a warning cannot be empty" })
      .max(WARNING_MAX, { message: `a warning is at most ${WARNING_MAX} characters` }),
    { message: "must be a list of short warnings, like [storm at sea, loss]" },
  )
  .min(1, { message: "list at least one warning, or leave warnings out" });

/** A chapter's note: markdown, or false to leave out the story's default note. */
export const chapterNoteSchema = z.union([markdown("x"), z.literal(false)], {
  message: "must be text (markdown), or false to leave out the story's note",
});

export const recapSchema = markdown("must be text (markdown)");

export const storyNoteSchema = markdown("must be text (markdown)");

/** An ISO 8601 instant with Z or an offset: unambiguous without a time zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const instantMessage = "must be an instant with a zone offset, like 2027-07-01T09:00:00Z or 2027-07-01T09:00-04:00";
const instantSchema = z
  .string({ message: instantMessage })
  .regex(INSTANT, { message: instantMessage })
  .refine((s) => Number.isFinite(Date.parse(s)), { message: instantMessage });

const NOTICE_KINDS = ["hiatus", "announcement"] as const;

export const noticeSchema = z
  .strictObject({
    text: markdown("must be text (markdown)"),
    kind: z.enum(NOTICE_KINDS, { message: "kind must be hiatus or announcement" }),
    from: instantSchema.optional(),
    until: instantSchema.optional(),
  })
  .superRefine((n, ctx) => {
    if (n.from !== undefined && n.until !== undefined && Date.parse(n.until) <= Date.parse(n.from)) {
      ctx.addIssue({ code: "custom", path: ["until"], message: "must be after from" });
    }
  });

export type NoticeInput = z.infer<typeof noticeSchema>;
