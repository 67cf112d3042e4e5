// What an ffmpeg binary says about itself (its version and encoders), asked
// once per process and remembered on disk per binary, so a warm cache spawns
// no ffmpeg at all.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { ffmpegPath, runFfmpegStdout } from "./ffmpeg";

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
