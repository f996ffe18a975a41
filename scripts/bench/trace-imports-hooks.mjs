// Module hooks for trace-imports.mjs (they run on the loader thread).
import { appendFileSync } from "node:fs";

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith("file:")) {
    appendFileSync(process.env.CRIEUR_BENCH_IMPORTS, `${resolved.url}\n`);
  }
  return resolved;
}
