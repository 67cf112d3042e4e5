/** @type {import('next').NextConfig} */
const nextConfig = {
  // esbuild ships a native binary that Turbopack cannot bundle; mdx-bundler drives it.
  serverExternalPackages: ["mdx-bundler", "esbuild", "sharp", "@ffmpeg-installer/ffmpeg"],
  poweredByHeader: false,
  // Types are checked by `npm test` (tests/typecheck.test.ts) over the whole
  // project; checking again here would only slow every build.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
};

export default nextConfig;
