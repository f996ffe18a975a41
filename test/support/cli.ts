/**
 * Runs the bundled CLI (dist/cli.js, what ships) as a child process under plain Node, the way the
 * workflow does, so a CommonJS-interop or bundling mistake that only shows outside vitest is caught.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI_PATH = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRun {
  readonly child: ChildProcess;
  readonly done: Promise<CliResult>;
}

export interface CliOptions {
  readonly cwd: string;
  readonly env?: Record<string, string>;
  /** The script to run instead of dist/cli.js (a copy of dist/, dist/action.js). */
  readonly script?: string;
}

/** Starts the CLI; `env` is added to a minimal environment (no inherited X secrets or Actions vars). */
export function startCli(args: readonly string[], options: CliOptions): CliRun {
  const child = spawn(process.execPath, [options.script ?? CLI_PATH, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  return startCli(args, options).done;
}
