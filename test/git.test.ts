/**
 * Integration: commit-state against a real git repository with a bare remote, and a second clone
 * that pushes concurrently (from a pre-push hook, i.e. while crieur is pushing); a remote that
 * refuses pushes (a pre-receive hook, like branch protection), and the state copy that
 * save-state / restore-state keep outside the repository meanwhile (a folder stands for the cache).
 */
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CommitStateError, commitState, HEARTBEAT_FILE } from "../src/repo/commit-state.js";
import { restoreStateCopy, saveStateCopy } from "../src/repo/state-cache.js";
import type { Log } from "../src/report/log.js";
import {
  type AccountState,
  emptyState,
  type FeedState,
  finishPost,
  startPost,
} from "../src/state/feed-state.js";
import { parseState, serializeState } from "../src/state/store.js";
import { runCli } from "./support/cli.js";
import { makeItem } from "./support/items.js";

const exec = promisify(execFile);
const START = "2026-01-05T10:00:00Z";
const now = new Date("2026-01-06T10:00:00Z");

let root: string;
let remote: string;
let bot: string;
let human: string;
let lines: string[];

const log: Log = {
  info: (message) => lines.push(`info: ${message}`),
  warning: (message) => lines.push(`warning: ${message}`),
  error: (message) => lines.push(`error: ${message}`),
  group: (_name, body) => body(),
};

const dateEnv = { GIT_AUTHOR_DATE: START, GIT_COMMITTER_DATE: START };

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec("git", args, { cwd, env: { ...process.env, ...dateEnv } });
  return stdout.trim();
}

async function clone(name: string, identity: boolean): Promise<string> {
  const dir = join(root, name);
  await git(root, "clone", "--quiet", remote, dir);
  if (identity) {
    await git(dir, "config", "user.name", "Someone");
    await git(dir, "config", "user.email", "someone@example.org");
  }
  return dir;
}

function queued(...keys: string[]): FeedState {
  return {
    ...emptyState("agenda"),
    queue: keys.map((key) => ({ item: makeItem({ key }), queuedAt: START })),
  };
}

function post(state: FeedState, key: string, id: string): FeedState {
  return finishPost(startPost(state, key, `text ${key}`, "x", now), now, {
    id,
    url: `https://x.com/i/web/status/${id}`,
  });
}

async function writeState(repo: string, state: FeedState): Promise<void> {
  await mkdir(join(repo, "state"), { recursive: true });
  await writeFile(join(repo, "state", `${state.feedId}.json`), serializeState(state));
}

async function writeAccount(repo: string, account: AccountState): Promise<void> {
  await mkdir(join(repo, "state"), { recursive: true });
  await writeFile(join(repo, "state", "_account.json"), `${JSON.stringify(account, null, 2)}\n`);
}

async function remoteState(feedId: string): Promise<FeedState> {
  const text = await git(remote, "show", `main:state/${feedId}.json`);
  return parseState(text, `${feedId}.json`, feedId);
}

/** A hook in the bot's clone: the human clone pushes `script` first, the first `times` pushes. */
async function concurrentPusherHook(times: number, script: string): Promise<void> {
  const counter = join(root, "pushes");
  await writeFile(counter, "0");
  const hook = `#!/bin/sh
# Inside a hook git exports GIT_DIR and friends for the bot's repository: drop them.
unset $(git rev-parse --local-env-vars)
n=$(cat "${counter}")
[ "$n" -ge ${times} ] && exit 0
echo $((n + 1)) > "${counter}"
cd "${human}" || exit 1
git pull --quiet --rebase origin main || exit 1
${script}
git push --quiet origin HEAD:main || exit 1
`;
  const file = join(bot, ".git", "hooks", "pre-push");
  await writeFile(file, hook);
  await chmod(file, 0o755);
}

/** Like a protected branch on GitHub: the remote refuses every push, with GitHub's words. */
async function refusePushes(): Promise<void> {
  const hook = join(remote, "hooks", "pre-receive");
  await writeFile(
    hook,
    `#!/bin/sh
echo "error: GH006: Protected branch update failed for refs/heads/main." >&2
echo "error: Changes must be made through a pull request." >&2
exit 1
`,
  );
  await chmod(hook, 0o755);
}

async function stateIn(repo: string, feedId = "agenda"): Promise<FeedState> {
  const text = await readFile(join(repo, "state", `${feedId}.json`), "utf8");
  return parseState(text, `${feedId}.json`, feedId);
}

