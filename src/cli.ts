#!/usr/bin/env node
/**
 * The command line, and the only place where the real side effects are wired: files, network,
 * clock, environment, the Actions runtime. Commands: run, check, preview, items, commit-state,
 * save-state, restore-state.
 * Exit codes: 0 ok; 1 something needs the owner; 2 usage error.
 */
import { realpathSync } from "node:fs";
import { appendFile, readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { USAGE } from "./cli/usage.js";
import type { Config } from "./config/defaults.js";
import { loadConfig } from "./config/load.js";
import { CrieurError } from "./errors.js";
import { readXCredentials, type XCredentials } from "./publishers/credentials.js";
import type { Publisher } from "./publishers/publisher.js";
import { itemsListing } from "./report/items.js";
import { actionsLog, type Log, terminalLog } from "./report/log.js";
import {
  closingLines,
  escapeHtml,
  exitCodeOf,
  type RunReport,
  summaryHtml,
} from "./report/report.js";
import { isValidTimeZone } from "./rules/posting-hours.js";
import { decodeFeedBytes } from "./sources/decode.js";
import { DEFAULT_FETCH_OPTIONS, type FetchOptions, fetchFeed } from "./sources/fetch.js";
import type { ParsedFeed } from "./sources/item.js";
import type { ParseOptions } from "./sources/parse.js";
import { acquireLock } from "./state/lock.js";
import { createStateStore } from "./state/store.js";
import { CRIEUR_VERSION } from "./version.js";

class CliUsageError extends CrieurError {
  override name = "CliUsageError";
}

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly now: () => Date;
}

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
    if (error instanceof CliUsageError) {
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

  const config = await loadConfig(values.config);
  const feedIds = values.feed;
  const unknown = feedIds?.filter((id) => !config.feeds.some((feed) => feed.id === id)) ?? [];
  if (unknown.length > 0) {
    throw new CliUsageError(
      `No feed with id ${unknown.map((id) => `"${id}"`).join(", ")} in ${config.file}.`,
    );
  }

  if (!preview && values["base-config"] !== undefined)
    throw new CliUsageError("--base-config is an option of preview only.");
  const scope =
    preview && values["base-config"] !== undefined
      ? await previewScope(config, values["base-config"], feedIds)
      : undefined;

  const credentials = readXCredentials(io.env);
  const log = await createLog(io, credentials);
  let publisher: Publisher | undefined;
  if (preview) {
    log.info("Preview: nothing is posted and no state is written.");
  } else if (values["dry-run"]) {
    log.info("Dry run (--dry-run): nothing is posted and no state is written.");
  } else if (!credentials) {
    log.warning(
      "DRY RUN: the X secrets X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET are not " +
        "set, so nothing is posted and no state is written. Add them as repository secrets to post.",
    );
  } else {
    publisher = lazyXPublisher(credentials, io.env.CRIEUR_X_API_URL);
  }

  // Only a run that writes state takes the lock; previews and dry runs write nothing.
  const lock = publisher ? await acquireLock(values.state, { now: io.now() }) : undefined;
  try {
    // Loaded here so that `check` and `--help` do not pay for the pipeline's libraries.
    const { run } = await import("./run.js");
    const report = await run(
      config,
      {
        fetchFeed: (url, validators) => fetchFeed(url, validators, fetchOptionsOf(config)),
        store: createStateStore(values.state),
        publisher,
        now: io.now,
        log,
      },
      scope ? { feedIds: scope.feedIds } : feedIds ? { feedIds } : {},
    );
    await finish(report, log, io, scope?.summary(report));
    return exitCodeOf(report);
  } finally {
    await lock?.release();
  }
}

async function finish(report: RunReport, log: Log, io: CliIo, summary?: string): Promise<void> {
  for (const problem of report.problems) log.error(problem);
  for (const line of closingLines(report)) log.info(line);
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) await appendFile(summaryFile, summary ?? summaryHtml(report), "utf8");
}

/** A pull request's preview: only the feeds it adds or changes compared with the base feeds.yml. */
async function previewScope(
  config: Config,
  baseFile: string,
  feedIds: readonly string[] | undefined,
) {
  const { diffFeeds, previewedFeedIds, previewHtml } = await import("./report/preview.js");
  let base: Config | undefined;
  let baseNote: string | undefined;
  try {
    base = await loadConfig(baseFile);
  } catch (error) {
    const missing = !(await stat(baseFile).catch(() => undefined));
    baseNote = missing
      ? "The base branch has no feeds.yml: every feed is new."
      : `The base branch's feeds.yml is not valid (${(error as Error).message.split("\n")[0]}): every feed is shown as new.`;
  }
  const changes = diffFeeds(base, config);
  const previewed = previewedFeedIds(changes).filter((id) => !feedIds || feedIds.includes(id));
  return {
    feedIds: previewed,
    summary: (report: RunReport) =>
      previewHtml(changes, config, report, baseNote ? { baseNote } : {}),
  };
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
  return parseFeed(decodeFeedBytes(bytes, undefined).text, pathToFileURL(path).href, options);
}

function fetchOptionsOf(config: Config): FetchOptions {
  return { ...DEFAULT_FETCH_OPTIONS, ...config.fetch };
}

/** The X client is loaded only when the first post is sent: most runs have nothing to post. */
function lazyXPublisher(credentials: XCredentials, apiBaseUrl: string | undefined): Publisher {
  let publisher: Promise<Publisher> | undefined;
  return {
    network: "x",
    async publish(text) {
      publisher ??= import("./publishers/x.js").then(({ createXPublisher }) =>
        createXPublisher({ credentials, ...(apiBaseUrl ? { apiBaseUrl } : {}) }),
      );
      return (await publisher).publish(text);
    },
  };
}

async function createLog(io: CliIo, credentials: XCredentials | undefined): Promise<Log> {
  if (io.env.GITHUB_ACTIONS === "true") {
    return actionsLog(credentials ? Object.values(credentials) : []);
  }
  return terminalLog(io.stdout, io.stderr);
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
  const log = await createLog(io, undefined);
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

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  // npm runs bins through a symlink in node_modules/.bin.
  return import.meta.url === pathToFileURL(realpathSync(script)).href;
}

if (isEntryPoint()) {
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
