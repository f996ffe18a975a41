/**
 * The posting loop: after every feed was fetched and recorded, decide what goes out in this run
 * and send it, one post at a time, saving the state before and after each request.
 *
 * Order of a turn: drop items past their maxAge → check the gates (a remembered rate limit, the
 * posting hours, the monthly budget) → settle posts left in flight by an earlier run → plan fair
 * turns under the caps → compose, record the intent, send, record the answer.
 *
 * May import: config, rules, publishers, state, report, errors, in-flight.
 */
import type { Config } from "./config/defaults.js";
import {
  containsUrl,
  type FeedRun,
  giveUp,
  loadCompose,
  onTarget,
  type PostingDeps,
  save,
  sendPending,
  settlePending,
} from "./in-flight.js";
import { lengthFor, monthlyBudgetStop, monthTotals, postingGate } from "./posting/gates.js";
import type { Log } from "./report/log.js";
import { type CostReport, plural, type RunReport, stoppedLine } from "./report/report.js";
import { DAY_MS, dayWindowOpensAt, type PlannedPost, planPosts, tooOld } from "./rules/budget.js";
import { costOf, priceOf } from "./rules/cost.js";
import {
  dropQueued,
  type FeedState,
  failPost,
  lastPostAt,
  monthOf,
  postTimesSince,
  startPost,
} from "./state/feed-state.js";
import type { StateStore } from "./state/store.js";
import {
  accountView,
  PRIMARY_TARGET,
  syncTargets,
  targetView,
  withAccountView,
  withTargetView,
} from "./state/targets.js";

/** Whether this run may post anywhere (and so writes state). */
export function postsAnywhere(deps: PostingDeps): boolean {
  return deps.targets ? deps.targets.some((target) => target.publisher) : Boolean(deps.publisher);
}

/**
 * Posts each feed's waiting items to each of its targets, target after target. Each target has
 * its own records (state/targets.ts), gates and report, so a stop on one never holds the others.
 */
export async function postQueued(
  runs: readonly FeedRun[],
  others: readonly FeedState[],
  config: Config,
  deps: PostingDeps,
  report: RunReport,
): Promise<void> {
  const targets = deps.targets ?? [{ name: PRIMARY_TARGET, publisher: deps.publisher }];
  const live = postsAnywhere(deps);
  if (live) {
    // Saved before anything is posted: an item leaves the top-level queue (X's) only once every
    // other target has it.
    for (const feedRun of runs) {
      if (!feedRun.state) continue;
      const liveHere = targets
        .filter((target) => target.publisher && feedRun.feed.targets.includes(target.name))
        .map((target) => target.name);
      const synced = syncTargets(feedRun.state, liveHere, deps.now());
      if (synced === feedRun.state) continue;
      feedRun.state = synced;
      await deps.store.save(synced);
    }
  } else if (targets.length > 1) {
    // A dry run (a preview) shows what each target would get, by that network's count: the
    // items are handed over in memory only.
    for (const feedRun of runs) {
      if (feedRun.state)
        feedRun.state = syncTargets(feedRun.state, feedRun.feed.targets, deps.now());
    }
  }
  const byId = new Map(runs.map((feedRun) => [feedRun.feed.id, feedRun]));
  for (const target of targets) {
    const targetRuns = runs
      .filter((feedRun) => feedRun.feed.targets.includes(target.name))
      .map((feedRun) => targetRun(feedRun, target.name, target.publisher !== undefined, live));
    if (targetRuns.length === 0) continue;
    const { stoppedPosting: _stopped, cost: _cost, ...shared } = report;
    // With several targets, each stop is its target's own (said in its line of the report).
    const targetReport: RunReport = targets.length === 1 ? report : shared;
    if (targets.length > 1) deps.log.info(`Target '${target.name}':`);
    const targetDeps: PostingDeps = {
      ...deps,
      publisher: target.publisher,
      target,
      store: targetStore(deps.store, target.name, byId),
    };
    await postQueuedTo(
      targetRuns,
      others.map((state) => targetView(state, target.name)),
      config,
      targetDeps,
      targetReport,
    );
    if (!live) continue;
    report.targets ??= [];
    report.targets.push({
      name: target.name,
      network: target.publisher?.network ?? target.network ?? target.name,
      live: target.publisher !== undefined,
      posted: targetRuns.reduce(
        (sum, feedRun) =>
          sum + feedRun.report.posted.filter((p) => p.target === target.name).length,
        0,
      ),
      ...(targetReport.stoppedPosting ? { stoppedPosting: targetReport.stoppedPosting } : {}),
    });
  }
}

/**
 * A feed's run as one target sees it. A target that does not post works on a copy of its view;
 * in a run that posts elsewhere, what it would post stays out of the report.
 */
