import { buildDist } from "../../scripts/build.js";

export { buildDist };

/**
 * Builds dist/ once per test run (the same bundle `npm run build` makes and the repository
 * ships), so CLI tests run exactly what the workflows and the action run, under plain Node.
 */
export default async function setup(): Promise<void> {
  const build = await buildDist();
  if (!build.ok) {
    process.stderr.write(`warning: the build failed; CLI tests will fail:\n${build.output}\n`);
  }
}
