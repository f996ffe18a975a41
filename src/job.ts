/**
 * One crieur job with its real side effects wired — files, network, clock, environment, the
 * Actions runtime: shared by the command line (cli.ts) and the GitHub Action (action.ts), so
 * both run exactly the same thing.
 *
 * May import: config, errors, publishers, report, repo, sources, state, run.
 */
import { realpathSync } from "node:fs";
import { appendFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Config, TargetConfig } from "./config/defaults.js";
import { loadConfig } from "./config/load.js";
import { CrieurError } from "./errors.js";
import {
  type BlueskyCredentials,
  type MastodonCredentials,
  readBlueskyCredentials,
  readMastodonCredentials,
  readXCredentials,
  secretsOf,
  type XCredentials,
} from "./publishers/credentials.js";
import { lazyPublisher } from "./publishers/lazy.js";
import type { Publisher } from "./publishers/publisher.js";
import type { CommitStateResult } from "./repo/commit-state.js";
import { actionsLog, type Log, terminalLog } from "./report/log.js";
import { closingLines, exitCodeOf, type RunReport, summaryHtml } from "./report/report.js";
import type { RunDeps } from "./run.js";
import { DEFAULT_FETCH_OPTIONS, type FetchOptions, fetchFeed } from "./sources/fetch.js";
import { DEFAULT_IMAGE_OPTIONS, type ImageFetchOptions, imageFetcher } from "./sources/image.js";
import { acquireLock } from "./state/lock.js";
import { createStateStore } from "./state/store.js";

/** A command or an action input that was mistyped: nothing ran (exit code 2). */
export class InvocationError extends CrieurError {
  override name = "InvocationError";
}

export interface JobIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly now: () => Date;
}

export interface JobOptions {
  /** The feeds file. */
  readonly config: string;
  /** The state directory. */
  readonly state: string;
  /** Only these feeds (all when undefined). */
  readonly feedIds?: readonly string[];
  /** "run" posts (when the X secrets are set); "dry-run" and "preview" post and write nothing. */
  readonly mode: "run" | "dry-run" | "preview";
  /** (preview) The base branch's feeds file: only feeds added or changed since are previewed. */
  readonly baseConfig?: string;
}

/** Fetches, posts, saves state, writes the log and the job summary; returns the exit code. */
export async function runJob(
  options: JobOptions,
  io: JobIo,
): Promise<{ readonly code: number; readonly report: RunReport }> {
  const config = await loadConfig(options.config);
  const { feedIds } = options;
  const unknown = feedIds?.filter((id) => !config.feeds.some((feed) => feed.id === id)) ?? [];
  if (unknown.length > 0) {
    throw new InvocationError(
      `No feed with id ${unknown.map((id) => `"${id}"`).join(", ")} in ${config.file}.`,
    );
  }
  const scope =
    options.mode === "preview" && options.baseConfig !== undefined
      ? await previewScope(config, options.baseConfig, feedIds)
      : undefined;

  const found = config.targets.map((target) => readTarget(target, io.env));
  const log = await createLog(
    io,
    found.flatMap((target) => (target.credentials ? secretsOf(target.credentials) : [])),
  );
  const posting = options.mode === "run";
  if (options.mode === "preview") {
    log.info("Preview: nothing is posted and no state is written.");
  } else if (options.mode === "dry-run") {
    log.info("Dry run (--dry-run): nothing is posted and no state is written.");
  }
  const problems: string[] = [];
  const targets: PostingTarget[] = found.map((target) => {
    if (posting && target.problem) problems.push(target.problem);
    return {
      name: target.config.name,
      network: target.config.network,
      publisher:
        posting && target.credentials
          ? publisherOf(target.config, target.credentials, io.env)
          : undefined,
      options: publishOptionsOf(target.config),
    };
  });
  const live = targets.some((target) => target.publisher);
  if (posting && !live) {
    const secrets = config.targets.map(secretNamesOf).join("; ");
    log.warning(
      config.targets.length === 1 && config.targets[0]?.network === "x"
        ? "DRY RUN: the X secrets X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET are not " +
            "set, so nothing is posted and no state is written. Add them as repository secrets to post."
        : `DRY RUN: the secrets of every target (${secrets}) are not set, so nothing is posted and ` +
            "no state is written. Add them as repository secrets to post.",
    );
  } else if (posting) {
    for (const target of found) {
      if (!target.credentials && !target.problem) {
        log.warning(
          `Target '${target.config.name}' is skipped: its secrets (${secretNamesOf(target.config)}) are not set, so nothing is posted to it.`,
        );
      }
    }
  }
  const publisher = live ? targets.find((target) => target.publisher)?.publisher : undefined;

  // Only a run that writes state takes the lock; previews and dry runs write nothing.
  const lock = publisher ? await acquireLock(options.state, { now: io.now() }) : undefined;
  try {
    // Loaded here so that `check` and `--help` do not pay for the pipeline's libraries.
    const { run } = await import("./run.js");
    const report = await run(
      config,
      {
        fetchFeed: (url, validators) => fetchFeed(url, validators, fetchOptionsOf(config)),
        fetchImage: imageFetcher(imageOptionsOf(config)),
        store: createStateStore(options.state),
        publisher,
        targets,
        now: io.now,
        log,
      },
      scope ? { feedIds: scope.feedIds } : feedIds ? { feedIds } : {},
    );
    report.problems.push(...problems);
    await finish(report, log, io, scope?.summary(report));
    return { code: exitCodeOf(report), report };
  } finally {
    await lock?.release();
  }
}

