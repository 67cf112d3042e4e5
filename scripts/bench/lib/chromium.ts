import { CHROMIUM_PATH, HEADLESS_FLAGS } from "../../lib/chromium-flags";

export const CHROMIUM = CHROMIUM_PATH;

/**
 * Chromium flags for the benches. The host resolver rule makes every host but
 * the loopback unresolvable, so the naive page's YouTube iframe fails at once
 * and no request leaves the machine.
 */
export const CHROME_FLAGS = [...HEADLESS_FLAGS, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost"];