function targetRun(feedRun: FeedRun, target: string, live: boolean, runPosts: boolean): FeedRun {
  if (!live) {
    return {
      feed: feedRun.feed,
      report: runPosts
        ? { ...feedRun.report, posted: [], failed: [], dropped: [] }
        : feedRun.report,
      state: feedRun.state && targetView(feedRun.state, target),
    };
  }
  return {
    feed: feedRun.feed,
    report: feedRun.report,
    get state() {
      return feedRun.state && targetView(feedRun.state, target);
    },
    set state(view) {
      if (feedRun.state && view) feedRun.state = withTargetView(feedRun.state, target, view);
    },
  };
}

/** The state store as one target sees it: its view is saved within the feed's whole state. */
function targetStore(
  store: StateStore,
  target: string,
  byId: ReadonlyMap<string, FeedRun>,
): StateStore {
  return {
    ...store,
    async save(view) {
      const whole = byId.get(view.feedId)?.state;
      await store.save(whole ?? view);
    },
    async loadAccount() {
      if (target === PRIMARY_TARGET) return store.loadAccount();
      return accountView(await store.loadAccount(), target);
    },
    async saveAccount(view) {
      await store.saveAccount(withAccountView(await store.loadAccount(), target, view));
    },
  };
}

async function postQueuedTo(
  runs: readonly FeedRun[],
  others: readonly FeedState[],
  config: Config,
  deps: PostingDeps,
  report: RunReport,
): Promise<void> {
  const live = deps.publisher !== undefined;
  const allStates = () => [...statesOf(runs), ...others];

  await dropTooOld(runs, deps);

  // In a dry run (a preview) the gates below are skipped: it shows what goes out next.
  const stop = live ? await postingGate(config, allStates(), deps) : undefined;
  if (stop) {
    report.stoppedPosting = stop;
    deps.log.warning(stoppedLine(stop));
    if (stop.kind === "state") report.problems.push(stop.reason);
    return;
  }

  // A re-sent post counts against this run's caps like any other request to X.
  const resent = new Set<string>();
  for (const feedRun of runs) {
    if (feedRun.state?.pending && !report.stoppedPosting) {
      if (await settlePending(feedRun, deps, report)) resent.add(feedRun.feed.id);
    }
  }

  const plan = planTurns(runs, allStates(), resent, config, live, deps.now(), report, deps.log);
  if (plan.length === 0) return;
  const byId = new Map(runs.map((feedRun) => [feedRun.feed.id, feedRun]));
  for (const planned of plan) {
    if (report.stoppedPosting) break;
    const feedRun = byId.get(planned.feedId) as FeedRun & { state: FeedState };
    await postPlanned(feedRun, planned.key, allStates, config, deps, report);
  }
}

function statesOf(runs: readonly FeedRun[]): FeedState[] {
  return runs.flatMap((feedRun) => (feedRun.state ? [feedRun.state] : []));
}

/** Fair turns across feeds under the per-run and rolling daily caps; notes the caps reached. */
function planTurns(
  runs: readonly FeedRun[],
  allStates: readonly FeedState[],
  resent: ReadonlySet<string>,
  config: Config,
  live: boolean,
  now: Date,
  report: RunReport,
  log: Log,
): PlannedPost[] {
  const dayStart = new Date(now.getTime() - DAY_MS);
  const postTimes = (state: FeedState) => postTimesSince(state, dayStart);
  const globalTimes = allStates.flatMap(postTimes);
  const remainingToday =
    config.limits.maxPostsPerDay === undefined
      ? Number.POSITIVE_INFINITY
      : Math.max(0, config.limits.maxPostsPerDay - globalTimes.length);

  const queues = runs.flatMap((feedRun) => {
    const state = feedRun.state;
    // A post still in flight holds its feed's queue: nothing may overtake or overwrite it.
    if (!state || (live && state.pending)) return [];
    const times = postTimes(state);
    const feedRemaining =
      feedRun.feed.maxPostsPerDay === undefined
        ? undefined
        : Math.max(0, feedRun.feed.maxPostsPerDay - times.length);
    if (feedRemaining === 0 && state.queue.length > 0) {
      const opens = dayWindowOpensAt(times);
      report.notices.push(
        `Feed '${feedRun.feed.id}' reached its maxPostsPerDay (${feedRun.feed.maxPostsPerDay} in 24 hours); ` +
          `${plural(state.queue.length, "item")} wait${opens ? ` until after ${opens.toISOString()}` : ""}.`,
      );
    }
    const last = lastPostAt(state);
    return [
      {
        feedId: feedRun.feed.id,
        maxPostsPerRun: feedRun.feed.maxPostsPerRun - (resent.has(feedRun.feed.id) ? 1 : 0),
        queue: state.queue,
        ...(feedRemaining === undefined ? {} : { remainingToday: feedRemaining }),
        ...(last === undefined ? {} : { lastPostAt: last }),
      },
    ];
  });
  const plan = planPosts(
    queues,
    Math.max(0, config.limits.maxPostsPerRun - resent.size),
    live ? remainingToday : Infinity,
  );
  const waiting = queues.reduce((total, queue) => total + queue.queue.length, 0);
  if (live && remainingToday === 0 && waiting > 0) {
    const opens = dayWindowOpensAt(globalTimes);
    report.stoppedPosting = {
      kind: "daily-limit",
      reason: `limits.maxPostsPerDay (${config.limits.maxPostsPerDay} posts in 24 hours, all feeds) is reached; ${plural(waiting, "item")} wait.`,
      ...(opens ? { resumeAt: opens.toISOString() } : {}),
    };
    log.info(stoppedLine(report.stoppedPosting));
  }
  if (waiting === 0) log.info("Nothing to post.");
  else if (plan.length < waiting) {
    log.info(
      `${waiting} items wait; ${plan.length} go out in this run (limits.maxPostsPerRun ` +
        `${config.limits.maxPostsPerRun}, the daily limits and each feed's maxPostsPerRun); ` +
        "the rest wait for later runs.",
    );
  }
  return plan;
}

