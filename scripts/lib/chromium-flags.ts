import { readEnv } from "../../lib/env";

export const CHROMIUM_PATH = readEnv().CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * What Debian's Chromium needs to run headless in this sandbox: without the
 * background-networking flags it tries to reach Google's hosts at every start.
 */
export const HEADLESS_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
