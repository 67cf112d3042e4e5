import { z } from "zod";
import type { Arc, Story } from "./types";
import { noticeSchema, storyNoteSchema } from "./framing-schema";

const hexColor = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { message: "must be a CSS hex colour like #ff6767" });

const castMember = z.strictObject({
  name: z.string().min(1),
  color: hexColor,
  lane: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
    message: "lane must be 0, 1, 2 or 3",
  }),
});

const arcRange = z.string().regex(/^\s*\d+\s*-\s*\d+\s*$|^\s*\d+\s*$/, { message: 'chapters must be a range like "1-12"' });

export const storySchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  language: z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, { message: "must be a language tag like en or pt-BR" }),
  siteUrl: z.url({ message: "must be an absolute URL like https://example.com" }),
  cast: z
    .record(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, { message: "speaker ids use letters, digits, _ and -" }), castMember)
    .refine((c) => Object.keys(c).length > 0, { message: "cast needs at least one speaker" }),
  arcs: z.array(z.strictObject({ title: z.string().min(1), chapters: z.union([arcRange, z.number().int()]) })).optional(),
  revealUpcomingTitles: z.boolean().optional(),
  note: storyNoteSchema.optional(),
  notice: noticeSchema.optional(),
});

export type StoryInput = z.infer<typeof storySchema>;

export function toStory(input: StoryInput): Story {
  const cast: Story["cast"] = {};
  for (const [id, m] of Object.entries(input.cast)) {
    cast[id.toLowerCase()] = { id: id.toLowerCase(), name: m.name, color: m.color, lane: m.lane };
  }
  return {
    title: input.title,
    description: input.description,
    language: input.language,
    siteUrl: input.siteUrl.replace(/\/+$/, ""),
    cast,
    arcs: (input.arcs ?? []).map(toArc),
    revealUpcomingTitles: input.revealUpcomingTitles ?? false,
    note: input.note ?? null,
    notice: input.notice
      ? {
          kind: input.notice.kind,
          text: input.notice.text,
          from: input.notice.from === undefined ? null : Date.parse(input.notice.from),
          until: input.notice.until === undefined ? null : Date.parse(input.notice.until),
        }
      : null,
  };
}

function toArc(a: { title: string; chapters: string | number }): Arc {
  const [from, to] = String(a.chapters)
    .split("-")
    .map((s) => Number(s.trim()));
  return { title: a.title, from: from ?? 0, to: to ?? from ?? 0 };
}
