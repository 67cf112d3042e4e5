// The ffmpeg command line that draws one recipe: the scene's filter graph,
// then a palette for GIFs or a still encoder, with every source of
// nondeterminism (threads, metadata, encoder tags) turned off.
import { Graph, type SceneParams } from "./graph";
import type { MediaRecipe } from "./recipes";

/** The ffmpeg arguments (after `-hide_banner -nostdin`, which runFfmpeg adds) that make `recipe` into `outFile`. */
export function ffmpegArgs(recipe: MediaRecipe, outFile: string): string[] {
  const isGif = recipe.kind === "gif";
  const params: SceneParams = isGif
    ? { w: recipe.width, h: recipe.height, fps: recipe.fps, seconds: recipe.seconds, t0: 0 }
    : // One frame; a fine time base so that `at` is exact (PTS are integers).
      { w: recipe.width, h: recipe.height, fps: 100, seconds: 0.01, t0: recipe.at ?? 0 };
  const g = new Graph(params);
  const out = recipe.scene(g, params);
  const chains = [...g.chains];
  let final = out;
  if (isGif) {
    const colors = recipe.colors ?? 64;
    const dither = recipe.dither ?? "bayer";
    const ditherOpt = dither === "bayer" ? `bayer:bayer_scale=${recipe.bayerScale ?? 3}` : dither;
    chains.push(`${out}split=2[pa][pb]`);
    chains.push(`[pa]palettegen=max_colors=${colors}:stats_mode=full:reserve_transparent=0[pal]`);
    chains.push(`[pb][pal]paletteuse=dither=${ditherOpt}:diff_mode=rectangle[final]`);
    final = "[final]";
  }
  // One filter thread: geq's st()/ld() variables are shared between slice
  // threads in this ffmpeg, which races and breaks determinism.
  const args = ["-loglevel", "error", "-y", "-filter_complex_threads", "1", "-threads", "1"];
  for (const src of g.inputs) args.push("-f", "lavfi", "-i", src);
  args.push("-filter_complex", chains.join(";"), "-map", final, "-map_metadata", "-1");
  args.push("-fflags", "+bitexact", "-flags:v", "+bitexact");
  if (isGif) {
    args.push("-frames:v", String(Math.round(recipe.fps * recipe.seconds)), "-loop", "0", "-f", "gif");
  } else if (recipe.kind === "png") {
    args.push("-frames:v", "1", "-c:v", "png", "-pix_fmt", "rgb24", "-f", "image2");
  } else {
    args.push("-frames:v", "1", "-c:v", "mjpeg", "-pix_fmt", "yuvj444p", "-q:v", "3", "-f", "image2");
  }
  args.push(outFile);
  return args;
}
