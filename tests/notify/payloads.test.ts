import { describe, expect, it } from "vitest";
import { releaseMessage, releaseKey, dueReleases, type MessageView } from "../../lib/notify/release-message";
import { buildPayload } from "../../lib/notify/payloads";
import { parseNotifyConfig } from "../../lib/notify/notify-config";

const AT = Date.UTC(2027, 0, 1, 9);
const chapter = (number: number, slug: string, releasedAt: number, summary?: string) => ({
  number,
  slug,
  title: `Title ${number}`,
  summary,
  excerpt: `Excerpt ${number}.`,
  releasedAt,
  state: "released" as const,
});
const view: MessageView = {
  story: { title: "The Serial", siteUrl: "https://serial.example" },
  chapters: [chapter(1, "one", AT - 86_400_000), chapter(2, "two", AT, "Two happens."), chapter(3, "three", AT)],
};
const message = releaseMessage(view, AT)!;

function endpoint(kind: string, extra = "") {
  const text = `endpoints:\n  - name: e\n    kind: ${kind}\n${kind === "mastodon" ? "    instance: https://m.example\n    tokenEnv: T\n" : "    url: https://h.example/x\n"}${extra}`;
  return parseNotifyConfig(text, "notify.yaml").config!.endpoints[0]!;
}

describe("release messages", () => {
  it("one message per instant, with every chapter of it, its summary (or excerpt) and absolute link", () => {
    expect(message.key).toBe("2027-01-01T09-00-00.000Z");
    expect(releaseKey(AT)).toBe(message.key);
    expect(message.chapters).toEqual([
      { number: 2, title: "Title 2", summary: "Two happens.", url: "https://serial.example/two" },
      { number: 3, title: "Title 3", summary: "Excerpt 3.", url: "https://serial.example/three" },
    ]);
    expect(releaseMessage(view, AT + 1)).toBeNull();
  });

  it("only releases within the catch-up window are due", () => {
    const schedule = {
      timezone: "UTC",
      releases: [
        { at: AT - 3_600_000, chapters: [1], line: 1 },
        { at: AT, chapters: [2, 3], line: 2 },
        { at: AT + 120_000, chapters: [4], line: 3 },
      ],
    };
    expect(dueReleases(schedule, AT + 60_000, 30 * 60_000).map((r) => r.at)).toEqual([AT]);
    expect(dueReleases(schedule, AT - 1, 30 * 60_000)).toEqual([]);
    expect(dueReleases(schedule, AT + 31 * 60_000, 30 * 60_000).map((r) => r.at)).toEqual([AT + 120_000]);
    expect(dueReleases(schedule, AT + 33 * 60_000, 30 * 60_000)).toEqual([]);
  });
});

describe("payloads per kind", () => {
  it("webhook: the release as JSON", () => {
    expect(buildPayload(endpoint("webhook"), message)).toEqual({
      event: "release",
      story: { title: "The Serial", url: "https://serial.example/" },
      releasedAt: "2027-01-01T09:00:00.000Z",
      chapters: message.chapters,
    });
  });

  it("discord: content plus one embed per chapter", () => {
    const p = buildPayload(endpoint("discord"), message) as {
      content: string;
      embeds: { title: string; url: string; description: string; timestamp: string }[];
    };
    expect(p.content).toBe("New in The Serial: Chapter 2: Title 2, Chapter 3: Title 3");
    expect(p.embeds).toEqual([
      {
        title: "Chapter 2: Title 2",
        url: "https://serial.example/two",
        description: "Two happens.",
        timestamp: "2027-01-01T09:00:00.000Z",
      },
      {
        title: "Chapter 3: Title 3",
        url: "https://serial.example/three",
        description: "Excerpt 3.",
        timestamp: "2027-01-01T09:00:00.000Z",
      },
    ]);
  });

  it("slack: text plus section blocks with links", () => {
    const p = buildPayload(endpoint("slack"), message) as {
      text: string;
      blocks: { type: string; text: { type: string; text: string } }[];
    };
    expect(p.text).toBe("New in The Serial: Chapter 2: Title 2, Chapter 3: Title 3");
    expect(p.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: "New in *The Serial*" } });
    expect(p.blocks[1]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: "*<https://serial.example/two|Chapter 2: Title 2>*\nTwo happens." },
    });
    expect(p.blocks).toHaveLength(3);
  });

  it("slack escapes &, < and > in story text", () => {
    const m = releaseMessage({ ...view, story: { title: "A <b> & c", siteUrl: "https://s.example" } }, AT)!;
    const p = buildPayload(endpoint("slack"), m) as { blocks: { text: { text: string } }[] };
    expect(p.blocks[0]!.text.text).toBe("New in *A &lt;b&gt; &amp; c*");
  });

  it("mastodon: a status of at most 500 characters with the links, visibility from the config", () => {
    const p = buildPayload(endpoint("mastodon", "    visibility: unlisted\n"), message) as { status: string; visibility: string };
    expect(p.visibility).toBe("unlisted");
    expect(p.status).toBe(
      "New in The Serial:\n\nChapter 2: Title 2\nhttps://serial.example/two\n\nChapter 3: Title 3\nhttps://serial.example/three",
    );
    const long = releaseMessage({ ...view, chapters: view.chapters.map((c) => ({ ...c, title: "x".repeat(300) })) }, AT)!;
    const q = buildPayload(endpoint("mastodon"), long) as { status: string; visibility: string };
    expect(q.visibility).toBe("public");
    expect(q.status.length).toBeLessThanOrEqual(500);
    expect(q.status).toContain("https://serial.example/two");
    expect(q.status).toContain("https://serial.example/three");
  });
});
