/**
 * Where log lines go: GitHub Actions annotations and groups when running in a workflow, plain
 * lines on a terminal. The orchestrator only sees the Log interface, so tests can capture lines.
 */

export interface Log {
  info(message: string): void;
  /** Something the owner should look at; shown as an annotation in workflow runs. */
  warning(message: string): void;
  error(message: string): void;
  group<T>(name: string, body: () => Promise<T>): Promise<T>;
}

/**
 * Masks `secrets` first, so Actions prints *** wherever one would appear in a later line.
 * @actions/core is loaded here, not at the top: outside a workflow it is never needed, and it
 * costs a noticeable share of a no-op run's start-up.
 */
export async function actionsLog(secrets: readonly string[]): Promise<Log> {
  const core = await import("./actions-core.js");
  for (const secret of secrets) if (secret) core.setSecret(secret);
  return {
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    error: (message) => core.error(message),
    group: (name, body) => core.group(name, body),
  };
}

export function terminalLog(
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Log {
  let indent = "";
  return {
    info: (message) => out.write(`${indent}${message}\n`),
    warning: (message) => err.write(`${indent}warning: ${message}\n`),
    error: (message) => err.write(`${indent}error: ${message}\n`),
    async group(name, body) {
      out.write(`${name}\n`);
      indent = "  ";
      try {
        return await body();
      } finally {
        indent = "";
      }
    },
  };
}

/**
 * Collects lines to write later, in order: feeds are processed in parallel, but each feed's lines
 * must appear together, in its own group, in the order of feeds.yml.
 */
export function bufferedLog(): { readonly log: Log; replayTo(target: Log): void } {
  const lines: { readonly level: "info" | "warning" | "error"; readonly message: string }[] = [];
  return {
    log: {
      info: (message) => lines.push({ level: "info", message }),
      warning: (message) => lines.push({ level: "warning", message }),
      error: (message) => lines.push({ level: "error", message }),
      group: (_name, body) => body(),
    },
    replayTo(target) {
      for (const line of lines) target[line.level](line.message);
    },
  };
}
