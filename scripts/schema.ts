/**
 * Writes schema/feeds.schema.json from the zod schema in src/config/schema.ts, so editors can check and
 * explain feeds.yml as it is typed. Run after changing the schema: `npx tsx scripts/schema.ts`.
 * test/schema.test.ts fails when the committed file is out of date.
 */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { feedsJsonSchema } from "../src/config/schema.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const target = "schema/feeds.schema.json";

await writeFile(`${root}${target}`, `${JSON.stringify(feedsJsonSchema(), null, 2)}\n`);
// Biome lays out short arrays on one line; formatting with it here keeps `npm run lint` clean.
execFileSync(
  process.execPath,
  ["node_modules/@biomejs/biome/bin/biome", "format", "--write", target],
  {
    cwd: root,
    stdio: "inherit",
  },
);
console.log(`Wrote ${target}`);