function options(overrides: Partial<Parameters<typeof commitState>[0]> = {}) {
  return {
    cwd: bot,
    // Like a fresh runner: no git identity anywhere.
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    stateDir: "state",
    push: true,
    remote: "origin",
    now: () => now,
    log,
    retryDelayMs: 0,
    ...overrides,
  };
}

beforeEach(async () => {
  lines = [];
  root = await mkdtemp(join(tmpdir(), "crieur-git-"));
  remote = join(root, "remote.git");
  await git(root, "init", "--quiet", "--bare", "--initial-branch=main", remote);
  const seed = await clone("seed", true);
  await writeFile(join(seed, "feeds.yml"), "feeds: []\n");
  await writeFile(join(seed, "README.md"), "museum\n");
  await writeState(seed, queued("a", "b"));
  await git(seed, "add", ".");
  await git(seed, "commit", "--quiet", "-m", "start");
  await git(seed, "push", "--quiet", "origin", "HEAD:main");
  bot = await clone("bot", false);
  human = await clone("human", true);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("commit-state", () => {
  it("commits nothing when the state did not change", async () => {
    const before = await git(bot, "rev-parse", "HEAD");
    const result = await commitState(options());
    expect(result).toMatchObject({ committed: false, pushed: false, heartbeat: false });
    expect(await git(remote, "rev-parse", "main")).toBe(before);
    expect(lines).toContain("info: State unchanged (state/): nothing to commit.");
  });

  it("commits only state/, says what was posted, and pushes as the bot", async () => {
    await writeState(bot, post(queued("a", "b"), "a", "101"));
    await writeFile(join(bot, "README.md"), "edited by hand\n");
    await git(bot, "add", "README.md");
    await writeFile(join(bot, "notes.txt"), "untracked\n");

    const result = await commitState(options());

    expect(result).toMatchObject({ committed: true, pushed: true, attempts: 1 });
    expect(await git(remote, "show", "--name-only", "--format=", "main")).toBe("state/agenda.json");
    const message = await git(remote, "log", "-1", "--format=%B", "main");
    expect(message).toContain("crieur: posted 1 item");
    expect(message).toContain('"Title of a" https://x.com/i/web/status/101');
    expect(await git(remote, "log", "-1", "--format=%an", "main")).toBe("github-actions[bot]");
    // What was not ours stays as it was: staged, untracked.
    expect(await git(bot, "status", "--porcelain")).toBe("M  README.md\n?? notes.txt");
  });

  it("resolves a push race: main moved while crieur ran, the state is replayed on top", async () => {
    await writeState(bot, post(queued("a", "b"), "a", "101"));
    await concurrentPusherHook(
      1,
      `echo "feeds: [] # edited" > feeds.yml && git commit --quiet -am "edit feeds"`,
    );

    const result = await commitState(options());

    expect(result).toMatchObject({ committed: true, pushed: true, attempts: 2 });
    const history = (await git(remote, "log", "--format=%s", "main")).split("\n");
    expect(history).toEqual(["crieur: posted 1 item", "edit feeds", "start"]);
    expect(await git(remote, "show", "main:feeds.yml")).toBe("feeds: [] # edited");
    expect((await remoteState("agenda")).done.a).toMatchObject({ status: "posted", postId: "101" });
    expect(lines.some((line) => line.includes("Push rejected: 'main' moved"))).toBe(true);
  });

  it("merges a state file changed on both sides with no posted record lost", async () => {
    // The bot posted "a" and queued "c"; meanwhile main got "b" posted and "d" recorded.
    const ours = post(queued("a", "b"), "a", "101");
    await writeState(bot, {
      ...ours,
      queue: [...ours.queue, { item: makeItem({ key: "c" }), queuedAt: now.toISOString() }],
      validators: { etag: '"new"' },
    });
    const theirs = post(queued("a", "b"), "b", "202");
    await writeState(human, {
      ...theirs,
      done: { ...theirs.done, d: { status: "seen", at: now.toISOString() } },
    });
    await git(human, "commit", "--quiet", "-am", "their state");
    await git(human, "push", "--quiet", "origin", "HEAD:main");

    const result = await commitState(options());

    expect(result).toMatchObject({ committed: true, pushed: true, attempts: 2 });
    const merged = await remoteState("agenda");
    expect(merged.done.a).toMatchObject({ status: "posted", postId: "101" });
    expect(merged.done.b).toMatchObject({ status: "posted", postId: "202" });
    expect(merged.done.d).toMatchObject({ status: "seen" });
    expect(merged.queue.map((entry) => entry.item.key)).toEqual(["c"]);
    expect(merged.validators).toEqual({ etag: '"new"' });
    // One post on each side this month: both count towards the monthly budget.
    expect(merged.months).toEqual({ "2026-01": { posts: 2, postsWithUrl: 0 } });
    expect(lines).toContain(
      "info: state/agenda.json changed on both sides: merged (no posted record lost).",
    );
  });

  it("says in the commit title that posting is paused, then that the pause is over", async () => {
    const until = "2026-01-06T11:00:00.000Z";
    await writeAccount(bot, { version: 1, postingPausedUntil: until, pauseReason: "429" });
    await commitState(options());
    expect(await git(remote, "log", "-1", "--format=%s", "main")).toBe(
      `crieur: posting paused until ${until} (X rate limit)`,
    );

    await writeAccount(bot, { version: 1 });
    await commitState(options());
    expect(await git(remote, "log", "-1", "--format=%s", "main")).toBe(
      "crieur: posting pause over",
    );
  });

  it("keeps the later pause when _account.json changed on both sides", async () => {
    const later = "2026-01-06T12:00:00.000Z";
    await writeAccount(human, { version: 1, postingPausedUntil: later, pauseReason: "theirs" });
    await git(human, "add", "state");
    await git(human, "commit", "--quiet", "-m", "their pause");
    await git(human, "push", "--quiet", "origin", "HEAD:main");
    await writeAccount(bot, {
      version: 1,
      postingPausedUntil: "2026-01-06T11:00:00.000Z",
      pauseReason: "ours",
    });

    await commitState(options());

    expect(lines).toContain(
      "info: state/_account.json changed on both sides: kept the later posting pause.",
    );
    const account = JSON.parse(await git(remote, "show", "main:state/_account.json"));
    expect(account).toMatchObject({ postingPausedUntil: later, pauseReason: "theirs" });
  });

  it("gives up after a bounded number of attempts when main keeps moving, and says so", async () => {
    await writeState(bot, post(queued("a", "b"), "a", "101"));
    await concurrentPusherHook(99, `git commit --quiet --allow-empty -m "busy"`);

    const attempt = commitState(options({ maxAttempts: 3 }));

    await expect(attempt).rejects.toThrow(CommitStateError);
    await expect(attempt).rejects.toThrow(
      /after 3 attempts.*Actions cache and the next run merges them/s,
    );
    expect(await git(remote, "log", "-1", "--format=%s", "main")).toBe("busy");
  });

  it("works from the command line the workflow runs: crieur commit-state --push", async () => {
    await writeState(bot, post(queued("a", "b"), "a", "101"));
    const result = await runCli(["commit-state", "--push"], {
      cwd: bot,
      env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Pushed the state to 'main'.");
    expect((await remoteState("agenda")).done.a?.status).toBe("posted");
  });

  it("refuses a state folder outside the repository", async () => {
    await expect(commitState(options({ stateDir: root }))).rejects.toThrow(
      /not a folder inside the repository/,
    );
  });
});

describe("a push the repository refuses", () => {
  it("fails, naming the fix, and records nothing on the remote", async () => {
    await refusePushes();
    const before = await git(remote, "rev-parse", "main");
    await writeState(bot, post(queued("a", "b"), "a", "101"));

    const attempt = commitState(options());

    await expect(attempt).rejects.toThrow(CommitStateError);
    await expect(attempt).rejects.toThrow(
      /Could not push the state to 'main': .*GH006: Protected branch update failed.*bypass list/s,
    );
    expect(await git(remote, "rev-parse", "main")).toBe(before);
  });

  it("names the workflow permissions when the token may not push", async () => {
    const hook = join(remote, "hooks", "pre-receive");
    await writeFile(
      hook,
      "#!/bin/sh\necho 'Permission to museum/crieur.git denied to github-actions[bot].' >&2\nexit 1\n",
    );
    await chmod(hook, 0o755);
    await writeState(bot, post(queued("a", "b"), "a", "101"));
    await expect(commitState(options())).rejects.toThrow(/Workflow permissions/);
  });

  it("is a failed step from the command line: exit 1, the fix on stderr and in the summary", async () => {
    await refusePushes();
    await writeState(bot, post(queued("a", "b"), "a", "101"));
    const summary = join(root, "summary.html");
    const result = await runCli(["commit-state", "--push"], {
      cwd: bot,
      env: {
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_CONFIG_NOSYSTEM: "1",
        GITHUB_STEP_SUMMARY: summary,
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Could not push the state to 'main'.*bypass list/s);
    expect(result.stderr).not.toContain("crashed");
    expect(await readFile(summary, "utf8")).toContain("Could not push the state to &#39;main&#39;");
  });
});

describe("the state copy kept outside the repository (save-state, restore-state)", () => {
  let cache: string;
  beforeEach(() => {
    cache = join(root, "cache");
  });

  it("keeps nothing when the push went through, and restoring it then changes nothing", async () => {
    await writeState(bot, post(queued("a", "b"), "a", "101"));
    await commitState(options());

    expect(await saveStateCopy({ ...options(), copyDir: cache })).toEqual({ kept: [] });
    expect(lines).toContain("info: The repository has all of state/: no state copy needed.");

    const next = await clone("next", false);
    const before = await readFile(join(next, "state", "agenda.json"), "utf8");
    const restored = await restoreStateCopy({ stateDir: join(next, "state"), copyDir: cache, log });
    expect(restored.merged).toEqual([]);
    expect(await readFile(join(next, "state", "agenda.json"), "utf8")).toBe(before);
    expect(await git(next, "status", "--porcelain")).toBe("");
  });

  it("keeps what a refused push left out; the next checkout merges it and loses nothing", async () => {
    await refusePushes();
    // This run posted "a", has "b" in flight, and saw a new feed for the first time.
    const posted = post(queued("a", "b"), "a", "101");
    await writeState(bot, startPost(posted, "b", "text b", "x", now));
    await writeState(bot, { ...emptyState("news"), done: { n1: { status: "seen", at: START } } });
    await expect(commitState(options())).rejects.toThrow(CommitStateError);

    const saved = await saveStateCopy({ ...options(), copyDir: cache });
    expect(saved.kept).toEqual(["agenda.json", "news.json"]);
    // Only state files: no lock, no temporary file, nothing else of the repository.
    expect((await readdir(cache)).sort()).toEqual(["_copy.json", "agenda.json", "news.json"]);

    // The next run starts from the remote's old state/, plus the copy.
    const next = await clone("next", false);
    expect((await stateIn(next)).done.a).toBeUndefined();
    const restored = await restoreStateCopy({ stateDir: join(next, "state"), copyDir: cache, log });

    expect(restored.merged).toEqual(["agenda.json", "news.json"]);
    const merged = await stateIn(next);
    expect(merged.done.a).toMatchObject({ status: "posted", postId: "101" });
    expect(merged.pending).toMatchObject({ item: { key: "b" }, text: "text b" });
    expect(merged.queue).toEqual([]);
    expect(merged.months).toEqual({ "2026-01": { posts: 1, postsWithUrl: 0 } });
    expect((await stateIn(next, "news")).done.n1).toMatchObject({ status: "seen" });
    // Merged, so the copy is gone: the next save starts from state/.
    expect(await readdir(cache)).toEqual([]);
    expect(lines.some((line) => line.includes("An earlier run could not push its state"))).toBe(
      true,
    );
  });

  it("merges with what the repository recorded meanwhile, by the same rules as a push race", async () => {
    await refusePushes();
    await writeState(bot, post(queued("a", "b"), "a", "101"));
    await expect(commitState(options())).rejects.toThrow(CommitStateError);
    await saveStateCopy({ ...options(), copyDir: cache });

    // Meanwhile the repository got "b" posted (say, a run whose push went through).
    await rm(join(remote, "hooks", "pre-receive"));
    await writeState(human, post(queued("a", "b"), "b", "202"));
    await git(human, "commit", "--quiet", "-am", "their state");
    await git(human, "push", "--quiet", "origin", "HEAD:main");

    const next = await clone("next", false);
    await restoreStateCopy({ stateDir: join(next, "state"), copyDir: cache, log });
    const merged = await stateIn(next);
    expect(merged.done.a).toMatchObject({ status: "posted", postId: "101" });
    expect(merged.done.b).toMatchObject({ status: "posted", postId: "202" });
    expect(merged.queue).toEqual([]);
  });

  it("a save that finds the copy unmerged (its restore failed) merges it in, never drops it", async () => {
    await refusePushes();
    await writeState(bot, post(queued("a", "b"), "a", "101"));
    await expect(commitState(options())).rejects.toThrow(CommitStateError);
    await saveStateCopy({ ...options(), copyDir: cache });

    // The next run never restored the copy: it started from the old state and posted "b".
    const next = await clone("next", false);
    await writeState(next, post(queued("a", "b"), "b", "202"));
    await saveStateCopy({ ...options({ cwd: next }), copyDir: cache });

    const copy = parseState(await readFile(join(cache, "agenda.json"), "utf8"), "copy", "agenda");
    expect(copy.done.a).toMatchObject({ status: "posted", postId: "101" });
    expect(copy.done.b).toMatchObject({ status: "posted", postId: "202" });
  });

  it("leaves the repository's file as it is when it already holds all of an older copy", async () => {
    // A copy whose run's push failed; a later run merged it and pushed, but could not save the
    // cache: the copy comes back once more, older than what the repository has.
    const older = { ...post(queued("a", "b"), "a", "101"), validators: { etag: '"v1"' } };
    await mkdir(cache, { recursive: true });
    await writeFile(join(cache, "agenda.json"), serializeState(older));
    const newer = { ...post(older, "b", "202"), validators: { etag: '"v2"' } };
    await writeState(bot, newer);
    const before = await readFile(join(bot, "state", "agenda.json"), "utf8");

    const restored = await restoreStateCopy({ stateDir: join(bot, "state"), copyDir: cache, log });

    expect(restored.merged).toEqual([]);
    expect(await readFile(join(bot, "state", "agenda.json"), "utf8")).toBe(before);
    expect(await readdir(cache)).toEqual([]);
  });

  it("says how to call the commands when an option is missing or belongs to another", async () => {
    const noFolder = await runCli(["restore-state"], { cwd: bot });
    expect([noFolder.code, noFolder.stderr]).toEqual([
      2,
      '--from DIR is required. Run "crieur --help".\n',
    ]);
    const stray = await runCli(["save-state", "--to", cache, "--push"], { cwd: bot });
    expect([stray.code, stray.stderr]).toEqual([2, "--push is not an option of save-state.\n"]);
  });

  it("restoring from a folder that does not exist (a cache miss) does nothing", async () => {
    const result = await restoreStateCopy({ stateDir: join(bot, "state"), copyDir: cache, log });
    expect(result.merged).toEqual([]);
    expect(lines).toContain(`info: No state copy in ${cache}: nothing to merge.`);
    expect(await git(bot, "status", "--porcelain")).toBe("");
  });
});

describe("temporary state files", () => {
  it("are never committed; those of dead processes are removed", async () => {
    // A run killed between writing a state file's temporary copy and renaming it.
    const dead = join(bot, "state", "agenda.json.2147483646.tmp");
    await writeFile(dead, "{ half written");
    // One being written right now by a live process (this one) is left alone.
    const live = join(bot, "state", `_account.json.${process.pid}.tmp`);
    await writeFile(live, "{}");
    await writeState(bot, post(queued("a", "b"), "a", "101"));

    await commitState(options());

    expect(await git(remote, "show", "--name-only", "--format=", "main")).toBe("state/agenda.json");
    expect(await git(remote, "ls-tree", "-r", "--name-only", "main", "state")).not.toContain(
      ".tmp",
    );
    await expect(readFile(dead)).rejects.toThrow();
    expect(await readFile(live, "utf8")).toBe("{}");
    expect(lines.some((line) => line.includes("state/agenda.json.2147483646.tmp"))).toBe(true);
  });
});

describe("heartbeat", () => {
  it("commits a heartbeat when nothing was committed for 50 days", async () => {
    const later = new Date("2026-02-25T10:00:00Z");
    const result = await commitState(options({ now: () => later }));
    expect(result).toMatchObject({ committed: true, heartbeat: true, pushed: true });
    const heartbeat = JSON.parse(await git(remote, "show", `main:state/${HEARTBEAT_FILE}`));
    expect(heartbeat.at).toBe(later.toISOString());
    expect(await git(remote, "log", "-1", "--format=%s", "main")).toBe("crieur: heartbeat");
  });

  it("writes no heartbeat before 50 days", async () => {
    const result = await commitState(options({ now: () => new Date("2026-02-20T10:00:00Z") }));
    expect(result.committed).toBe(false);
    await expect(readFile(join(bot, "state", HEARTBEAT_FILE))).rejects.toThrow();
  });
});
