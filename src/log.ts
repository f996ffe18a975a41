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
  const core = await import("@actions/core");
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
