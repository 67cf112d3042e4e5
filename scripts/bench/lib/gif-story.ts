// A story nobody tuned for video: the GIFs a media bench should fear. Noise
// (film grain, TV static), ordered and error-diffusion dithering, and
// photographic-like motion (blurred pans, fractal zooms) with ffmpeg's default
// 256-colour sierra dither, as GIFs made from footage usually are. Everything
// is drawn by ffmpeg's own sources with fixed seeds, so the same ffmpeg gives
// the same bytes on every run and the media cache stays warm.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ffmpegPath } from "../../../lib/media/ffmpeg";
import { projectDir } from "../../lib/project-dir";

export interface BenchGif {
  name: string;
  alt: string;
  /** Filter graph from lavfi sources to one unlabelled output, already at the GIF's size and length. */
  graph: string;
  colors: number;
  dither: "none" | "bayer" | "floyd_steinberg" | "sierra2_4a";
}

export interface BenchGifChapter {
  slug: string;
  title: string;
  gifs: BenchGif[];
}

/** Grey field (0–255) → colour, with a three-stop ramp evaluated once per channel value. */
const tint = (r: string, g: string, b: string) => `format=rgb24,lutrgb=r='${r}':g='${g}':b='${b}'`;

export const BENCH_GIF_STORY: BenchGifChapter[] = [
  {
    slug: "static",
    title: "Static",
    gifs: [
      {
        name: "tv-static.gif",
        alt: "Black-and-white television static, every pixel flickering.",
        graph: "color=c=gray:s=400x300:r=12:d=2.5,format=gray,noise=alls=100:allf=t+u:all_seed=3",
        colors: 16,
        dither: "none",
      },
      {
        name: "grain.gif",
        alt: "A dim blue-violet fractal slowly drawing closer under heavy film grain.",
        graph:
          "mandelbrot=s=400x270:r=15:start_scale=2.5:end_scale=1.2:end_pts=60:bailout=10,trim=duration=3,gblur=sigma=2," +
          "noise=alls=28:allf=t+u:all_seed=11",
        colors: 128,
        dither: "sierra2_4a",
      },
    ],
  },
  {
    slug: "dither",
    title: "Dither",
    gifs: [
      {
        name: "bayer-gradient.gif",
        alt: "Bands of magenta, cyan and yellow wash across the frame in a coarse checkerboard dither.",
        graph:
          "color=c=black:s=120x68:r=15:d=4,format=rgb24," +
          "geq=r='128+127*sin(X/15+T*2)':g='128+127*sin(Y/11-T*1.5)':b='128+127*sin((X+Y)/19+T)'," +
          "scale=480:272:flags=bicubic",
        colors: 16,
        dither: "bayer",
      },
      {
        name: "diffused-zoom.gif",
        alt: "A coloured fractal zooming in, its smooth bands broken into a fine speckle.",
        graph: "mandelbrot=s=400x400:r=15:start_scale=1.5:end_scale=0.5:end_pts=90:outer=normalized_iteration_count,trim=duration=3",
        colors: 32,
        dither: "floyd_steinberg",
      },
      {
        name: "dithered-clouds.gif",
        alt: "Grey clouds slide to the left, drawn in few shades with an error-diffusion speckle.",
        graph:
          "color=c=gray:s=1100x300:r=15:d=4,format=gray,noise=alls=100:allf=u:all_seed=5,gblur=sigma=14,lut=c0='clip((val-128)*14+128,0,255)'," +
          "crop=500:300:x='t*120':y=0," +
          tint("val*0.9", "val*0.95", "40+val*0.85"),
        colors: 12,
        dither: "floyd_steinberg",
      },
    ],
  },
  {
    slug: "photographs",
    title: "Photographs",
    gifs: [
      {
        name: "pan.gif",
        alt: "A slow pan across a warm, blurred landscape of ochre and brown.",
        graph:
          "color=c=gray:s=900x240:r=12:d=4,format=gray,noise=alls=100:allf=u:all_seed=21,gblur=sigma=6,lut=c0='clip((val-128)*8+128,0,255)'," +
          "crop=400:240:x='t*90':y=0," +
          tint("60+val*0.75", "40+val*0.6", "20+val*0.35"),
        colors: 256,
        dither: "sierra2_4a",
      },
      {
        name: "deep-zoom.gif",
        alt: "A fractal coastline in blue and gold, zooming steadily inward.",
        graph: "mandelbrot=s=400x300:r=15:start_scale=0.3:end_scale=0.02:end_pts=45:outer=normalized_iteration_count,trim=duration=3",
        colors: 256,
        dither: "sierra2_4a",
      },
      {
        name: "cells.gif",
        alt: "Soft green shapes ripple downward like light through water.",
        graph:
          "cellauto=s=160x160:r=12:rule=30:random_fill_ratio=0.5:random_seed=9,scale=320:320:flags=bicubic,gblur=sigma=3,trim=duration=3," +
          tint("val*0.3", "40+val*0.8", "30+val*0.5"),
        colors: 256,
        dither: "sierra2_4a",
      },
    ],
  },
];

