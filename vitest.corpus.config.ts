import { defineConfig } from "vitest/config";

// `npm run test:corpus`: runs the built CLI over the real feeds in $FEED_CORPUS_DIR.
export default defineConfig({
  test: {
    include: ["test/corpus.test.ts"],
    globalSetup: ["test/support/build-once.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
