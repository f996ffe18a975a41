/**
 * `npm run bench`, parse of hostile input: each shape of test/support/hostile-feeds.ts at 1, 3
 * and 10 MB, parsed by dist/'s parseFeed in a child process of its own. Milliseconds per MB that
 * stay flat from 1 to 10 MB show the parse stage is linear on it (issue 9). CPU time, which a
 * busy 2-core runner disturbs far less than wall time; the wall times are in the JSON.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  HOSTILE_SHAPES,
  type HostileShape,
  hostileFeed,
} from "../../test/support/hostile-feeds.js";
import { measureNode, spread } from "./measure.js";

export const HOSTILE_SIZES_MB = [1, 3, 10] as const;

const PARSE_FILE = new URL("./parse-file.mjs", import.meta.url);

export interface HostileFigure {
  readonly shape: HostileShape;
  /** Median CPU milliseconds per MB, by size in MB. */
  readonly cpuMsPerMB: Readonly<Record<number, number>>;
  readonly wallMsPerMB: Readonly<Record<number, number>>;
  readonly peakRssMB: Readonly<Record<number, number>>;
  /** What parseFeed made of the largest one: read (with its item count) or refused, and why. */
  readonly outcome: string;
}

export async function measureHostileParsing(
  distDir: string,
  scratchDir: string,
  runs: number,
  log: (message: string) => void,
): Promise<HostileFigure[]> {
  const parseModule = pathToFileURL(join(distDir, "sources", "parse.js")).href;
  const figures: HostileFigure[] = [];
  for (const shape of Object.keys(HOSTILE_SHAPES) as HostileShape[]) {
    log(`parse, hostile: ${shape} at ${HOSTILE_SIZES_MB.join(", ")} MB …`);
    const cpuMsPerMB: Record<number, number> = {};
    const wallMsPerMB: Record<number, number> = {};
    const peakRssMB: Record<number, number> = {};
    let outcome = "";
    for (const mb of HOSTILE_SIZES_MB) {
      const file = join(scratchDir, `${shape}-${mb}.xml`);
      await writeFile(file, hostileFeed(shape, mb * 1_000_000));
      const run = await measureNode([PARSE_FILE.pathname, parseModule, file, String(runs)], {
        cwd: scratchDir,
        env: { PATH: process.env.PATH ?? "" },
      });
      if (run.code !== 0) throw new Error(`parsing ${shape} (${mb} MB) failed:\n${run.stderr}`);
      const result = JSON.parse(run.stdout) as {
        wallMs: number[];
        cpuMs: number[];
        outcome: string;
      };
      cpuMsPerMB[mb] = spread(result.cpuMs).median / mb;
      wallMsPerMB[mb] = spread(result.wallMs).median / mb;
      peakRssMB[mb] = run.peakRssBytes / 1e6;
      outcome = result.outcome;
    }
    figures.push({ shape, cpuMsPerMB, wallMsPerMB, peakRssMB, outcome });
  }
  return figures;
}
