import { describe, expect, it } from "vitest";
import { tempStory } from "../helpers/temp-story";
import { compileIn, problems } from "../helpers/compile";
import { renderChapterToHtml } from "../helpers/render";

async function html(body: string): Promise<string> {
  const root = tempStory({ "01-a/index.mdx": `---\ntitle: Tables\n---\n\n${body}\n` });
  const result = await compileIn(root);
  if (!result.ok) throw new Error(problems(result).join("\n"));
  return renderChapterToHtml(root, result.chapter);
}

const TABLE = `| Station | Pressure | Wind |
| :-- | --: | :-: |
| Ridge | 1012 hPa | *calm* |
| Harbour | 998 hPa | 40 km/h |`;

describe("Markdown tables in chapters", () => {
  it("become a table with column headers, inside a named region that can take focus", async () => {
    const h = await html(`Before the table.\n\n${TABLE}\n\nAfter the table.`);
    expect(h).toContain('<div class="table-scroll" role="region" aria-label="Table: Station, Pressure, Wind" tabindex="0"><table>');
    const head = /<thead>(.*?)<\/thead>/.exec(h)?.[1] ?? "";
    expect([...head.matchAll(/<th [^>]*>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(["Station", "Pressure", "Wind"]);
    expect(head.match(/<th [^>]*scope="col"/g)).toHaveLength(3);
    expect(h).toContain("<td");
    expect(h).toContain("<em>calm</em>");
    expect(h).not.toContain("| Station |");
  });

  it("align columns with text-align, never HTML's obsolete align attribute", async () => {
    const h = await html(TABLE);
    expect(h).toContain('<th style="text-align:left" scope="col">Station</th>');
    expect(h).toContain('<td style="text-align:right">1012 hPa</td>');
    expect(h).toContain('<td style="text-align:center"><em>calm</em></td>');
    expect(h).not.toMatch(/\salign=/);
  });

  it("name a region whose headers are empty plainly", async () => {
    const h = await html("|  |  |\n| - | - |\n| a | b |");
    expect(h).toContain('aria-label="Table"');
  });

  it("leave the rest of GFM off: ~~ stays the typing deletion, addresses stay text", async () => {
    const h = await html(
      `${TABLE}\n\n<Dialogue>\nNINE: I was ~~going to~~ about to say hi\n</Dialogue>\n\nNarration with ~~tildes~~, www.example.com and a note[^1].`,
    );
    expect(h).toMatch(/<span class="typing"[^>]*data-typing="[^"]*going to[^"]*"/);
    expect(h).toContain("Narration with ~~tildes~~, www.example.com and a note[^1].");
    expect(h).not.toContain("<del>");
    expect(h).not.toContain('href="http://www.example.com"');
  });
});
