import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Compiles src/ into dist/ with the project's own tsc; returns the compiler's output on failure. */
export function buildDist(): { readonly ok: boolean; readonly output: string } {
  const build = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
    { cwd: root, encoding: "utf8" },
  );
  return { ok: build.status === 0, output: `${build.stdout}${build.stderr}` };
}

/**
 * Builds dist/ once per test run, so CLI tests exercise the compiled program under plain Node.
 * Type errors do not stop the emit; they are left to `npm run typecheck`, which CI runs first.
 */
export default function setup(): void {
  const build = buildDist();
  if (!build.ok) {
    process.stderr.write(
      `warning: the build reported errors; CLI tests may fail:\n${build.output}\n`,
    );
  }
}
