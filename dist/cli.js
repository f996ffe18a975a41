#!/usr/bin/env node
import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  CRIEUR_VERSION,
  DEFAULT_FETCH_OPTIONS,
  InvocationError,
  decodeFeedBytes,
  fetchFeed,
  isMainModule,
  loadConfig,
  runJob,
  saveState
} from "./chunks/chunk-2AMA3O7E.js";
import "./chunks/chunk-TMXLISZR.js";
import "./chunks/chunk-RK7JNQNM.js";
import "./chunks/chunk-2AY2OQXI.js";
import "./chunks/chunk-5NBNFVZH.js";
import {
  CrieurError
} from "./chunks/chunk-ETCY7YZ6.js";
import "./chunks/chunk-ZTOGWLE6.js";

// src/cli.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
var USAGE = `crieur ${CRIEUR_VERSION} \u2014 turns feeds into posts on X

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
var CliUsageError = class extends InvocationError {
  name = "CliUsageError";
};
async function main(argv, io) {
  const [command, ...rest] = argv;
  try {
    if (command === void 0 || command === "-h" || command === "--help" || command === "help") {
      io.stdout.write(`${USAGE}
`);
      return command === void 0 ? 2 : 0;
    }
    if (command === "--version") {
      io.stdout.write(`${CRIEUR_VERSION}
`);
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
      io.stderr.write(`${error.message}
`);
      return 2;
    }
    if (error instanceof CrieurError) {
      io.stderr.write(`${error.message}
`);
      return 1;
    }
    throw error;
  }
}
var commonOptions = {
  config: { type: "string", default: "feeds.yml" },
  state: { type: "string", default: "state" },
  feed: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" }
};
function parseOptions(args, options) {
  try {
    return parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    throw new CliUsageError(`${error.message}. Run "crieur --help".`);
  }
}
async function runCommand(args, io, preview) {
  const { values, positionals } = parseOptions(args, {
    ...commonOptions,
    "dry-run": { type: "boolean" },
    "base-config": { type: "string" }
  });
  if (values.help) return printHelp(io);
  if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}".`);
  if (preview && values["dry-run"])
    throw new CliUsageError("preview never posts; --dry-run is not needed.");
  if (!preview && values["base-config"] !== void 0)
    throw new CliUsageError("--base-config is an option of preview only.");
  const { code } = await runJob(
    {
      config: values.config,
      state: values.state,
      ...values.feed ? { feedIds: values.feed } : {},
      mode: preview ? "preview" : values["dry-run"] ? "dry-run" : "run",
      ...values["base-config"] !== void 0 ? { baseConfig: values["base-config"] } : {}
    },
    io
  );
  return code;
}
async function checkCommand(args, io) {
  const { values, positionals } = parseOptions(args, {
    config: commonOptions.config,
    help: commonOptions.help
  });
  if (values.help) return printHelp(io);
  if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}".`);
  const config = await loadConfig(values.config);
  io.stdout.write(
    `${config.file} is valid: ${config.feeds.length} feeds (${config.feeds.map((feed) => feed.id).join(", ")}).
`
  );
  return 0;
}
async function itemsCommand(args, io) {
  const { values, positionals } = parseOptions(args, {
    json: { type: "boolean" },
    help: commonOptions.help
  });
  if (values.help) return printHelp(io);
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0)
    throw new CliUsageError("Usage: crieur items <url|file> [--json]");
  const feed = await readFeed(source);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(feed.items, null, 2)}
`);
    return 0;
  }
  io.stdout.write(`${feed.title} \u2014 ${feed.items.length} items
`);
  for (const note of feed.notes) io.stdout.write(`note: ${note}
`);
  for (const item of feed.items) {
    io.stdout.write(
      `${item.published ?? "(no date)"}  ${item.title}
    ${item.link ?? "(no link)"}
`
    );
  }
  return 0;
}
async function readFeed(source) {
  const { parseFeed } = await import("./chunks/parse-ICONUTGT.js");
  if (/^https?:\/\//i.test(source)) {
    const result = await fetchFeed(source, {}, DEFAULT_FETCH_OPTIONS);
    if (result.kind !== "fetched") throw new CrieurError(`${source} answered 304 Not Modified.`);
    return parseFeed(result.text, result.url);
  }
  const path = resolve(source);
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CrieurError(`Cannot read ${source}: ${error.message}`);
  }
  return parseFeed(decodeFeedBytes(bytes, void 0).text, pathToFileURL(path).href);
}
async function commitStateCommand(args, io) {
  const { values, positionals } = parseOptions(args, {
    state: commonOptions.state,
    push: { type: "boolean" },
    remote: { type: "string", default: "origin" },
    branch: { type: "string" },
    help: commonOptions.help
  });
  if (values.help) return printHelp(io);
  if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}".`);
  await saveState(
    {
      state: values.state,
      push: values.push ?? false,
      remote: values.remote,
      ...values.branch ? { branch: values.branch } : {}
    },
    io
  );
  return 0;
}
function printHelp(io) {
  io.stdout.write(`${USAGE}
`);
  return 0;
}
if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => /* @__PURE__ */ new Date()
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(
        `crieur crashed \u2014 please report this: ${error.stack ?? String(error)}
`
      );
      process.exitCode = 1;
    }
  );
}
export {
  main
};
