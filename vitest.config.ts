import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "dist/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // The CLI under test is the TypeScript source (bin/ prefers a possibly stale dist/ otherwise).
    env: { SSBTEK_HARNESS_FROM_SOURCE: "1" },
  },
});
