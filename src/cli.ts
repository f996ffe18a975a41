#!/usr/bin/env node
/**
 * The command line: parses the commands and runs them with the real side effects, wired in
 * job.ts (shared with the GitHub Action, action.ts). Commands: run, check, preview, items,
 * commit-state, save-state, restore-state.
 * Exit codes: 0 ok; 1 something needs the owner; 2 usage error.
 */
import { appendFile, readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { USAGE } from "./cli/usage.js";
import { loadConfig } from "./config/load.js";
import { CrieurError } from "./errors.js";
import { createLog, InvocationError, isMainModule, type JobIo, runJob } from "./job.js";
import { itemsListing } from "./report/items.js";
import { escapeHtml } from "./report/report.js";
import { isValidTimeZone } from "./rules/posting-hours.js";
import { decodeFeedBytes } from "./sources/decode.js";
import { DEFAULT_FETCH_OPTIONS, fetchFeed } from "./sources/fetch.js";
import type { ParsedFeed } from "./sources/item.js";
import type { ParseOptions } from "./sources/parse.js";
import { CRIEUR_VERSION } from "./version.js";

class CliUsageError extends InvocationError {
  override name = "CliUsageError";
}

type CliIo = JobIo;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "-h" || command === "--help" || command === "help") {
      io.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version") {
      io.stdout.write(`${CRIEUR_VERSION}\n`);
      return 0;
    }
    switch (command) {
      case "run":
        return await runCommand(rest, io, false);
      case "preview":
        return await runCommand(rest, io, true);
      case "check":
        return await checkCommand(rest, io);
      case "commit-state":
      case "save-state":
      case "restore-state":
        return await stateCommand(command, rest, io);
      case "items":
        return await itemsCommand(rest, io);
      default:
        throw new CliUsageError(`Unknown command "${command}". Run "crieur --help".`);
    }
  } catch (error) {
    if (error instanceof InvocationError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof CrieurError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

const commonOptions = {
  config: { type: "string", default: "feeds.yml" },
  state: { type: "string", default: "state" },
  feed: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

function parseOptions<T extends ParseArgsOptionsConfig>(args: readonly string[], options: T) {
  try {
    return parseArgs({
      args: [...args],
      options,
      allowPositionals: true as const,
      strict: true as const,
    });
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}. Run "crieur --help".`);
  }
}

async function runCommand(args: readonly string[], io: CliIo, preview: boolean): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...commonOptions,
    "dry-run": { type: "boolean" },
    "base-config": { type: "string" },
  });
  if (values.help) return printHelp(io);
  if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}".`);
  if (preview && values["dry-run"])
    throw new CliUsageError("preview never posts; --dry-run is not needed.");
  if (!preview && values["base-config"] !== undefined)
    throw new CliUsageError("--base-config is an option of preview only.");
  const { code } = await runJob(
    {
      config: values.config,
      state: values.state,
      ...(values.feed ? { feedIds: values.feed } : {}),
      mode: preview ? "preview" : values["dry-run"] ? "dry-run" : "run",
      ...(values["base-config"] !== undefined ? { baseConfig: values["base-config"] } : {}),
    },
    io,
  );
  return code;
}

async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    config: commonOptions.config,
    help: commonOptions.help,
  });
  if (values.help) return printHelp(io);
  if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}".`);
  const config = await loadConfig(values.config);
  io.stdout.write(
    `${config.file} is valid: ${config.feeds.length} feeds (${config.feeds.map((feed) => feed.id).join(", ")}).\n`,
  );
  return 0;
}

