import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The real-world corpus runs on its own: npm run test:corpus.
    exclude: ["test/corpus.test.ts", "**/node_modules/**"],
    // The CLI tests run dist/cli.js under plain Node, the way users run it.
    globalSetup: ["test/support/build-once.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
