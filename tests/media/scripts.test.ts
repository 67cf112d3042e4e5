import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findChapters } from "../../lib/content/find-chapters";
import { gifRefsOf } from "../../scripts/bench/media";
import { mediaUnder } from "../../scripts/build-media";
import { tempDir } from "./fixtures";

describe("media refs for the bench and the build CLI", () => {
  it("gifRefsOf reads src= and media= GIF attributes relative to the chapter folder", () => {
    const root = tempDir();
    mkdirSync(path.join(root, "01-one/media"), { recursive: true });
    writeFileSync(
      path.join(root, "01-one/index.mdx"),
      [
        `<Gif src="./media/a.gif" alt="a" />`,
        `<Step media='media/b.gif'>text</Step>`,
        `<Gif src="./media/a.gif" />`,
        `<Still src="./media/c.png" />`,
        `<Gif src="https://example.com/x.gif" />`,
        `<Gif src="../shared/d.gif" />`,
      ].join("\n"),
    );
    const [chapter] = findChapters(root).chapters;
    const refs = gifRefsOf(chapter!, root);
    expect(refs.map((r) => r.path)).toEqual(["01-one/media/a.gif", "01-one/media/b.gif", "shared/d.gif"]);
    expect(refs[0]).toEqual({ kind: "gif", path: "01-one/media/a.gif", abs: path.join(root, "01-one/media/a.gif") });
  });

  it("mediaUnder lists GIFs and stills, skipping dot and underscore folders", () => {
    const root = tempDir();
    mkdirSync(path.join(root, "01-one/media"), { recursive: true });
    mkdirSync(path.join(root, "_drafts"), { recursive: true });
    for (const f of ["01-one/media/a.gif", "01-one/media/b.JPG", "01-one/index.mdx", "_drafts/x.gif"])
      writeFileSync(path.join(root, f), "");
    expect(mediaUnder(root).map((r) => `${r.kind}:${r.path}`)).toEqual(["gif:01-one/media/a.gif", "still:01-one/media/b.JPG"]);
  });
});