/** Composes one planned item, records the intent, sends it and records the answer. */
async function postPlanned(
  feedRun: FeedRun & { state: FeedState },
  key: string,
  allStates: () => readonly FeedState[],
  config: Config,
  deps: PostingDeps,
  report: RunReport,
): Promise<void> {
  const queued = feedRun.state.queue.find((entry) => entry.item.key === key);
  if (!queued) return;
  const { composePost, ComposeError } = await loadCompose();
  const network =
    deps.publisher?.network ?? deps.target?.network ?? deps.target?.name ?? PRIMARY_TARGET;
  let text: string;
  try {
    // One template, laid out by each network's own counting (and shortened by it).
    const length = await lengthFor(deps.publisher, network, deps.target?.options?.contentWarning);
    const composed = composePost({ item: queued.item, feed: feedRun.feed, length });
    text = composed.text;
    if (!deps.publisher) {
      // Loaded with the compose step (twitter-text): a run that posts nothing never needs it.
      const { lengthUnit } = await import("./rules/length.js");
      const unit = length.network === "x" ? "" : ` ${lengthUnit(length)}`;
      const counted = `${composed.weightedLength}/${length.maxLength}${unit}`;
      const image = feedRun.feed.image && queued.item.image ? ` [image: ${queued.item.image}]` : "";
      deps.log.info(
        `Would post${onTarget(deps)} (${counted}): ${text.replaceAll("\n", " ⏎ ")}${image}`,
      );
      const several = deps.target && (deps.targets?.length ?? 0) > 1;
      feedRun.report.posted.push({
        title: queued.item.title,
        text,
        counted,
        ...(several && deps.target ? { target: deps.target.name } : {}),
      });
      return;
    }
  } catch (error) {
    if (!(error instanceof ComposeError)) throw error;
    deps.log.warning(
      `Feed '${feedRun.feed.id}': "${queued.item.title}" cannot be posted${onTarget(deps)}: ${error.message}`,
    );
    giveUp(feedRun, report, queued.item.title, error.message);
    if (deps.publisher) {
      const intent = startPost(feedRun.state, key, "", network, deps.now());
      await save(feedRun, failPost(intent, deps.now(), error.message), deps);
    }
    return;
  }
  if (network === "x") {
    const price = priceOf(await containsUrl(text), config.cost.prices);
    const overBudget = monthlyBudgetStop(config, allStates(), deps.now(), price);
    if (overBudget) {
      report.stoppedPosting = overBudget;
      deps.log.warning(stoppedLine(overBudget));
      return;
    }
  }
  await save(feedRun, startPost(feedRun.state, key, text, network, deps.now()), deps);
  await sendPending(feedRun, deps, report);
}

/** Items older than their feed's maxAge are dropped with a reason instead of posted late. */
async function dropTooOld(runs: readonly FeedRun[], deps: PostingDeps): Promise<void> {
  const now = deps.now();
  for (const feedRun of runs) {
    const state = feedRun.state;
    if (!state || feedRun.feed.maxAgeMs === undefined) continue;
    const old = tooOld(state.queue, feedRun.feed.maxAgeMs, now);
    if (old.length === 0) continue;
    let next = state;
    const hours = Math.round(feedRun.feed.maxAgeMs / 3_600_000);
    for (const queued of old) {
      const since = queued.item.published ?? queued.queuedAt;
      const reason = `not posted: older than maxAge (${hours} hours) when its turn came (dated ${since})`;
      deps.log.info(`Feed '${feedRun.feed.id}': "${queued.item.title}" dropped, ${reason}.`);
      feedRun.report.dropped.push({ title: queued.item.title, reason });
      next = dropQueued(next, queued.item.key, now, reason);
    }
    await save(feedRun, next, deps);
  }
}

export function costReport(
  runs: readonly FeedRun[],
  others: readonly FeedState[],
  config: Config,
  now: Date,
): CostReport {
  const states = [...statesOf(runs), ...others];
  const totals = monthTotals(states, now);
  return {
    month: monthOf(now),
    ...totals,
    estimatedUSD: costOf(totals, config.cost.prices),
    ...(config.cost.monthlyBudgetUSD === undefined
      ? {}
      : { budgetUSD: config.cost.monthlyBudgetUSD }),
  };
}