async function itemsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    json: { type: "boolean" },
    occurrences: { type: "boolean" },
    "time-zone": { type: "string" },
    help: commonOptions.help,
  });
  if (values.help) return printHelp(io);
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0) {
    throw new CliUsageError(
      "Usage: crieur items <url|file> [--json] [--occurrences] [--time-zone ZONE]",
    );
  }
  const timeZone = values["time-zone"];
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw new CliUsageError(
      `--time-zone: "${timeZone}" is not a time zone such as "Europe/Paris".`,
    );
  }

  const feed = await readFeed(source, { now: io.now(), ...(timeZone ? { timeZone } : {}) });
  // A calendar or agenda page lists its events as written, unless asked for what crieur considers.
  const events = values.occurrences ? undefined : feed.events;
  if (values.json) {
    io.stdout.write(`${JSON.stringify(events ?? feed.items, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(itemsListing(feed, events));
  return 0;
}

async function readFeed(source: string, options: ParseOptions): Promise<ParsedFeed> {
  const { parseFeed } = await import("./sources/parse.js");
  if (/^(https?|webcal):\/\//i.test(source)) {
    const result = await fetchFeed(source, {}, DEFAULT_FETCH_OPTIONS);
    if (result.kind !== "fetched") throw new CrieurError(`${source} answered 304 Not Modified.`);
    return parseFeed(result.text, result.url, options);
  }
  const path = resolve(source);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CrieurError(`Cannot read ${source}: ${(error as Error).message}`);
  }
  const { text } = await decodeFeedBytes(bytes, undefined);
  return parseFeed(text, pathToFileURL(path).href, options);
}

/** What each of commit-state, save-state and restore-state accepts besides --state and --help. */
const STATE_COMMAND_OPTIONS: Record<string, readonly string[]> = {
  "commit-state": ["push", "remote", "branch"],
  "save-state": ["to", "remote", "branch"],
  "restore-state": ["from"],
};

/** commit-state, save-state, restore-state: the state's way to the repository and back. */
async function stateCommand(command: string, args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    state: commonOptions.state,
    help: commonOptions.help,
    push: { type: "boolean" },
    remote: { type: "string" },
    branch: { type: "string" },
    to: { type: "string" },
    from: { type: "string" },
  });
  if (values.help) return printHelp(io);
  if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}".`);
  const allowed = STATE_COMMAND_OPTIONS[command] ?? [];
  const stray = ["push", "remote", "branch", "to", "from"].find(
    (name) => values[name as keyof typeof values] !== undefined && !allowed.includes(name),
  );
  if (stray) throw new CliUsageError(`--${stray} is not an option of ${command}.`);
  const copyOption = command === "save-state" ? "to" : command === "restore-state" ? "from" : "";
  const copyDir = copyOption ? requiredDir(values[copyOption], `--${copyOption}`) : "";
  const log = await createLog(io);
  const repository = {
    cwd: process.cwd(),
    env: io.env,
    stateDir: values.state,
    remote: values.remote ?? "origin",
    ...(values.branch ? { branch: values.branch } : {}),
    now: io.now,
    log,
  };
  try {
    if (command === "restore-state") {
      const { restoreStateCopy } = await import("./repo/state-cache.js");
      await restoreStateCopy({ stateDir: values.state, copyDir, log });
    } else if (command === "save-state") {
      const { saveStateCopy } = await import("./repo/state-cache.js");
      await saveStateCopy({ ...repository, copyDir });
    } else {
      const { commitState } = await import("./repo/commit-state.js");
      await commitState({ ...repository, push: values.push ?? false });
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CrieurError)) throw error;
    // The state not reaching the repository must be seen: an annotation and the job summary.
    log.error(error.message);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) {
      const html = `<h2>❌ crieur ${command}</h2><p>${escapeHtml(error.message)}</p>\n`;
      await appendFile(summaryFile, html, "utf8");
    }
    return 1;
  }
}

function requiredDir(value: string | undefined, option: string): string {
  if (!value) {
    throw new CliUsageError(`${option} DIR is required. Run "crieur --help".`);
  }
  return value;
}

function printHelp(io: CliIo): number {
  io.stdout.write(`${USAGE}\n`);
  return 0;
}

if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => new Date(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `crieur crashed — please report this: ${(error as Error).stack ?? String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
