import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Browser tests share one built site and one Chromium; running files in
    // parallel on two cores only makes them flaky.
    fileParallelism: false,
    globalSetup: ["tests/global-setup.ts"],
  },
});
