// Locates and runs the ffmpeg binary that ships inside @ffmpeg-installer/ffmpeg.
// No ffprobe ships with it, so stream info is parsed from `ffmpeg -i` stderr.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { accessSync, chmodSync, constants, existsSync, statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
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

interface BinaryFacts {
  /** `ffmpeg version …` and its `configuration:` line; the binary's path when it printed nothing. */
  identity: string;
  encoders: string[];
}

const facts = new Map<string, Promise<BinaryFacts>>();
/** Cache files known to hold a binary's facts in this process. */
const saved = new Set<string>();

/**
 * What a binary says about itself, asked once per process and, with
 * `cacheDir`, once per binary on disk: keyed by its path, size and mtime, so
 * a replaced binary is asked again and a warm cache spawns nothing.
 */
function binaryFacts(ffmpeg: string | undefined, cacheDir: string | undefined): Promise<BinaryFacts> {
  const bin = ffmpegPath(ffmpeg) ?? "";
  let found = facts.get(bin);
  if (found) {
    // Asked before without this cache folder: remember it there too.
    const file = cacheDir ? factsFile(cacheDir, bin) : null;
    if (file && !saved.has(file))
      return found.then(async (f) => {
        if (!existsSync(file) && f.identity !== bin && f.encoders.length) await saveFacts(file, f).catch(() => {});
        saved.add(file);
        return f;
      });
    return found;
  }
  found = (async (): Promise<BinaryFacts> => {
    const file = cacheDir ? factsFile(cacheDir, bin) : null;
    if (file) {
      try {
        const saved = JSON.parse(await readFile(file, "utf8")) as BinaryFacts;
        if (typeof saved.identity === "string" && Array.isArray(saved.encoders)) return saved;
      } catch {
        // Not asked yet (or unreadable): ask the binary.
      }
    }
    const [version, list] = await Promise.all([
      runFfmpegStdout(["-version"], ffmpeg).catch(() => ""),
      runFfmpegStdout(["-encoders"], ffmpeg).catch(() => ""),
    ]);
    const lines = version.split("\n");
    const identity = [lines[0], lines.find((l) => l.startsWith("configuration:"))].filter(Boolean).join("\n");
    const encoders: string[] = [];
    for (const line of list.split("\n")) {
      const m = /^\s*[VAS][.A-Z]{5}\s+(\S+)/.exec(line);
      if (m) encoders.push(m[1] as string);
    }
    const result = { identity: identity || bin, encoders };
    // Only a binary that answered is remembered; one that failed is asked again next time.
    if (file && identity && encoders.length) await saveFacts(file, result).catch(() => {});
    if (file) saved.add(file);
    return result;
  })();
  facts.set(bin, found);
  return found;
}

/** Forgets what binaries said in this process (tests: a fresh process reads them from disk). */
export function forgetFfmpegFacts(): void {
  facts.clear();
  saved.clear();
}

function factsFile(cacheDir: string, bin: string): string | null {
  try {
    const st = statSync(bin);
    const key = createHash("sha256")
      .update(`${path.resolve(bin)}\0${st.size}\0${st.mtimeMs}`)
      .digest("hex")
      .slice(0, 24);
    return path.join(cacheDir, `${key}.json`);
  } catch {
    return null;
  }
}

async function saveFacts(file: string, f: BinaryFacts): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, JSON.stringify(f));
  await rename(tmp, file);
}

/** Names of the encoders this ffmpeg build has (e.g. "libx264", "libvpx-vp9"). */
export async function ffmpegEncoders(ffmpeg?: string, cacheDir?: string): Promise<Set<string>> {
  if (!ffmpegPath(ffmpeg)) return new Set();
  return new Set((await binaryFacts(ffmpeg, cacheDir)).encoders);
}

/**
 * Which ffmpeg this is (`ffmpeg version 5.1.9-0+deb12u1 …`, with its
 * configuration), asked once per binary: media made by another build get
 * other names and cache keys.
 */
export async function ffmpegIdentity(ffmpeg?: string, cacheDir?: string): Promise<string> {
  if (!ffmpegPath(ffmpeg)) return "none";
  return (await binaryFacts(ffmpeg, cacheDir)).identity;
}

/** The first of `candidates` that exists and has SVT-AV1 (libsvtav1), or null. */
export async function findAv1Ffmpeg(candidates: readonly string[], cacheDir?: string): Promise<string | null> {
  for (const c of candidates) {
    if (!ffmpegPath(c)) continue;
    if ((await ffmpegEncoders(c, cacheDir)).has("libsvtav1")) return c;
  }
  return null;
}

/** Runs ffmpeg and resolves with its stdout (`-encoders` prints there). */
function runFfmpegStdout(args: string[], ffmpeg: string | undefined, timeoutMs = 30_000): Promise<string> {
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
