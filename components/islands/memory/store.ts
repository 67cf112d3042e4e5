// localStorage access for reader memory: every call survives blocked or full storage.
import { PLACE_KEY } from "../../chrome/place";
import { EMPTY_MEMORY, MEMORY_KEY, parseMemory, serializeMemory, type Memory } from "./marks";

/** sessionStorage: the chapters listed before this visit began, so a reload keeps this visit's badges. */
export const VISIT_BASELINE_KEY = "installment:visit-baseline";

export function local(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readMemory(): Memory {
  try {
    return parseMemory(local()?.getItem(MEMORY_KEY));
  } catch {
    return EMPTY_MEMORY;
  }
}

export function writeMemory(m: Memory): void {
  try {
    local()?.setItem(MEMORY_KEY, serializeMemory(m));
  } catch {
    // full or blocked: nothing remembered this time
  }
}

/** Removes everything reader memory keeps on this device. */
export function forgetMemory(): void {
  for (const [s, key] of [
    [local(), MEMORY_KEY],
    [local(), PLACE_KEY],
    [session(), VISIT_BASELINE_KEY],
  ] as const) {
    try {
      s?.removeItem(key);
    } catch {
      // blocked: nothing was stored either
    }
  }
}
