// Installs what npm cannot, when missing: Debian's Chromium (browser tests,
// benchmarks), a Java runtime (Nu HTML Checker), EPUBCheck (the EPUB
// validator), Varnish (the shared cache of `npm run cluster` and its tests),
// libfaketime (a clock running ahead, in the cluster tests) and Debian's
// ffmpeg (its SVT-AV1 encodes the AV1 rendition of every GIF; H.264 and VP9
// come from the ffmpeg bundled in @ffmpeg-installer/ffmpeg, which has no
// AV1 encoder worth using). Runs as npm's postinstall so a fresh clone needs
// only `npm install`.
import { existsSync } from "node:fs";
import { execSync, spawnSync } from "node:child_process";

if (process.env.INSTALLMENT_SKIP_SYSTEM_DEPS === "1") process.exit(0);

const missing = [];
if (!existsSync("/usr/bin/chromium")) missing.push("chromium");
if (spawnSync("java", ["-version"], { stdio: "ignore" }).status !== 0) missing.push("default-jre-headless");
if (!existsSync("/usr/share/java/epubcheck.jar")) missing.push("epubcheck");
if (!existsSync("/usr/sbin/varnishd")) missing.push("varnish");
if (!existsSync("/usr/bin/faketime")) missing.push("faketime");
if (!existsSync("/usr/bin/ffmpeg")) missing.push("ffmpeg");
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const sudo = isRoot ? "" : "sudo ";
try {
  console.log(`[installment] installing Debian packages for the tests: ${missing.join(", ")}…`);
  execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${missing.join(" ")}`, {
    stdio: "inherit",
  });
} catch {
  // The site itself runs without them (without ffmpeg, with no AV1 renditions); the tests, checks and `npm run cluster` need them.
  console.warn(`[installment] could not install ${missing.join(", ")}; the browser tests need them: apt-get install ${missing.join(" ")}`);
}
