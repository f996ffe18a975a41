/**
 * Runs one child process and measures it: wall time from spawn to exit, the child's CPU time and
 * peak RSS (GNU time's %U, %S and %M when /usr/bin/time exists, else a preload that reads
 * process.resourceUsage() at exit). CPU time is what a busy machine does not inflate. Plus the
 * small statistics the table prints.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Measured {
  readonly wallMs: number;
  /** Peak resident set size of the measured process, in bytes. */
  readonly peakRssBytes: number;
  /** User plus system CPU time of the measured process. */
  readonly cpuMs: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const MAX_RSS_PRELOAD = fileURLToPath(new URL("./max-rss.mjs", import.meta.url));

/** GNU time, if it is there and really GNU (busybox's lacks -o). */
const gnuTime = (() => {
  if (!existsSync("/usr/bin/time")) return false;
  const probe = spawnSync("/usr/bin/time", ["-f", "%M", "-o", "/dev/null", "true"]);
  return probe.status === 0;
})();

export const RSS_METHOD = gnuTime ? "/usr/bin/time %M" : "process.resourceUsage().maxRSS (preload)";

/**
 * Runs `node ...nodeArgs` with exactly `env`; resolves when it exits, whatever its code. `node`
 * is this process's Node unless another binary is given.
 */
export async function measureNode(
  nodeArgs: readonly string[],
  options: {
    readonly cwd: string;
    readonly env: Readonly<Record<string, string>>;
    readonly node?: string;
  },
): Promise<Measured> {
  const node = options.node ?? process.execPath;
  const scratch = await mkdtemp(join(tmpdir(), "crieur-bench-rss-"));
  const rssFile = join(scratch, "rss");
  const env: Record<string, string> = { ...options.env };
  let command = node;
  let args = [...nodeArgs];
  if (gnuTime) {
    command = "/usr/bin/time";
    args = ["-f", "%M %U %S", "-o", rssFile, node, ...nodeArgs];
  } else {
    args = ["--import", MAX_RSS_PRELOAD, ...nodeArgs];
    env.CRIEUR_BENCH_MAXRSS_FILE = rssFile;
  }
  try {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (exitCode) => resolve(exitCode));
    });
    const wallMs = performance.now() - started;
    // "<max RSS kB> <user s> <system s>"; GNU time may write a note on the lines before.
    const last = (await readFile(rssFile, "utf8").catch(() => "")).trim().split("\n").pop() ?? "";
    const [kilobytes, userS, systemS] = last.split(" ").map(Number);
    return {
      wallMs,
      peakRssBytes: (kilobytes ?? Number.NaN) * 1024,
      cpuMs: ((userS ?? Number.NaN) + (systemS ?? Number.NaN)) * 1000,
      code,
      stdout,
      stderr,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly samples: readonly number[];
}

export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    median,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    samples,
  };
}
