// Installs what npm cannot: Debian's Chromium, which the browser tests and the
// benchmarks drive. Runs as npm's postinstall so a fresh clone needs only `npm install`.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

const CHROMIUM = "/usr/bin/chromium";
if (existsSync(CHROMIUM) || process.env.INSTALLMENT_SKIP_CHROMIUM === "1") process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const sudo = isRoot ? "" : "sudo ";
try {
  console.log("[installment] installing Debian's chromium for browser tests…");
  execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq chromium`, {
    stdio: "inherit",
  });
} catch {
  // The site itself runs without Chromium; only the browser tests and bench need it.
  console.warn(`[installment] could not install chromium; browser tests need ${CHROMIUM}. Run: apt-get install chromium`);
}
