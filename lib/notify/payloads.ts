import type { EndpointConfig } from "./notify-config";
import type { ReleaseMessage } from "./release-message";

// The JSON body each kind of endpoint expects. Pure: the same message gives
// the same bytes, so a retry or another instance sends an identical body.

const MASTODON_LIMIT = 500;
const DISCORD_CONTENT_LIMIT = 2000;
const DISCORD_EMBEDS = 10;
const SLACK_BLOCKS = 50;

const label = (c: ReleaseMessage["chapters"][number]) => `Chapter ${c.number}: ${c.title}`;
const headline = (m: ReleaseMessage) => `New in ${m.story.title}: ${m.chapters.map(label).join(", ")}`;

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function slackEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function buildPayload(endpoint: EndpointConfig, m: ReleaseMessage): Record<string, unknown> {
  const iso = new Date(m.at).toISOString();
  switch (endpoint.kind) {
    case "webhook":
      return { event: "release", story: m.story, releasedAt: iso, chapters: m.chapters };
    case "discord":
      return {
        content: clip(headline(m), DISCORD_CONTENT_LIMIT),
        embeds: m.chapters
          .slice(0, DISCORD_EMBEDS)
          .map((c) => ({ title: clip(label(c), 256), url: c.url, description: clip(c.summary, 4096), timestamp: iso })),
      };
    case "slack":
      return {
        text: clip(headline(m), 3000),
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: `New in *${slackEscape(m.story.title)}*` } },
          ...m.chapters.slice(0, SLACK_BLOCKS - 1).map((c) => ({
            type: "section",
            text: { type: "mrkdwn", text: clip(`*<${c.url}|${slackEscape(label(c))}>*\n${slackEscape(c.summary)}`, 3000) },
          })),
        ],
      };
    case "mastodon":
      return { status: mastodonStatus(m), visibility: endpoint.visibility ?? "public" };
  }
}

/** Every link kept whole; titles shortened evenly to fit the 500-character status (Mastodon counts a link as 23, so this is conservative). */
function mastodonStatus(m: ReleaseMessage): string {
  const head = `New in ${clip(m.story.title, 100)}:`;
  const fixed = head.length + m.chapters.reduce((n, c) => n + 2 + 1 + c.url.length, 0);
  const room = Math.max(12, Math.floor((MASTODON_LIMIT - fixed) / Math.max(1, m.chapters.length)));
  const parts = m.chapters.map((c) => `${clip(label(c), room)}\n${c.url}`);
  return clip([head, ...parts].join("\n\n"), MASTODON_LIMIT);
}
