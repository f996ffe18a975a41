import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  PRIMARY_TARGET,
  accountView,
  targetView,
  targetsOf,
  withAccountView,
  withTargetView
} from "./chunk-LHSQ7RA6.js";
import {
  ACCOUNT_FILE,
  StateError,
  parseAccount,
  parseState,
  serializeState
} from "./chunk-D6NUKDDZ.js";
import {
  plural
} from "./chunk-QTYGHWQN.js";
import {
  CrieurError
} from "./chunk-ETCY7YZ6.js";

// src/repo/commit-state.ts
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// src/repo/commit-message.ts
function commitMessage(changes, options = {}) {
  const summaries = changes.map(summarize);
  const posted = summaries.reduce((total, feed) => total + feed.posted.length, 0);
  const failed = summaries.reduce((total, feed) => total + feed.failed, 0);
  const pause = options.account ? pauseChange(options.account) : void 0;
  const parts = [];
  const networks = changes.some((change) => change.after?.targets !== void 0);
  if (posted > 0) parts.push(`posted ${plural(posted, networks ? "post" : "item")}`);
  if (failed > 0) parts.push(`${failed} not postable`);
  if (pause) parts.push(pause.subject);
  const subject = parts.length > 0 ? `crieur: ${parts.join(", ")}` : changes.length > 0 ? `crieur: update state of ${changes.map((change) => `'${change.feedId}'`).join(", ")}` : options.heartbeat ? "crieur: heartbeat" : "crieur: update state";
  const body = [];
  for (const feed of summaries) {
    const counts = [
      feed.posted.length > 0 ? `${feed.posted.length} posted` : "",
      feed.queued > 0 ? `${feed.queued} newly queued` : "",
      feed.recorded > 0 ? `${feed.recorded} recorded without posting` : "",
      feed.skipped > 0 ? `${feed.skipped} skipped` : "",
      feed.failed > 0 ? `${feed.failed} not postable` : ""
    ].filter(Boolean);
    body.push(`${feed.feedId}: ${counts.length > 0 ? counts.join(", ") : "state updated"}`);
    for (const title of feed.posted) body.push(`  - ${title}`);
  }
  if (pause?.detail) body.push(pause.detail);
  if (options.heartbeat) {
    body.push(
      "Heartbeat: no commit for a long time; GitHub disables scheduled workflows after 60 days without activity, so crieur records that it is still running."
    );
  }
  return body.length > 0 ? `${subject}

${body.join("\n")}
` : `${subject}
`;
}
function pauseChange(change) {
  const until = change.after?.postingPausedUntil;
  if (until !== void 0 && until !== change.before?.postingPausedUntil) {
    const reason = change.after?.pauseReason;
    return {
      subject: `posting paused until ${until} (X rate limit)`,
      ...reason ? { detail: `X asked crieur to wait: ${reason}` } : {}
    };
  }
  if (until === void 0 && change.before?.postingPausedUntil !== void 0) {
    return { subject: "posting pause over" };
  }
  return void 0;
}
function summarize(change) {
  const before = change.before;
  const after = change.after;
  const titles = /* @__PURE__ */ new Map();
  const targets = targetsOf(after ?? before ?? {});
  for (const state of [before, after]) {
    if (!state) continue;
    for (const target of targets) {
      const view = targetView(state, target);
      for (const entry of view.queue) titles.set(entry.item.key, entry.item.title);
      if (view.pending) titles.set(view.pending.item.key, view.pending.item.title);
    }
  }
  const several = targets.length > 1;
  const newly = (status, target = PRIMARY_TARGET) => {
    const was = before && targetView(before, target);
    const now = after && targetView(after, target);
    const isNew = (key, outcome) => {
      const old = was?.done[key];
      return old?.status !== outcome.status || outcome.status === "posted" && old.at !== outcome.at;
    };
    return Object.entries(now?.done ?? {}).filter(([key, outcome]) => outcome.status === status && isNew(key, outcome)).map(([key, outcome]) => {
      const title = titles.get(key) ?? (outcome.status === "posted" ? outcome.title : void 0) ?? key;
      const where = several ? ` (${target})` : "";
      return outcome.status === "posted" && outcome.url ? `"${title}" ${outcome.url}${where}` : `"${title}"${where}`;
    });
  };
  const knownBefore = (key) => before !== void 0 && (Object.hasOwn(before.done, key) || before.pending?.item.key === key || before.queue.some((entry) => entry.item.key === key));
  return {
    feedId: change.feedId,
    posted: targets.flatMap((target) => newly("posted", target)),
    failed: targets.reduce((total, target) => total + newly("failed", target).length, 0),
    queued: (after?.queue ?? []).filter((entry) => !knownBefore(entry.item.key)).length,
    recorded: newly("seen").length,
    skipped: newly("skipped").length
  };
}

