/**
 * Saving the state in the repository: the git step of the workflow, run after `crieur run` even
 * when the run failed (a posted record must never be lost: losing one means a repost).
 *
 * Commits the state folder only, and only when it changed, with a message saying what was posted.
 * When the push is rejected because the branch moved while crieur ran (someone merged a pull
 * request), it fetches the branch, replays this run's state files on top of it — merging a state
 * file both sides changed with state/merge — and pushes again, a bounded number of times.
 * When nothing was committed for HEARTBEAT_AFTER_DAYS it commits a tiny heartbeat file, because
 * GitHub disables scheduled workflows in public repositories after 60 days without activity.
 *
 * Repo wing (repo/): saving state/ to the repository — the commit message, every git call (git),
 * and pushing with the three-way merge when the branch moved.
 * May import: errors, report, state.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CrieurError } from "../errors.js";
import type { Log } from "../report/log.js";
import type { AccountState, FeedState } from "../state/feed-state.js";
import { mergeAccountStates, mergeFeedStates } from "../state/merge.js";
import { ACCOUNT_FILE, parseAccount, parseState, serializeState } from "../state/store.js";
import { type AccountChange, commitMessage, type FeedStateChange } from "./commit-message.js";
import { type Git, gitIn } from "./git.js";

/** GitHub's limit is 60 days; 50 leaves room for a few failed or skipped runs. */
export const HEARTBEAT_AFTER_DAYS = 50;
/** Feed ids cannot start with "_", so this file never collides with a feed's state. */
export const HEARTBEAT_FILE = "_heartbeat.json";
export const MAX_PUSH_ATTEMPTS = 5;

export class CommitStateError extends CrieurError {
  override name = "CommitStateError";
}

export interface CommitStateOptions {
  /** Any folder inside the repository. */
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The state folder, relative to `cwd` or absolute; must be inside the repository. */
  readonly stateDir: string;
  readonly push: boolean;
  readonly remote: string;
  /** Defaults to the checked-out branch. */
  readonly branch?: string;
  readonly now: () => Date;
  readonly log: Log;
  readonly maxAttempts?: number;
  /** Wait before retry n is n times this (a merge on GitHub often comes with a second push). */
  readonly retryDelayMs?: number;
}

export interface CommitStateResult {
  readonly committed: boolean;
  readonly heartbeat: boolean;
  readonly pushed: boolean;
  /** Push attempts made (0 without --push or without a commit). */
  readonly attempts: number;
  readonly message?: string;
}

