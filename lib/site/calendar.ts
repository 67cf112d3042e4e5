import type { SiteView } from "./visibility";

// Hand-written rather than from a library: the calendar must be byte-identical
// for the same release state (static export), and the libraries at hand stamp
// DTSTAMP with the current time and generate random UIDs.

const escape = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** RFC 5545 folds lines longer than 75 octets. */
function fold(line: string): string {
  const out: string[] = [];
  let rest = Buffer.from(line, "utf8");
  while (rest.length > 75) {
    let cut = 75;
    while (cut > 0 && (rest[cut]! & 0xc0) === 0x80) cut--;
    out.push(rest.subarray(0, cut).toString("utf8"));
    rest = Buffer.concat([Buffer.from(" "), rest.subarray(cut)]);
  }
  out.push(rest.toString("utf8"));
  return out.join("\r\n");
}

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** Upcoming releases, title-less unless the story reveals upcoming titles. */
export function buildCalendar(view: SiteView): string {
  const { story } = view;
  const host = new URL(story.siteUrl).host;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Installment//Release calendar//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escape(story.title)}`,
  ];
  for (const u of view.upcoming) {
    const name = u.title ? `${story.title}: Chapter ${u.number}, ${u.title}` : `${story.title}: Chapter ${u.number}`;
    lines.push(
      "BEGIN:VEVENT",
      `UID:chapter-${u.number}-${stamp(u.at)}@${host}`,
      `DTSTAMP:${stamp(u.at)}`,
      `DTSTART:${stamp(u.at)}`,
      `DTEND:${stamp(u.at + 30 * 60_000)}`,
      `SUMMARY:${escape(name)}`,
      `DESCRIPTION:${escape(`Chapter ${u.number} is released.`)}`,
      `URL:${story.siteUrl}/`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
