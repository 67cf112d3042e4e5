// Locates and runs the ffmpeg binary that ships inside @ffmpeg-installer/ffmpeg.
// No ffprobe ships with it, so stream info is parsed from `ffmpeg -i` stderr.
import { spawn } from "node:child_process";
import { accessSync, chmodSync, constants, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

let cachedPath: string | null | undefined;
let runs = 0;

/**
 * Absolute path of an executable ffmpeg, or null when none is installed.
 * `override` (INSTALLMENT_FFMPEG, passed down by the caller) replaces the
 * bundled binary; tests point it nowhere to simulate a missing one.
 * npm may skip the platform package's postinstall, so the binary is made
 * executable here when it is not.
 */
export function ffmpegPath(override?: string): string | null {
  if (override !== undefined) return existsSync(override) ? override : null;
  if (cachedPath !== undefined) return cachedPath;
  cachedPath = null;
  try {
    const found = (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
    if (found && existsSync(found)) {
      try {
        accessSync(found, constants.X_OK);
      } catch {
        chmodSync(found, statSync(found).mode | 0o755);
      }
      cachedPath = found;
    }
  } catch {
    cachedPath = null;
  }
  return cachedPath;
}

/** How many ffmpeg processes this process has spawned (tests assert cache hits spawn none). */
export function ffmpegRuns(): number {
  return runs;
}

export interface FfmpegResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stderr: string;
}

export class FfmpegMissingError extends Error {
  constructor() {
    super("ffmpeg binary not found (@ffmpeg-installer/ffmpeg is not installed for this platform)");
  }
}

export interface FfmpegOptions {
  timeoutMs?: number;
  /** An ffmpeg binary instead of the bundled one (INSTALLMENT_FFMPEG). */
  ffmpeg?: string;
}

/** Runs ffmpeg with `args`; resolves with its exit and stderr, never rejects except when the binary is missing. */
export function runFfmpeg(args: string[], opts: FfmpegOptions = {}): Promise<FfmpegResult> {
  const bin = ffmpegPath(opts.ffmpeg);
  if (!bin) return Promise.reject(new FfmpegMissingError());
  const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
  runs++;
  return new Promise((resolve) => {
    const child = spawn(/*turbopackIgnore: true*/ bin, ["-hide_banner", "-nostdin", ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let timedOut = false;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      // Keep the tail: the useful error is at the end, progress lines can be long.
      stderr = (stderr + chunk).slice(-64_000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, timedOut, stderr: stderr + String(err) });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stderr });
    });
  });
}

/** Runs ffmpeg and resolves with its stdout (`-encoders` prints there). */
export function runFfmpegStdout(args: string[], ffmpeg: string | undefined, timeoutMs = 30_000): Promise<string> {
  const bin = ffmpegPath(ffmpeg);
  if (!bin) return Promise.reject(new FfmpegMissingError());
  runs++;
  return new Promise((resolve) => {
    const child = spawn(/*turbopackIgnore: true*/ bin, ["-hide_banner", "-nostdin", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (c: string) => (out += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", () => {
      clearTimeout(timer);
      resolve(out);
    });
    child.on("close", () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

export interface StreamInfo {
  codec: string;
  pixFmt: string;
  width: number;
  height: number;
  container: string;
  /** From the input's `Duration:` line; null when ffmpeg reports none. */
  seconds: number | null;
}

/** Parses the first video stream of `ffmpeg -i <file>` (no ffprobe in this build). */
export async function probeVideo(file: string, ffmpeg?: string): Promise<StreamInfo | null> {
  const r = await runFfmpeg(["-i", file], { timeoutMs: 30_000, ffmpeg });
  return parseStreamInfo(r.stderr);
}

export function parseStreamInfo(stderr: string): StreamInfo | null {
  const container = /Input #0, ([^,]+(?:,[^,\s]+)*), from/.exec(stderr)?.[1] ?? "";
  const line = stderr.split("\n").find((l) => /Stream #\d+:\d+.*: Video: /.test(l));
  if (!line) return null;
  const video = line.slice(line.indexOf("Video: ") + 7);
  const codec = /^(\w+)/.exec(video)?.[1] ?? "";
  // Split on top-level commas (pixel formats can carry "(tv, bt709)").
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of video) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  parts.push(cur.trim());
  const pixFmt = /^(\w+)/.exec(parts[1] ?? "")?.[1] ?? "";
  const size = parts.map((p) => /^(\d+)x(\d+)/.exec(p)).find(Boolean);
  const d = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  return {
    codec,
    pixFmt,
    width: size ? Number(size[1]) : 0,
    height: size ? Number(size[2]) : 0,
    container,
    seconds: d ? Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) : null,
  };
}
