// The media store: generated files under `<store>/files/<name>`, a JSON cache
// index per source hash under `<store>/index/`, temp files under `<store>/tmp/`.
// Writes go to a temp file then rename, so a crash never leaves half a file
// under a content-addressed name, and parallel processes can share a store.
import { existsSync, mkdirSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { cacheLayout, storeLayout } from "../cache-layout";
import { cacheRoot } from "../env";

/** `storeDir` option, else the cache folder's media store (`$INSTALLMENT_CACHE_DIR/media`). */
export function resolveStoreDir(storeDir?: string): string {
  return storeDir ? path.resolve(storeDir) : cacheLayout(cacheRoot()).media;
}

export interface Store {
  root: string;
  files: string;
  index: string;
  tmp: string;
  /** What each ffmpeg binary said about itself (lib/media/ffmpeg.ts). */
  ffmpeg: string;
}

export function openStore(storeDir?: string): Store {
  const root = resolveStoreDir(storeDir);
  const store = { root, ...storeLayout(root) };
  for (const dir of [store.files, store.index, store.tmp]) mkdirSync(dir, { recursive: true });
  return store;
}

/** Absolute path of a generated file (name already validated by its producer). */
export function storeFile(store: Store, name: string): string {
  return path.join(store.files, name);
}

/** A unique temp path in the store, with the extension ffmpeg needs to pick a muxer. */
export function tempPath(store: Store, ext: string): string {
  return path.join(store.tmp, `${process.pid}-${randomBytes(6).toString("hex")}.${ext}`);
}

/** Moves a finished temp file to its content-addressed name. */
export async function commitTemp(store: Store, tmp: string, name: string): Promise<void> {
  await rename(tmp, storeFile(store, name));
}

export async function writeAddressed(store: Store, name: string, data: Uint8Array): Promise<void> {
  const dest = storeFile(store, name);
  if (existsSync(dest)) return;
  const tmp = tempPath(store, "part");
  await writeFile(tmp, data);
  await rename(tmp, dest);
}

export async function removeQuietly(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => undefined);
}

/** Cached result for one source hash + processing kind, or null. */
export async function readIndex<T>(store: Store, key: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path.join(store.index, `${key}.json`), "utf8")) as T;
  } catch {
    return null;
  }
}

export async function writeIndex(store: Store, key: string, value: unknown): Promise<void> {
  const tmp = tempPath(store, "json");
  await writeFile(tmp, JSON.stringify(value, null, 2) + "\n");
  await rename(tmp, path.join(store.index, `${key}.json`));
}