/** Where `npm run bench -- media --story generated` keeps this story (generated once, reused). */
export function benchGifStoryDir(): string {
  return path.join(projectDir, ".cache", "installment", "bench-gif-story");
}

const STORY_YAML = `title: Untuned Forecast
description: A generated story of noisy, dithered and photographic GIFs for the media bench.
language: en
siteUrl: http://localhost:3000
cast:
  buoy:
    name: Margo
    color: "#5fd4ff"
    lane: 0
revealUpcomingTitles: false
`;

function chapterMdx(c: BenchGifChapter): string {
  const gifs = c.gifs.map((g) => `<Gif src="./media/${g.name}" alt="${g.alt}" />`).join("\n\n");
  return `---\ntitle: ${c.title}\nsummary: Generated GIFs for the media bench.\n---\n\n<Dialogue>\nMARGO: ${c.title}.\n</Dialogue>\n\n${gifs}\n`;
}

/** Folder of chapter i (0-based), e.g. "02-dither". */
export function benchGifChapterDir(i: number): string {
  const c = BENCH_GIF_STORY[i] as BenchGifChapter;
  return `${String(i + 1).padStart(2, "0")}-${c.slug}`;
}

/** The ffmpeg arguments that draw one GIF (palette from the whole clip, then the chosen dither). */
export function gifArgs(g: BenchGif, out: string): string[] {
  const dither = g.dither === "bayer" ? "bayer:bayer_scale=2" : g.dither;
  const graph = `${g.graph},split[a][b];[a]palettegen=max_colors=${g.colors}:stats_mode=full[p];[b][p]paletteuse=dither=${dither}[out]`;
  return ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-filter_complex", graph, "-map", "[out]", "-f", "gif", out];
}

/**
 * The bundled ffmpeg draws, like scripts/make-sample-media.ts, whichever ffmpeg
 * encodes: the GIFs stay the same bytes when the encoder changes.
 */
function drawingFfmpeg(): string | null {
  try {
    const bundled = (createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string }).path;
    if (existsSync(bundled)) return bundled;
  } catch {
    // not installed for this platform: any ffmpeg will do
  }
  return ffmpegPath();
}

/** Writes the story under `root` (default benchGifStoryDir()), drawing only the GIFs that are missing. */
export async function ensureBenchGifStory(root = benchGifStoryDir(), log: (s: string) => void = () => {}): Promise<string> {
  const bin = drawingFfmpeg();
  if (!bin) throw new Error("ffmpeg is not installed");
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, "story.yaml"), STORY_YAML);
  for (const [i, c] of BENCH_GIF_STORY.entries()) {
    const dir = path.join(root, benchGifChapterDir(i));
    mkdirSync(path.join(dir, "media"), { recursive: true });
    writeFileSync(path.join(dir, "index.mdx"), chapterMdx(c));
    for (const g of c.gifs) {
      const out = path.join(dir, "media", g.name);
      if (existsSync(out)) continue;
      log(`drawing ${path.relative(root, out)}`);
      const tmp = `${out}.tmp`;
      await run(bin, gifArgs(g, tmp));
      renameSync(tmp, out);
    }
  }
  return root;
}

function run(bin: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) return resolve();
      rmSync(args.at(-1) as string, { force: true });
      reject(new Error(`ffmpeg exited with ${code}: ${err.trim().split("\n").at(-1) ?? ""}`));
    });
  });
}
