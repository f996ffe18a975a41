#!/usr/bin/env node
/**
 * The command line: parses the commands and runs them with the real side effects, wired in
 * job.ts (shared with the GitHub Action, action.ts). Commands: run, check, preview, items,
 * commit-state.
 * Exit codes: 0 ok; 1 something needs the owner; 2 usage error.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { loadConfig } from "./config/load.js";
import { CrieurError } from "./errors.js";
import { InvocationError, isMainModule, type JobIo, runJob, saveState } from "./job.js";
import { decodeFeedBytes } from "./sources/decode.js";
import { DEFAULT_FETCH_OPTIONS, fetchFeed } from "./sources/fetch.js";
import type { ParsedFeed } from "./sources/item.js";
import { CRIEUR_VERSION } from "./version.js";

const USAGE = `crieur ${CRIEUR_VERSION} — turns feeds into posts on X

Usage:
  crieur run [--config FILE] [--state DIR] [--feed ID]... [--dry-run]
      Fetch the feeds, post what is new, update the state files.
      Without the four X secrets in the environment it does a dry run.
  crieur check [--config FILE]
      Validate feeds.yml; lists every problem with its line.
  crieur preview [--config FILE] [--state DIR] [--feed ID]... [--base-config FILE]
      Fetch the feeds and show what would be posted now. Writes nothing.
      With --base-config (the base branch's feeds.yml, in a pull request), only the feeds
      added or changed since then, with the next posts' exact texts in the job summary.
  crieur commit-state [--state DIR] [--push] [--remote NAME] [--branch NAME]
      Commit the state folder (only it, only if it changed) with a message saying what was
      posted; with --push, push it, merging with the branch if it moved meanwhile. After 50
      days without a commit, commits a small heartbeat so GitHub keeps the schedule enabled.
  crieur items <url|file> [--json]
      Parse one feed and print its items.

Options:
  --config FILE   feeds file (default: feeds.yml)
  --state DIR     state directory (default: state)
  --feed ID       only this feed (repeatable)
  --dry-run       post nothing, write nothing
  --base-config FILE  (preview) feeds file to compare with; a missing file means all are new
  --push          (commit-state) push the commit
  --remote NAME   (commit-state) remote to push to (default: origin)
  --branch NAME   (commit-state) branch to push to (default: the checked-out one)
  --json          (items) print a JSON array
  -h, --help      this help
  --version       print the version

Environment: X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET (X app keys, read and
write); CRIEUR_X_API_URL sends X requests to another base URL (tests, proxies).`;

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
        return await commitStateCommand(rest, io);
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
    help: commonOptions.help,
  });
  if (values.help) return printHelp(io);
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0)
    throw new CliUsageError("Usage: crieur items <url|file> [--json]");

  const feed = await readFeed(source);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(feed.items, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(`${feed.title} — ${feed.items.length} items\n`);
  for (const note of feed.notes) io.stdout.write(`note: ${note}\n`);
  for (const item of feed.items) {
    io.stdout.write(
      `${item.published ?? "(no date)"}  ${item.title}\n    ${item.link ?? "(no link)"}\n`,
    );
  }
  return 0;
}

async function readFeed(source: string): Promise<ParsedFeed> {
  const { parseFeed } = await import("./sources/parse.js");
  if (/^https?:\/\//i.test(source)) {
    const result = await fetchFeed(source, {}, DEFAULT_FETCH_OPTIONS);
    if (result.kind !== "fetched") throw new CrieurError(`${source} answered 304 Not Modified.`);
    return parseFeed(result.text, result.url);
  }
  const path = resolve(source);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CrieurError(`Cannot read ${source}: ${(error as Error).message}`);
  }
  return parseFeed(decodeFeedBytes(bytes, undefined).text, pathToFileURL(path).href);
}

async function commitStateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    state: commonOptions.state,
    push: { type: "boolean" },
    remote: { type: "string", default: "origin" },
    branch: { type: "string" },
    help: commonOptions.help,
  });
  if (values.help) return printHelp(io);
  if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}".`);
  await saveState(
    {
      state: values.state,
      push: values.push ?? false,
      remote: values.remote,
      ...(values.branch ? { branch: values.branch } : {}),
    },
    io,
  );
  return 0;
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