export async function commitState(options: CommitStateOptions): Promise<CommitStateResult> {
  const { log } = options;
  const top = await gitIn(options.cwd, options.env).topLevel();
  const git = gitIn(top, options.env);
  const dir = stateFolderInRepository(top, resolve(options.cwd, options.stateDir));

  const base = await git.head();
  let staged = await git.stageFolder(dir);
  let heartbeat = false;
  if (staged.length === 0 && (await heartbeatDue(git, options.now()))) {
    await writeHeartbeat(join(top, dir), options.now());
    staged = await git.stageFolder(dir);
    heartbeat = true;
    log.info(
      `No commit for ${HEARTBEAT_AFTER_DAYS} days: committing ${dir}/${HEARTBEAT_FILE} so GitHub ` +
        "keeps the scheduled workflow enabled.",
    );
  }
  if (staged.length === 0) {
    log.info(`State unchanged (${dir}/): nothing to commit.`);
    return { committed: false, heartbeat: false, pushed: false, attempts: 0 };
  }

  const account = await accountChange(git, top, dir, base, staged);
  const message = commitMessage(await feedChanges(git, top, dir, base, staged), {
    heartbeat,
    ...(account ? { account } : {}),
  });
  await git.commitFolder(dir, message);
  log.info(`Committed ${staged.length} state files: ${message.split("\n")[0]}`);
  if (!options.push) {
    return { committed: true, heartbeat, pushed: false, attempts: 0, message };
  }

  const branch = options.branch ?? (await git.currentBranch());
  const maxAttempts = options.maxAttempts ?? MAX_PUSH_ATTEMPTS;
  let onto = base;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if ((await git.pushHead(options.remote, branch)) === "pushed") {
      log.info(`Pushed the state to '${branch}'.`);
      return { committed: true, heartbeat, pushed: true, attempts: attempt, message };
    }
    if (attempt === maxAttempts) break;
    log.info(
      `Push rejected: '${branch}' moved while crieur ran. Merging the state and retrying ` +
        `(attempt ${attempt + 1} of ${maxAttempts}).`,
    );
    await sleep(attempt * (options.retryDelayMs ?? 2000));
    const upstream = await git.fetchBranch(options.remote, branch);
    const replayed = await replayState(git, top, dir, onto, upstream, log);
    onto = upstream;
    if (replayed === "nothing-left") {
      log.info(`'${branch}' already has this state: nothing left to push.`);
      return { committed: true, heartbeat, pushed: false, attempts: attempt, message };
    }
    await git.commitFolder(dir, message);
  }
  throw new CommitStateError(
    `Could not push the state to '${branch}' after ${maxAttempts} attempts: the branch kept ` +
      "moving. The items posted in this run are not recorded in the repository, so the next run " +
      "could post them again: check the account, and pause merges while crieur runs.",
  );
}

/** The state folder as a path inside the repository ("state"), or an error saying why not. */
function stateFolderInRepository(top: string, stateDir: string): string {
  const inside = relative(top, stateDir);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
    throw new CommitStateError(
      `The state folder ${stateDir} is not a folder inside the repository ${top}; crieur commits ` +
        "only its state folder (--state, default: state).",
    );
  }
  return inside.split(sep).join("/");
}

async function heartbeatDue(git: Git, now: Date): Promise<boolean> {
  const last = await git.lastCommitDate();
  return last !== undefined && now.getTime() - last.getTime() >= HEARTBEAT_AFTER_DAYS * 86_400_000;
}

async function writeHeartbeat(dir: string, now: Date): Promise<void> {
  await mkdir(dir, { recursive: true });
  const note =
    "Written by crieur when nothing was committed for a long time, so that GitHub keeps the " +
    "scheduled workflow enabled. Safe to delete.";
  await writeFile(
    join(dir, HEARTBEAT_FILE),
    `${JSON.stringify({ note, at: now.toISOString() }, null, 2)}\n`,
  );
}

function isAccountFile(dir: string, path: string): boolean {
  return path === posix.join(dir, ACCOUNT_FILE);
}

function accountOrUndefined(text: string | undefined, path: string): AccountState | undefined {
  if (text === undefined) return undefined;
  try {
    return parseAccount(text, path);
  } catch {
    return undefined;
  }
}

/** Feed state files are `<feed id>.json` directly in the state folder; the rest is crieur's own. */
function feedIdOf(dir: string, path: string): string | undefined {
  const name = posix.basename(path);
  if (posix.dirname(path) !== dir || !name.endsWith(".json") || name.startsWith("_"))
    return undefined;
  return name.slice(0, -".json".length);
}

/** The state in `text`, or undefined when there is none or it is damaged (said in `problems`). */
function parseOrUndefined(
  text: string | undefined,
  path: string,
  feedId: string,
  problems?: string[],
) {
  if (text === undefined) return undefined;
  try {
    return parseState(text, path, feedId);
  } catch (error) {
    problems?.push((error as Error).message);
    return undefined;
  }
}

async function feedChanges(
  git: Git,
  top: string,
  dir: string,
  base: string,
  paths: readonly string[],
): Promise<FeedStateChange[]> {
  const changes: FeedStateChange[] = [];
  for (const path of paths) {
    const feedId = feedIdOf(dir, path);
    if (!feedId) continue;
    const after = await readFile(join(top, path), "utf8").catch(() => undefined);
    changes.push({
      feedId,
      before: parseOrUndefined(await git.fileAt(base, path), path, feedId),
      after: parseOrUndefined(after, path, feedId),
    });
  }
  return changes;
}

