/** @type {import('next').NextConfig} */
const nextConfig = {
  // esbuild ships a native binary that Turbopack cannot bundle; mdx-bundler drives it.
  serverExternalPackages: ["mdx-bundler", "esbuild", "sharp", "@ffmpeg-installer/ffmpeg"],
  poweredByHeader: false,
  reactStrictMode: true,
  // The build holds no story content (every page renders from the in-process
  // store at request time), so one build serves any content root.
  output: undefined,
};

export default nextConfig;