// src/repo/git.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
var GitError = class extends CrieurError {
  constructor(message, output) {
    super(message);
    this.output = output;
  }
  output;
  name = "GitError";
};
var BOT_IDENTITY = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com"
};
function gitIn(cwd, env = process.env) {
  const gitEnv = { ...env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  async function git(args) {
    try {
      const { stdout } = await run("git", [...args], {
        cwd,
        env: gitEnv,
        maxBuffer: 64 * 1024 * 1024
      });
      return stdout;
    } catch (error) {
      const failure = error;
      const output = `${failure.stderr ?? ""}${failure.stdout ?? ""}`.trim() || failure.message;
      throw new GitError(`git ${args[0]} failed in ${cwd}: ${output}`, output);
    }
  }
  async function identityArgs() {
    const configured = await git(["config", "--get", "user.email"]).catch(() => "");
    if (configured.trim() || env.GIT_AUTHOR_EMAIL) return [];
    return ["-c", `user.name=${BOT_IDENTITY.name}`, "-c", `user.email=${BOT_IDENTITY.email}`];
  }
  return {
    cwd,
    topLevel: async () => (await git(["rev-parse", "--show-toplevel"])).trim(),
    currentBranch: async () => (await git(["symbolic-ref", "--short", "HEAD"])).trim(),
    head: async () => (await git(["rev-parse", "HEAD"])).trim(),
    async lastCommitDate() {
      const output = await git(["log", "-1", "--format=%cI"]).catch(() => "");
      return output.trim() ? new Date(output.trim()) : void 0;
    },
    async stageFolder(dir) {
      await git(["add", "--all", "--", dir, `:(exclude)${dir}/*.tmp`]);
      return splitNul(await git(["diff", "--cached", "--name-only", "-z", "--", dir]));
    },
    async commitFolder(dir, message) {
      await git([...await identityArgs(), "commit", "--quiet", "-m", message, "--", dir]);
    },
    async fileAt(commit, path) {
      const listed = await git(["ls-tree", "--name-only", commit, "--", path]);
      if (!listed.trim()) return void 0;
      return git(["show", `${commit}:${path}`]);
    },
    async changedBetween(from, to, dir) {
      return splitNul(await git(["diff", "--name-only", "-z", from, to, "--", dir]));
    },
    async fetchBranch(remote, branch) {
      await git(["fetch", "--quiet", "--no-tags", remote, `refs/heads/${branch}`]);
      return (await git(["rev-parse", "FETCH_HEAD"])).trim();
    },
    async moveBranchTo(commit) {
      await git(["reset", "--quiet", "--keep", commit]);
    },
    async lastKnownRemoteCommit(remote, branch) {
      const ref = `refs/remotes/${remote}/${branch}`;
      const output = await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(
        () => ""
      );
      return output.trim() || void 0;
    },
    async pushHead(remote, branch) {
      try {
        await git(["push", "--quiet", remote, `HEAD:refs/heads/${branch}`]);
        return "pushed";
      } catch (error) {
        if (error instanceof GitError && RACE_LOST.test(error.output)) {
          return "rejected";
        }
        throw error;
      }
    }
  };
}
var RACE_LOST = /\[rejected\]|\(fetch first\)|non-fast-forward|cannot lock ref|failed to update ref/;
function splitNul(output) {
  return output.split("\0").filter((path) => path.length > 0);
}

// src/repo/state-files.ts
import { posix } from "node:path";

// src/state/merge.ts
var STRENGTH = { seen: 0, skipped: 1, failed: 2, posted: 3 };
function mergeFeedStates(theirs, ours, base) {
  if (theirs.feedId !== ours.feedId || theirs.version !== ours.version) {
    throw new StateError(
      `Cannot merge state of feed "${ours.feedId}" (format ${ours.version}) with state of feed "${theirs.feedId}" (format ${theirs.version}): they are not versions of the same file.`
    );
  }
  const top = mergeRecords(theirs, ours, base);
  const names = /* @__PURE__ */ new Set([...Object.keys(theirs.targets ?? {}), ...Object.keys(ours.targets ?? {})]);
  if (names.size === 0) return top;
  const notes = [...top.notes];
  let state = { ...top.state, targets: {} };
  for (const target of names) {
    const lane = (side) => {
      const { targets: _targets, ...view } = targetView(side, target);
      return view;
    };
    const merged = mergeRecords(lane(theirs), lane(ours), base && lane(base));
    notes.push(...merged.notes.map((note) => `${note} (target '${target}')`));
    state = withTargetView(state, target, merged.state);
  }
  return { state, notes };
}
function mergeRecords(theirs, ours, base) {
  const notes = [];
  const reposts = mergeReposts(theirs.reposts, ours.reposts);
  const done = { ...theirs.done };
  for (const [key, outcome] of Object.entries(ours.done)) {
    const other = done[key];
    done[key] = other ? stronger(other, outcome, reposts?.[key]) : outcome;
  }
  const settled = (key) => {
    const outcome = done[key];
    const repostedAt = reposts?.[key];
    if (outcome === void 0) return false;
    return repostedAt === void 0 || !isBefore(outcome.at, repostedAt);
  };
  let pending;
  const inFlight = [ours.pending, theirs.pending].filter(
    (post) => post !== void 0 && !settled(post.item.key)
  );
  const [first, second] = inFlight;
  if (first && second && first.item.key !== second.item.key) {
    const [newer, older] = Date.parse(first.at) >= Date.parse(second.at) ? [first, second] : [second, first];
    pending = newer;
    const reason = `uncertain: another post was in flight in the other version of this state file when they were merged; check the account's timeline and post "${older.item.title}" by hand if it is missing`;
    done[older.item.key] = { status: "failed", at: older.at, reason };
    notes.push(`Feed '${ours.feedId}': "${older.item.title}" ${reason}.`);
  } else if (first && second) {
    pending = (first.attempts ?? 0) >= (second.attempts ?? 0) ? first : second;
  } else {
    pending = first;
  }
  const queue = mergeQueues(ours.queue, theirs.queue).filter(
    (entry) => !settled(entry.item.key) && entry.item.key !== pending?.item.key
  );
  const months = mergeMonths(theirs.months, ours.months, base ? base.months ?? {} : void 0);
  const failingSince = theirs.failingSince === void 0 || ours.failingSince === void 0 ? void 0 : isBefore(theirs.failingSince, ours.failingSince) ? theirs.failingSince : ours.failingSince;
  const itemCounts = [theirs.maxItemsSeen, ours.maxItemsSeen].filter((n) => n !== void 0);
  const events = mergeEvents(theirs.events, ours.events, base?.events);
  const state = {
    ...withoutMergedFields(theirs),
    ...withoutMergedFields(ours),
    queue,
    done,
    ...pending ? { pending } : {},
    ...months ? { months } : {},
    ...failingSince ? { failingSince } : {},
    ...theirs.neverFetched && ours.neverFetched ? { neverFetched: true } : {},
    ...theirs.unreliableGuids || ours.unreliableGuids ? { unreliableGuids: true } : {},
    ...itemCounts.length > 0 ? { maxItemsSeen: Math.max(...itemCounts) } : {},
    ...reposts ? { reposts } : {},
    ...events ? { events } : {}
  };
  return { state, notes };
}
function withoutMergedFields(state) {
  const {
    pending: _pending,
    months: _months,
    failingSince: _failingSince,
    neverFetched: _neverFetched,
    unreliableGuids: _unreliableGuids,
    maxItemsSeen: _maxItemsSeen,
    reposts: _reposts,
    events: _events,
    ...rest
  } = state;
  return rest;
}
function mergeEvents(theirs, ours, base) {
  if (!theirs && !ours) return void 0;
  const merged = {};
  for (const key of /* @__PURE__ */ new Set([...Object.keys(theirs ?? {}), ...Object.keys(ours ?? {})])) {
    const other = theirs?.[key];
    const mine = ours?.[key];
    if (other && mine) merged[key] = mergeEvent(other, mine);
    else if (base?.[key] === void 0) merged[key] = mine ?? other;
  }
  return Object.keys(merged).length > 0 ? merged : void 0;
}
function mergeEvent(theirs, ours) {
  const announced = ours.announced ?? theirs.announced;
  const { held: _held, announced: _announced, ...rest } = ours;
  return {
    ...rest,
    since: isBefore(theirs.since, ours.since) ? theirs.since : ours.since,
    ...announced ? { announced } : ours.held || theirs.held ? { held: true } : {}
  };
}
function mergeReposts(theirs, ours) {
  if (!theirs && !ours) return void 0;
  const merged = { ...theirs };
  for (const [key, at] of Object.entries(ours ?? {})) {
    const other = merged[key];
    merged[key] = other !== void 0 && isBefore(other, at) ? other : at;
  }
  return merged;
}
function mergeMonths(theirs, ours, base) {
  if (!theirs && !ours) return void 0;
  const merged = {};
  const monthKeys = /* @__PURE__ */ new Set([...Object.keys(theirs ?? {}), ...Object.keys(ours ?? {})]);
  for (const month of [...monthKeys].sort()) {
    const mine = ours?.[month];
    const other = theirs?.[month];
    const from = base?.[month];
    const count = (field) => {
      const a = mine?.[field] ?? 0;
      const b = other?.[field] ?? 0;
      return base ? Math.max(a, b, a + b - (from?.[field] ?? 0)) : Math.max(a, b);
    };
    merged[month] = { posts: count("posts"), postsWithUrl: count("postsWithUrl") };
  }
  return merged;
}
function mergeAccountStates(theirs, ours) {
  let merged = laterPause(theirs, ours);
  const names = /* @__PURE__ */ new Set([...Object.keys(theirs.targets ?? {}), ...Object.keys(ours.targets ?? {})]);
  for (const target of names) {
    const pause = laterPause(accountView(theirs, target), accountView(ours, target));
    merged = withAccountView(merged, target, pause);
  }
  return merged;
}
function laterPause(theirs, ours) {
  if (theirs.postingPausedUntil === void 0) return ours;
  if (ours.postingPausedUntil === void 0) return theirs;
  return isBefore(ours.postingPausedUntil, theirs.postingPausedUntil) ? theirs : ours;
}
function isBefore(a, b) {
  return Date.parse(a) < Date.parse(b);
}
function stronger(a, b, repostedAt) {
  if (STRENGTH[a.status] !== STRENGTH[b.status]) {
    return STRENGTH[a.status] > STRENGTH[b.status] ? a : b;
  }
  const [earlier, later] = Date.parse(b.at) < Date.parse(a.at) ? [b, a] : [a, b];
  const reposted = repostedAt !== void 0 && isBefore(earlier.at, repostedAt) && !isBefore(later.at, repostedAt);
  return reposted ? later : earlier;
}
function mergeQueues(ours, theirs) {
  const byKey = /* @__PURE__ */ new Map();
  for (const entry of [...ours, ...theirs]) {
    const known = byKey.get(entry.item.key);
    if (!known || (entry.attempts ?? 0) > (known.attempts ?? 0)) byKey.set(entry.item.key, entry);
  }
  return [...byKey.values()].sort((a, b) => Date.parse(a.queuedAt) - Date.parse(b.queuedAt));
}

// src/repo/state-files.ts
function isAccountFile(dir, path) {
  return path === posix.join(dir, ACCOUNT_FILE);
}
function feedIdOf(dir, path) {
  const name = posix.basename(path);
  if (posix.dirname(path) !== dir || !name.endsWith(".json") || name.startsWith("_"))
    return void 0;
  return name.slice(0, -".json".length);
}
function holdsRecords(dir, path) {
  return isAccountFile(dir, path) || feedIdOf(dir, path) !== void 0;
}
function accountOrUndefined(text, path) {
  if (text === void 0) return void 0;
  try {
    return parseAccount(text, path);
  } catch {
    return void 0;
  }
}
function parseOrUndefined(text, path, feedId, problems) {
  if (text === void 0) return void 0;
  try {
    return parseState(text, path, feedId);
  } catch (error) {
    problems?.push(error.message);
    return void 0;
  }
}
function resolveFile(dir, path, versions, log) {
  const { baseText, ourText, theirText } = versions;
  if (theirText === baseText || theirText === ourText) return { how: "ours", text: ourText };
  if (ourText === void 0) return { how: "theirs", text: theirText };
  if (theirText === void 0) return { how: "ours", text: ourText };
  if (isAccountFile(dir, path)) return resolveAccount(path, ourText, theirText);
  const feedId = feedIdOf(dir, path);
  if (!feedId) return { how: "ours", text: ourText };
  const problems = [];
  const ourState = parseOrUndefined(ourText, path, feedId, problems);
  const theirState = parseOrUndefined(theirText, path, feedId, problems);
  if (!ourState || !theirState) {
    const [kept, other] = ourState ? [versions.ourName ?? "this run's", versions.theirName ?? "the other"] : [versions.theirName ?? "the other", versions.ourName ?? "this run's"];
    log.warning(
      `${path} changed on both sides and ${other} version is damaged; keeping ${kept} version. ` + problems.join(" ")
    );
    return ourState ? { how: "ours", text: ourText } : { how: "theirs", text: theirText };
  }
  const baseState = parseOrUndefined(baseText, path, feedId);
  const merged = mergeFeedStates(theirState, ourState, baseState);
  for (const note of merged.notes) log.warning(note);
  return { how: "merged-feed", text: serializeState(merged.state) };
}
function resolveAccount(path, ourText, theirText) {
  const ours = accountOrUndefined(ourText, path);
  const theirs = accountOrUndefined(theirText, path);
  if (!ours || !theirs)
    return ours ? { how: "ours", text: ourText } : { how: "theirs", text: theirText };
  const merged = mergeAccountStates(theirs, ours);
  return { how: "merged-account", text: merged === ours ? ourText : theirText };
}

// src/repo/commit-state.ts
var HEARTBEAT_AFTER_DAYS = 50;
var HEARTBEAT_FILE = "_heartbeat.json";
var MAX_PUSH_ATTEMPTS = 5;
var CommitStateError = class extends CrieurError {
  name = "CommitStateError";
};
async function commitState(options) {
  const { log } = options;
  const top = await gitIn(options.cwd, options.env).topLevel();
  const git = gitIn(top, options.env);
  const dir = stateFolderInRepository(top, resolve(options.cwd, options.stateDir));
  await removeStaleTemporaries(top, dir, log);
  const base = await git.head();
  let staged = await git.stageFolder(dir);
  let heartbeat = false;
  if (staged.length === 0 && await heartbeatDue(git, options.now())) {
    await writeHeartbeat(join(top, dir), options.now());
    staged = await git.stageFolder(dir);
    heartbeat = true;
    log.info(
      `No commit for ${HEARTBEAT_AFTER_DAYS} days: committing ${dir}/${HEARTBEAT_FILE} so GitHub keeps the scheduled workflow enabled.`
    );
  }
  if (staged.length === 0) {
    log.info(`State unchanged (${dir}/): nothing to commit.`);
    return { committed: false, heartbeat: false, pushed: false, attempts: 0 };
  }
  const account = await accountChange(git, top, dir, base, staged);
  const message = commitMessage(await feedChanges(git, top, dir, base, staged), {
    heartbeat,
    ...account ? { account } : {}
  });
  await git.commitFolder(dir, message);
  log.info(`Committed ${staged.length} state files: ${message.split("\n")[0]}`);
  if (!options.push) {
    return { committed: true, heartbeat, pushed: false, attempts: 0, message };
  }
  const branch = options.branch ?? await git.currentBranch();
  const maxAttempts = options.maxAttempts ?? MAX_PUSH_ATTEMPTS;
  let onto = base;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if (await pushOrExplain(git, options.remote, branch) === "pushed") {
      log.info(`Pushed the state to '${branch}'.`);
      return { committed: true, heartbeat, pushed: true, attempts: attempt, message };
    }
    if (attempt === maxAttempts) break;
    log.info(
      `Push rejected: '${branch}' moved while crieur ran. Merging the state and retrying (attempt ${attempt + 1} of ${maxAttempts}).`
    );
    await sleep(attempt * (options.retryDelayMs ?? 2e3));
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
    `Could not push the state to '${branch}' after ${maxAttempts} attempts: the branch kept moving. The items posted in this run are not recorded in the repository yet: the Post workflow keeps them in the Actions cache and the next run merges them, so they are not posted again. Avoid merging in bulk while crieur runs.`
  );
}
async function pushOrExplain(git, remote, branch) {
  try {
    return await git.pushHead(remote, branch);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new CommitStateError(pushRefusedMessage(branch, error.output), { cause: error });
  }
}
function pushRefusedMessage(branch, gitOutput) {
  const said = gitOutput.replace(/\/\/[^/@\s]+@/g, "//").split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("To ") && !line.includes("failed to push some refs")).join(" / ");
  let fix;
  if (/protected branch|GH006|GH013|rule violation/i.test(gitOutput)) {
    fix = `A branch protection rule or ruleset on '${branch}' blocks the bot's commits: allow GitHub Actions to push to '${branch}' (add it to the rule's bypass list), or lift the rule.`;
  } else if (/permission to .* denied|error: 403|write access .* not granted/i.test(gitOutput)) {
    fix = "The workflow's token may not push. The Post workflow asks for contents: write itself, so an organisation or enterprise policy limits workflow tokens: allow read and write permissions (Settings \u2192 Actions \u2192 General \u2192 Workflow permissions) or ask the organisation's owner to.";
  } else {
    fix = "If GitHub has an outage (githubstatus.com), the next runs save it once it is over; otherwise the git output above says what the repository refused.";
  }
  return `Could not push the state to '${branch}': ${said}. The posts of this run are not recorded in the repository. ${fix} Until then the Post workflow keeps the state the repository lacks in the Actions cache, and each run merges it before posting, so nothing is posted twice; but a cache entry unused for 7 days is deleted.`;
}
var TEMPORARY_COPY = /\.(\d+)\.tmp$/;
async function removeStaleTemporaries(top, dir, log) {
  const names = await readdir(join(top, dir)).catch(() => []);
  const stale = names.filter((name) => {
    const pid = TEMPORARY_COPY.exec(name)?.[1];
    return pid !== void 0 && !isAlive(Number(pid));
  });
  for (const name of stale) await rm(join(top, dir, name), { force: true });
  if (stale.length > 0) {
    log.info(
      `Removed ${stale.length} temporary state files left by an interrupted run: ${stale.map((name) => `${dir}/${name}`).join(", ")}.`
    );
  }
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function stateFolderInRepository(top, stateDir) {
  const inside = relative(top, stateDir);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
    throw new CommitStateError(
      `The state folder ${stateDir} is not a folder inside the repository ${top}; crieur commits only its state folder (--state, default: state).`
    );
  }
  return inside.split(sep).join("/");
}
async function heartbeatDue(git, now) {
  const last = await git.lastCommitDate();
  return last !== void 0 && now.getTime() - last.getTime() >= HEARTBEAT_AFTER_DAYS * 864e5;
}
async function writeHeartbeat(dir, now) {
  await mkdir(dir, { recursive: true });
  const note = "Written by crieur when nothing was committed for a long time, so that GitHub keeps the scheduled workflow enabled. Safe to delete.";
  await writeFile(
    join(dir, HEARTBEAT_FILE),
    `${JSON.stringify({ note, at: now.toISOString() }, null, 2)}
`
  );
}
async function feedChanges(git, top, dir, base, paths) {
  const changes = [];
  for (const path of paths) {
    const feedId = feedIdOf(dir, path);
    if (!feedId) continue;
    const after = await readFile(join(top, path), "utf8").catch(() => void 0);
    changes.push({
      feedId,
      before: parseOrUndefined(await git.fileAt(base, path), path, feedId),
      after: parseOrUndefined(after, path, feedId)
    });
  }
  return changes;
}
async function accountChange(git, top, dir, base, paths) {
  const path = paths.find((staged) => isAccountFile(dir, staged));
  if (!path) return void 0;
  const after = await readFile(join(top, path), "utf8").catch(() => void 0);
  return {
    before: accountOrUndefined(await git.fileAt(base, path), path),
    after: accountOrUndefined(after, path)
  };
}
async function replayState(git, top, dir, onto, upstream, log) {
  const ours = await git.head();
  const resolved = /* @__PURE__ */ new Map();
  for (const path of await git.changedBetween(onto, ours, dir)) {
    const [baseText, ourText, theirText] = await Promise.all([
      git.fileAt(onto, path),
      git.fileAt(ours, path),
      git.fileAt(upstream, path)
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
    if (text === void 0) {
      await rm(file, { force: true });
    } else {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text, "utf8");
    }
  }
  return (await git.stageFolder(dir)).length > 0 ? "replayed" : "nothing-left";
}

export {
  gitIn,
  holdsRecords,
  resolveFile,
  HEARTBEAT_AFTER_DAYS,
  HEARTBEAT_FILE,
  MAX_PUSH_ATTEMPTS,
  CommitStateError,
  commitState,
  pushRefusedMessage,
  stateFolderInRepository
};