async function finish(report: RunReport, log: Log, io: JobIo, summary?: string): Promise<void> {
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

function fetchOptionsOf(config: Config): FetchOptions {
  return { ...DEFAULT_FETCH_OPTIONS, ...config.fetch };
}

/** An image is fetched with the feeds' time limit and redirects, and X's size limit. */
function imageOptionsOf(config: Config): ImageFetchOptions {
  const { timeoutMs, maxRedirects } = config.fetch;
  return { ...DEFAULT_IMAGE_OPTIONS, timeoutMs, maxRedirects };
}

type PostingTarget = NonNullable<RunDeps["targets"]>[number];
type Credentials = XCredentials | MastodonCredentials | BlueskyCredentials;

interface FoundTarget {
  readonly config: TargetConfig;
  readonly credentials?: Credentials;
  /** Its secrets are set but incomplete or wrong: the target is skipped and the run fails. */
  readonly problem?: string;
}

function readTarget(target: TargetConfig, env: NodeJS.ProcessEnv): FoundTarget {
  try {
    const credentials = credentialsOf(target, env);
    return credentials ? { config: target, credentials } : { config: target };
  } catch (error) {
    if (!(error instanceof CrieurError)) throw error;
    return { config: target, problem: `Target '${target.name}' is skipped: ${error.message}` };
  }
}

function credentialsOf(target: TargetConfig, env: NodeJS.ProcessEnv): Credentials | undefined {
  switch (target.network) {
    case "x": {
      const { apiKey, apiSecret, accessToken, accessSecret } = target.secrets;
      return readXCredentials({
        X_API_KEY: env[apiKey],
        X_API_SECRET: env[apiSecret],
        X_ACCESS_TOKEN: env[accessToken],
        X_ACCESS_SECRET: env[accessSecret],
      });
    }
    case "mastodon":
      return readMastodonCredentials(env, target.secrets);
    case "bluesky":
      return readBlueskyCredentials(env, target.secrets);
  }
}

function secretNamesOf(target: TargetConfig): string {
  const names = Object.values(target.secrets) as string[];
  // BLUESKY_SERVICE is optional: only an account on another PDS sets it.
  return (target.network === "bluesky" ? names.slice(0, 2) : names).join(", ");
}

function publishOptionsOf(target: TargetConfig): NonNullable<PostingTarget["options"]> {
  if (target.network === "mastodon") {
    return {
      ...(target.visibility ? { visibility: target.visibility } : {}),
      ...(target.language ? { langs: [target.language] } : {}),
      ...(target.contentWarning ? { contentWarning: target.contentWarning } : {}),
    };
  }
  if (target.network === "bluesky" && target.langs) return { langs: target.langs };
  return {};
}

/** Network clients are loaded only when the first post is sent: most runs have nothing to post. */
function publisherOf(
  target: TargetConfig,
  credentials: Credentials,
  env: NodeJS.ProcessEnv,
): Publisher {
  const apiBaseUrl = env.CRIEUR_X_API_URL;
  if ("apiKey" in credentials) {
    return lazyPublisher({ network: "x", resendWindowMs: 24 * 60 * 60_000 }, async () =>
      (await import("./publishers/x.js")).createXPublisher({
        credentials,
        ...(apiBaseUrl ? { apiBaseUrl } : {}),
      }),
    );
  }
  if ("accessToken" in credentials) {
    return lazyPublisher({ network: "mastodon", resendWindowMs: 55 * 60_000 }, async () =>
      (await import("./publishers/mastodon.js")).createMastodonPublisher({ credentials }),
    );
  }
  // The session is kept between runs (encrypted with the app password) where a folder is given:
  // Bluesky limits logins, and a run every 15 minutes would log in 96 times a day.
  const sessionDir = env.CRIEUR_SESSION_DIR ?? env.RUNNER_TEMP;
  return lazyPublisher(
    { network: "bluesky", resendWindowMs: Number.POSITIVE_INFINITY },
    async () => {
      const { createBlueskyPublisher } = await import("./publishers/bluesky.js");
      const { encryptedFileSessionStore } = await import("./publishers/bluesky-session.js");
      return createBlueskyPublisher({
        credentials,
        ...(sessionDir
          ? {
              sessionStore: encryptedFileSessionStore(
                join(sessionDir, `crieur-bluesky-${target.name}.session`),
                credentials.appPassword,
              ),
            }
          : {}),
      });
    },
  );
}

/** Annotations and groups in a workflow (with the secrets masked), plain lines elsewhere. */
export async function createLog(io: JobIo, secrets: readonly string[] = []): Promise<Log> {
  if (io.env.GITHUB_ACTIONS === "true") return actionsLog([...secrets]);
  return terminalLog(io.stdout, io.stderr);
}

export interface SaveStateOptions {
  readonly state: string;
  readonly push: boolean;
  readonly remote: string;
  /** Defaults to the checked-out branch. */
  readonly branch?: string;
}

/** Commits the state folder of the repository around the working directory; pushes it if asked. */
export async function saveState(options: SaveStateOptions, io: JobIo): Promise<CommitStateResult> {
  const { commitState } = await import("./repo/commit-state.js");
  return commitState({
    cwd: process.cwd(),
    env: io.env,
    stateDir: options.state,
    push: options.push,
    remote: options.remote,
    ...(options.branch ? { branch: options.branch } : {}),
    now: io.now,
    log: await createLog(io),
  });
}

/** Whether the module at `moduleUrl` is the script node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  // npm runs bins through a symlink in node_modules/.bin.
  return moduleUrl === pathToFileURL(realpathSync(script)).href;
}
