import { CHROMIUM_PATH, HEADLESS_FLAGS } from "../../scripts/lib/chromium-flags";
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";

export const CHROMIUM = CHROMIUM_PATH;

/**
 * Debian's Chromium, with the flags this sandbox needs. Playwright gives every
 * launch a fresh temporary profile (it refuses --user-data-dir here).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright adds its own headless switch.
    args: [...HEADLESS_FLAGS.filter((f) => !f.startsWith("--headless")), "--autoplay-policy=no-user-gesture-required"],
  });
}

export interface Watched {
  page: Page;
  /** Every request the page made that left localhost. */
  external: string[];
}

/** A page that records any request to another host and refuses it. */
export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const external: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:")
      return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  return { page, external };
}

export type { Browser, BrowserContext, Page, Request };