/** `_account.json` before and after the run, when the run changed it (a pause recorded or over). */
async function accountChange(
  git: Git,
  top: string,
  dir: string,
  base: string,
  paths: readonly string[],
): Promise<AccountChange | undefined> {
  const path = paths.find((staged) => isAccountFile(dir, staged));
  if (!path) return undefined;
  const after = await readFile(join(top, path), "utf8").catch(() => undefined);
  return {
    before: accountOrUndefined(await git.fileAt(base, path), path),
    after: accountOrUndefined(after, path),
  };
}

/**
 * Moves the branch onto `upstream` and writes this run's state files again on top, merging the
 * ones upstream changed too. Leaves the result staged-ready in the working tree.
 */
async function replayState(
  git: Git,
  top: string,
  dir: string,
  onto: string,
  upstream: string,
  log: Log,
): Promise<"replayed" | "nothing-left"> {
  const ours = await git.head();
  const resolved = new Map<string, string | undefined>();
  for (const path of await git.changedBetween(onto, ours, dir)) {
    const [baseText, ourText, theirText] = await Promise.all([
      git.fileAt(onto, path),
      git.fileAt(ours, path),
      git.fileAt(upstream, path),
    ]);
    resolved.set(path, resolveFile(dir, path, { baseText, ourText, theirText }, log));
  }
  await git.moveBranchTo(upstream);
  for (const [path, text] of resolved) {
    const file = join(top, path);
    if (text === undefined) {
      await rm(file, { force: true });
    } else {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text, "utf8");
    }
  }
  return (await git.stageFolder(dir)).length > 0 ? "replayed" : "nothing-left";
}

interface Versions {
  readonly baseText: string | undefined;
  readonly ourText: string | undefined;
  readonly theirText: string | undefined;
}

/** The text one file should have after the replay (undefined: no file). */
function resolveFile(dir: string, path: string, versions: Versions, log: Log): string | undefined {
  const { baseText, ourText, theirText } = versions;
  if (theirText === baseText || theirText === ourText) return ourText;
  // Only one side has the file: keep it, since deleting could drop posted records.
  if (ourText === undefined) return theirText;
  if (theirText === undefined) return ourText;
  if (isAccountFile(dir, path)) return resolveAccount(path, ourText, theirText, log);
  const feedId = feedIdOf(dir, path);
  if (!feedId) return ourText; // the heartbeat: ours is the newer one.

  const problems: string[] = [];
  const ourState: FeedState | undefined = parseOrUndefined(ourText, path, feedId, problems);
  const theirState = parseOrUndefined(theirText, path, feedId, problems);
  if (!ourState || !theirState) {
    log.warning(
      `${path} changed on both sides and ${ourState ? "the other" : "this run's"} version is ` +
        `damaged; keeping ${ourState ? "this run's" : "the other"} version. ${problems.join(" ")}`,
    );
    return ourState ? ourText : theirText;
  }
  const baseState = parseOrUndefined(baseText, path, feedId);
  const merged = mergeFeedStates(theirState, ourState, baseState);
  for (const note of merged.notes) log.warning(note);
  log.info(`${path} changed on both sides: merged (no posted record lost).`);
  return serializeState(merged.state);
}

function resolveAccount(path: string, ourText: string, theirText: string, log: Log): string {
  const ours = accountOrUndefined(ourText, path);
  const theirs = accountOrUndefined(theirText, path);
  if (!ours || !theirs) return ours ? ourText : theirText;
  const merged = mergeAccountStates(theirs, ours);
  log.info(`${path} changed on both sides: kept the later posting pause.`);
  return merged === ours ? ourText : theirText;
}
