// Preload for `npm run bench`: records every module the process loads into the file named by
// CRIEUR_BENCH_IMPORTS — ES modules through a resolve hook, CommonJS ones from require.cache at exit.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";

const out = process.env.CRIEUR_BENCH_IMPORTS;
register(new URL("./trace-imports-hooks.mjs", import.meta.url));
process.on("exit", () => {
  const cache = createRequire(import.meta.url).cache;
  appendFileSync(
    out,
    Object.keys(cache)
      .map((file) => `${pathToFileURL(file).href}\n`)
      .join(""),
  );
});
