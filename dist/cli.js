#!/usr/bin/env node
import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  CRIEUR_VERSION,
  DEFAULT_FETCH_OPTIONS,
  InvocationError,
  createLog,
  decodeFeedBytes,
  fetchFeed,
  isMainModule,
  loadConfig,
  runJob
} from "./chunks/chunk-K6DG4HK5.js";
import {
  isValidTimeZone
} from "./chunks/chunk-BE47VPEL.js";
import "./chunks/chunk-D6NUKDDZ.js";
import "./chunks/chunk-2HIWZCX5.js";
import {
  escapeHtml
} from "./chunks/chunk-QTYGHWQN.js";
import "./chunks/chunk-FL2BMLAN.js";
import {
  CrieurError
} from "./chunks/chunk-ETCY7YZ6.js";
import "./chunks/chunk-3MSF6MZP.js";

// src/cli.ts
import { appendFile, readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

// src/cli/usage.ts
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
  crieur save-state --to DIR [--state DIR] [--remote NAME] [--branch NAME]
      After commit-state: copy into DIR the state files the remote branch does not have
      (a failed push), for the next run's restore-state. The workflow caches DIR.
  crieur restore-state --from DIR [--state DIR]
      Before run: merge the copies in DIR into the state folder (no posted record is lost),
      then empty DIR. A missing or empty DIR is fine: nothing to merge.
  crieur items <url|file> [--json] [--occurrences] [--time-zone ZONE]
      Parse one feed and print its items. A calendar or agenda page lists its events as
      written; with --occurrences, the ones crieur considers now (not over, within 90 days).

Options:
  --config FILE   feeds file (default: feeds.yml)
  --state DIR     state directory (default: state)
  --feed ID       only this feed (repeatable)
  --dry-run       post nothing, write nothing
  --base-config FILE  (preview) feeds file to compare with; a missing file means all are new
  --push          (commit-state) push the commit
  --remote NAME   (commit-state, save-state) remote to push to (default: origin)
  --branch NAME   (commit-state, save-state) branch to push to (default: the checked-out one)
  --to DIR        (save-state) where to copy what the repository lacks
  --from DIR      (restore-state) where the copies are
  --json          (items) print a JSON array
  --occurrences   (items) a calendar's or page's occurrences instead of its events
  --time-zone ZONE  (items) zone of event times written without one, e.g. Europe/Paris
  -h, --help      this help
  --version       print the version

Environment: X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET (X app keys, read and
write); CRIEUR_X_API_URL sends X requests to another base URL (tests, proxies).`;

// src/report/items.ts
function itemsListing(feed, events) {
  const count = events ? `${events.length} events` : `${feed.items.length} items`;
  const lines = [`${feed.title} \u2014 ${count}`, ...feed.notes.map((note) => `note: ${note}`)];
  for (const entry of events ?? feed.items) lines.push(describeEntry(entry));
  return `${lines.join("\n")}
`;
}
function describeEntry(entry) {
  if ("skipped" in entry) return `(skipped)  ${entry.title}
    ${entry.skipped}`;
  const event = entry.event;
  const when = event ? `${event.start}${event.end ? ` \u2192 ${event.end}` : ""}` : void 0;
  const date = when ?? ("published" in entry ? entry.published : void 0) ?? "(no date)";
  const status = event && event.status !== "confirmed" ? ` [${event.status}]` : "";
  const lines = [`${date}  ${entry.title}${status}`, `    ${entry.link ?? "(no link)"}`];
  if (event?.location) lines.push(`    at ${event.location}`);
  if ("recurrence" in entry && entry.recurrence) {
    lines.push(`    repeats: ${[...entry.recurrence.rules, ...entry.recurrence.dates].join("; ")}`);
  }
  return lines.join("\n");
}

// src/cli.ts
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
    occurrences: { type: "boolean" },
    "time-zone": { type: "string" },
    help: commonOptions.help
  });
  if (values.help) return printHelp(io);
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0) {
    throw new CliUsageError(
      "Usage: crieur items <url|file> [--json] [--occurrences] [--time-zone ZONE]"
    );
  }
  const timeZone = values["time-zone"];
  if (timeZone !== void 0 && !isValidTimeZone(timeZone)) {
    throw new CliUsageError(
      `--time-zone: "${timeZone}" is not a time zone such as "Europe/Paris".`
    );
  }
  const feed = await readFeed(source, { now: io.now(), ...timeZone ? { timeZone } : {} });
  const events = values.occurrences ? void 0 : feed.events;
  if (values.json) {
    io.stdout.write(`${JSON.stringify(events ?? feed.items, null, 2)}
`);
    return 0;
  }
  io.stdout.write(itemsListing(feed, events));
  return 0;
}
async function readFeed(source, options) {
  const { parseFeed } = await import("./chunks/parse-DZWMZJHI.js");
  if (/^(https?|webcal):\/\//i.test(source)) {
    const result = await fetchFeed(source, {}, DEFAULT_FETCH_OPTIONS);
    if (result.kind !== "fetched") throw new CrieurError(`${source} answered 304 Not Modified.`);
    return parseFeed(result.text, result.url, options);
  }
  const path = resolve(source);
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CrieurError(`Cannot read ${source}: ${error.message}`);
  }
  const { text } = await decodeFeedBytes(bytes, void 0);
  return parseFeed(text, pathToFileURL(path).href, options);
}
var STATE_COMMAND_OPTIONS = {
  "commit-state": ["push", "remote", "branch"],
  "save-state": ["to", "remote", "branch"],
  "restore-state": ["from"]
};
async function stateCommand(command, args, io) {
  const { values, positionals } = parseOptions(args, {
    state: commonOptions.state,
    help: commonOptions.help,
    push: { type: "boolean" },
    remote: { type: "string" },
    branch: { type: "string" },
    to: { type: "string" },
    from: { type: "string" }
  });
  if (values.help) return printHelp(io);
  if (positionals.length > 0) throw new CliUsageError(`Unexpected argument "${positionals[0]}".`);
  const allowed = STATE_COMMAND_OPTIONS[command] ?? [];
  const stray = ["push", "remote", "branch", "to", "from"].find(
    (name) => values[name] !== void 0 && !allowed.includes(name)
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
    ...values.branch ? { branch: values.branch } : {},
    now: io.now,
    log
  };
  try {
    if (command === "restore-state") {
      const { restoreStateCopy } = await import("./chunks/state-cache-DVD2QKK3.js");
      await restoreStateCopy({ stateDir: values.state, copyDir, log });
    } else if (command === "save-state") {
      const { saveStateCopy } = await import("./chunks/state-cache-DVD2QKK3.js");
      await saveStateCopy({ ...repository, copyDir });
    } else {
      const { commitState } = await import("./chunks/commit-state-TSH7KMML.js");
      await commitState({ ...repository, push: values.push ?? false });
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CrieurError)) throw error;
    log.error(error.message);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) {
      const html = `<h2>\u274C crieur ${command}</h2><p>${escapeHtml(error.message)}</p>
`;
      await appendFile(summaryFile, html, "utf8");
    }
    return 1;
  }
}
function requiredDir(value, option) {
  if (!value) {
    throw new CliUsageError(`${option} DIR is required. Run "crieur --help".`);
  }
  return value;
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
