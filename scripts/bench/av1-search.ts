// Which AV1 size search converges in fewer encodes: for every GIF of a media
// bench store (run `npm run bench -- media --jobs 1 --store <dir>` first, so
// H.264 and VP9 are known; its entries are read whatever the pipeline version), the AV1 rendition searched by raising the CRF and
// by rescaling SVT-AV1's bitrate, each under the same limit (the budget and
// the lighter of H.264/VP9); prints encodes, bytes against the limit, SSIM.
//
//   npx tsx scripts/bench/av1-search.ts --store <dir> [--chapters <dir> | --story generated] [--search crf,rate]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Option } from "commander";
import { findChapters } from "../../lib/content/find-chapters";
import { av1FfmpegCandidates } from "../../lib/env";
import { encodeAv1 } from "../../lib/media/encode-av1";
import { findAv1Ffmpeg } from "../../lib/media/ffmpeg-facts";
import { sourceHash } from "../../lib/media/hash";
import type { IndexEntry } from "../../lib/media/process-types";
import { ssimAgainstGif } from "../../lib/media/ssim";
import { openStore, readIndex, removeQuietly, type Store } from "../../lib/media/store";
import type { MediaAsset } from "../../lib/media/types";
import { formatBytes } from "../../lib/media/summary";
import { av1LimitBytes, type Av1Search } from "../../lib/media/video-budget";
import { createProgram, runCli } from "../lib/cli";
import { isMain } from "../lib/is-main";
import { benchGifStoryDir } from "./lib/gif-story";
import { gifRefsOf } from "./media";

interface Options {
  store: string;
  chapters?: string;
  story?: "generated";
  search: string;
}

export async function compareAv1Searches(opts: Options): Promise<void> {
  const root = opts.story === "generated" ? benchGifStoryDir() : path.resolve(opts.chapters ?? "chapters");
  const searches = opts.search.split(",") as Av1Search[];
  const store = openStore(opts.store);
  const av1Ffmpeg = await findAv1Ffmpeg(av1FfmpegCandidates({}), store.ffmpeg);
  if (!av1Ffmpeg) throw new Error("no ffmpeg with SVT-AV1");
  const totals = new Map<Av1Search, { encodes: number; fits: number; kept: number; clips: number; ms: number }>();
  for (const s of searches) totals.set(s, { encodes: 0, fits: 0, kept: 0, clips: 0, ms: 0 });
  for (const chapter of findChapters(root).chapters) {
    const refs = gifRefsOf(chapter, root);
    if (!refs.length) continue;
    for (const r of refs) {
      // The bench's results, whatever pipeline version made them (H.264 and VP9 are what matter here).
      const asset = { ...(await benchEntry(store, readFileSync(r.abs)))?.asset, source: r.path } as MediaAsset;
      if (asset.kind !== "video") continue;
      const others = asset.sources.filter((s) => s.codec !== "av1");
      const lighter = others.reduce((a, b) => (b.bytes < a.bytes ? b : a));
      const posterBytes = asset.servedBytes - (asset.sources[0]?.bytes ?? 0);
      const clip = { width: asset.width, height: asset.height, gifBytes: asset.sourceBytes, posterBytes };
      const limit = av1LimitBytes({ ...clip, lighterBytes: lighter.bytes });
      const cells: string[] = [];
      for (const search of searches) {
        const t = totals.get(search)!;
        const started = Date.now();
        const r = await encodeAv1(
          path.join(root, asset.source),
          clip,
          { codec: lighter.codec, bytes: lighter.bytes },
          { store, threads: 2, timeoutMs: undefined, ffmpeg: undefined, av1Ffmpeg },
          search,
        );
        const ms = Date.now() - started;
        let ssim = "–";
        if (r.video) {
          ssim = (await ssimAgainstGif(path.join(root, asset.source), r.video.tmp))?.all.toFixed(3) ?? "–";
          await removeQuietly(r.video.tmp);
        }
        const bytes = r.decision.bytes ?? 0;
        t.clips++;
        t.encodes += r.decision.encodes;
        t.ms += ms;
        if (bytes && bytes <= limit) t.fits++;
        if (r.decision.kept) t.kept++;
        const setting = r.video
          ? r.video.settings.mode === "crf"
            ? `crf ${r.video.settings.crf}`
            : r.video.settings.mode === "ceiling"
              ? `${Math.round(r.video.settings.bitrate / 1000)} kb/s`
              : "quality"
          : "";
        cells.push(
          `${search}: ${r.decision.encodes} enc, ${formatBytes(bytes)} = ${limit ? ((bytes / limit) * 100).toFixed(0) : "–"}% of limit${setting ? ` (${setting})` : ""}, ${r.decision.kept ? "kept" : "dropped"}, SSIM ${ssim}, ${(ms / 1000).toFixed(1)} s`,
        );
      }
      console.log(
        `${asset.source}  limit ${formatBytes(limit)} (lighter ${lighter.codec} ${formatBytes(lighter.bytes)})\n  ${cells.join("\n  ")}`,
      );
    }
  }
  for (const [search, t] of totals) {
    console.log(
      `${search}: ${t.clips} clips, ${t.encodes} encodes (${(t.encodes / Math.max(1, t.clips)).toFixed(2)} per clip), ${t.fits} fit the limit, ${t.kept} kept, ${(t.ms / 1000).toFixed(0)} s`,
    );
  }
}

async function benchEntry(store: Store, bytes: Buffer): Promise<IndexEntry | null> {
  const name = readdirSync(store.index).find((n) => n.includes(`-${sourceHash(bytes)}-video-`));
  return name ? readIndex<IndexEntry>(store, name.replace(/\.json$/, "")) : null;
}

if (isMain(import.meta.url)) {
  const program = createProgram("av1-search")
    .description("compare the AV1 size searches (CRF raised vs bitrate rescaled) on a media bench store")
    .requiredOption("--store <dir>", "the store of a `npm run bench -- media --store <dir>` run")
    .option("--chapters <dir>", "content root (default chapters)")
    .addOption(new Option("--story <which>", "the generated story").choices(["generated"]))
    .option("--search <list>", "strategies, comma-separated", "crf,rate")
    .action((o: Options) => {
      if (!existsSync(o.store)) throw new Error(`no store at ${o.store}`);
      return compareAv1Searches(o);
    });
  void runCli(program);
}
