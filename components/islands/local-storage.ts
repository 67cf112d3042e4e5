/** localStorage, or null where it is blocked (privacy mode, sandbox). */
export function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
