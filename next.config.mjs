/** @type {import('next').NextConfig} */
const nextConfig = {
  // esbuild ships a native binary that Turbopack cannot bundle; mdx-bundler drives it.
  serverExternalPackages: ["mdx-bundler", "esbuild", "sharp", "@ffmpeg-installer/ffmpeg"],
  poweredByHeader: false,
  // Types are checked by `npm test` (tests/typecheck.test.ts) over the whole
  // project; checking again here would only slow every build.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // No image optimizer: media are transcoded ahead of time (lib/media), and the
  // edge answers /_next/image with a 404 like every non-static /_next/ path.
  images: { unoptimized: true },
  // Build once, run many: the build id is the hash of the code the build was
  // made from (scripts/lib/build-stamp.ts, passed in by scripts/lib/next-build.ts),
  // so every instance built from the same sources serves the same
  // /_next/static names, and a client of one instance can talk to another.
  ...(process.env.INSTALLMENT_BUILD_ID
    ? { generateBuildId: async () => process.env.INSTALLMENT_BUILD_ID, deploymentId: process.env.INSTALLMENT_BUILD_ID }
    : {}),
};

export default nextConfig;
