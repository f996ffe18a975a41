/**
 * Saving the state in the repository: the git step of the workflow, run after `crieur run` even
 * when the run failed (a posted record must never be lost: losing one means a repost).
 *
 * Commits the state folder only, and only when it changed, with a message saying what was posted.
 * When the push is rejected because the branch moved while crieur ran (someone merged a pull
 * request), it fetches the branch, replays this run's state files on top of it — merging a state
 * file both sides changed with state/merge — and pushes again, a bounded number of times.
 * A push refused for any other reason (branch protection, permissions, an outage) fails with
 * what to do; the workflow then keeps the state in the Actions cache (state-cache).
 * When nothing was committed for HEARTBEAT_AFTER_DAYS it commits a tiny heartbeat file, because
 * GitHub disables scheduled workflows in public repositories after 60 days without activity.
 * Temporary files a killed run left in the state folder are removed, and never committed.
 *
 * Repo wing (repo/): saving state/ to the repository — the commit message, every git call (git),
 * pushing with the three-way merge when the branch moved (state-files), and the copy of what a
 * failed push left out, kept outside the repository until a push works (state-cache).
 * May import: errors, report, state.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CrieurError } from "../errors.js";
import type { Log } from "../report/log.js";
import { type AccountChange, commitMessage, type FeedStateChange } from "./commit-message.js";
import { type Git, GitError, gitIn } from "./git.js";
import {
  accountOrUndefined,
  feedIdOf,
  isAccountFile,
  parseOrUndefined,
  resolveFile,
} from "./state-files.js";

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
  await removeStaleTemporaries(top, dir, log);

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
    if ((await pushOrExplain(git, options.remote, branch)) === "pushed") {
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
      "moving. The items posted in this run are not recorded in the repository yet: the Post " +
      "workflow keeps them in the Actions cache and the next run merges them, so they are not " +
      "posted again. Avoid merging in bulk while crieur runs.",
  );
}

/** Pushes HEAD; a refusal that is not a race (protection, permissions, outage) says what to do. */
async function pushOrExplain(git: Git, remote: string, branch: string) {
  try {
    return await git.pushHead(remote, branch);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new CommitStateError(pushRefusedMessage(branch, error.output), { cause: error });
  }
}

export function pushRefusedMessage(branch: string, gitOutput: string): string {
  // Credentials some remotes carry in their address never reach a log.
  const said = gitOutput
    .replace(/\/\/[^/@\s]+@/g, "//")
    .split("\n")
    .map((line) => line.trim())
    // The remote's address adds nothing (and is the same on every line git writes about it).
    .filter((line) => line && !line.startsWith("To ") && !line.includes("failed to push some refs"))
    .join(" / ");
  let fix: string;
  if (/protected branch|GH006|GH013|rule violation/i.test(gitOutput)) {
    fix =
      `A branch protection rule or ruleset on '${branch}' blocks the bot's commits: allow GitHub ` +
      `Actions to push to '${branch}' (add it to the rule's bypass list), or lift the rule.`;
  } else if (/permission to .* denied|error: 403|write access .* not granted/i.test(gitOutput)) {
    fix =
      "The workflow's token may not push. The Post workflow asks for contents: write itself, so " +
      "an organisation or enterprise policy limits workflow tokens: allow read and write " +
      "permissions (Settings → Actions → General → Workflow permissions) or ask the " +
      "organisation's owner to.";
  } else {
    fix =
      "If GitHub has an outage (githubstatus.com), the next runs save it once it is over; " +
      "otherwise the git output above says what the repository refused.";
  }
  return (
    `Could not push the state to '${branch}': ${said}. The posts of this run are not recorded ` +
    `in the repository. ${fix} Until then the Post workflow keeps the state the repository ` +
    "lacks in the Actions cache, and each run merges it before posting, so nothing is posted " +
    "twice; but a cache entry unused for 7 days is deleted."
  );
}

/** `<file>.<pid>.tmp`: what the state store writes before renaming it over the state file. */
const TEMPORARY_COPY = /\.(\d+)\.tmp$/;

/**
 * A run killed between writing a state file's temporary copy and renaming it leaves the copy
 * behind; the state file itself is intact (the rename never happened). Copies of live processes
 * are left alone, since a run may be writing them now; no copy is ever committed (git.ts).
 */
async function removeStaleTemporaries(top: string, dir: string, log: Log): Promise<void> {
  const names = await readdir(join(top, dir)).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const pid = TEMPORARY_COPY.exec(name)?.[1];
    return pid !== undefined && !isAlive(Number(pid));
  });
  for (const name of stale) await rm(join(top, dir, name), { force: true });
  if (stale.length > 0) {
    log.info(
      `Removed ${stale.length} temporary state files left by an interrupted run: ` +
        `${stale.map((name) => `${dir}/${name}`).join(", ")}.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The state folder as a path inside the repository ("state"), or an error saying why not. */
export function stateFolderInRepository(top: string, stateDir: string): string {
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
    const result = resolveFile(dir, path, { baseText, ourText, theirText }, log);
    if (result.how === "merged-feed") {
      log.info(`${path} changed on both sides: merged (no posted record lost).`);
    } else if (result.how === "merged-account") {
      log.info(`${path} changed on both sides: kept the later posting pause.`);
    }
    resolved.set(path, result.text);
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
