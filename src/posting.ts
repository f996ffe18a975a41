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
  messageOf,
  type PostingDeps,
  save,
  sendPending,
  settlePending,
} from "./in-flight.js";
import type { Log } from "./report/log.js";
import { type CostReport, plural, type RunReport, stoppedLine } from "./report/report.js";
import { DAY_MS, dayWindowOpensAt, type PlannedPost, planPosts, tooOld } from "./rules/budget.js";
import { costOf, priceOf, startOfNextMonth } from "./rules/cost.js";
import { describePostingHours, isWithinPostingHours, nextOpening } from "./rules/posting-hours.js";
import {
  dropQueued,
  type FeedState,
  failPost,
  lastPostAt,
  monthOf,
  postTimesSince,
  STATE_VERSION,
  startPost,
} from "./state/feed-state.js";
import type { StateStore } from "./state/store.js";

export async function postQueued(
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
  let text: string;
  try {
    const composed = composePost({ item: queued.item, feed: feedRun.feed });
    text = composed.text;
    if (!deps.publisher) {
      deps.log.info(`Would post (${composed.weightedLength}/280): ${text.replaceAll("\n", " ⏎ ")}`);
      feedRun.report.posted.push({ title: queued.item.title, text });
      return;
    }
  } catch (error) {
    if (!(error instanceof ComposeError)) throw error;
    deps.log.warning(
      `Feed '${feedRun.feed.id}': "${queued.item.title}" cannot be posted: ${error.message}`,
    );
    giveUp(feedRun, report, queued.item.title, error.message);
    if (deps.publisher) {
      const intent = startPost(feedRun.state, key, "", "x", deps.now());
      await save(feedRun, failPost(intent, deps.now(), error.message), deps);
    }
    return;
  }
  const price = priceOf(await containsUrl(text), config.cost.prices);
  const overBudget = monthlyBudgetStop(config, allStates(), deps.now(), price);
  if (overBudget) {
    report.stoppedPosting = overBudget;
    deps.log.warning(stoppedLine(overBudget));
    return;
  }
  await save(
    feedRun,
    startPost(feedRun.state, key, text, deps.publisher.network, deps.now()),
    deps,
  );
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

type Stop = NonNullable<RunReport["stoppedPosting"]>;

/** Reasons not to post at all in this run, checked before anything is sent. */
async function postingGate(
  config: Config,
  states: readonly FeedState[],
  deps: PostingDeps,
): Promise<Stop | undefined> {
  const now = deps.now();
  let account: Awaited<ReturnType<StateStore["loadAccount"]>>;
  try {
    account = await deps.store.loadAccount();
  } catch (error) {
    return { kind: "state", reason: messageOf(error) };
  }
  if (account.postingPausedUntil !== undefined) {
    if (Date.parse(account.postingPausedUntil) > now.getTime()) {
      return {
        kind: "rate-limited",
        reason: `an earlier run was told by X to wait (${account.pauseReason ?? "rate limit"}); this run does not try before then.`,
        resumeAt: account.postingPausedUntil,
      };
    }
    // The pause is over: forget it, so the next state commit says so once.
    await deps.store.saveAccount({ version: STATE_VERSION });
  }
  const hours = config.limits.postingHours;
  if (hours && !isWithinPostingHours(hours, now)) {
    const opens = nextOpening(hours, now);
    return {
      kind: "posting-hours",
      reason: `outside the posting hours (${describePostingHours(hours)}); queued items wait for the next run inside them.`,
      ...(opens ? { resumeAt: opens.toISOString() } : {}),
    };
  }
  return monthlyBudgetStop(config, states, now, 0);
}

/** Stops when the month's estimated cost plus the next post's price would go over the budget. */
function monthlyBudgetStop(
  config: Config,
  states: readonly FeedState[],
  now: Date,
  nextPrice: number,
): Stop | undefined {
  const budget = config.cost.monthlyBudgetUSD;
  if (budget === undefined) return undefined;
  const spent = costOf(monthTotals(states, now), config.cost.prices);
  // A zero-price check (the gate) stops once the budget is spent; a post stops if it would exceed it.
  if (nextPrice === 0 ? spent < budget : spent + nextPrice <= budget) return undefined;
  return {
    kind: "monthly-budget",
    reason: `cost.monthlyBudgetUSD ($${budget.toFixed(2)}) is reached for ${monthOf(now)}: about $${spent.toFixed(2)} spent on posts this month.`,
    resumeAt: startOfNextMonth(now).toISOString(),
  };
}

function monthTotals(states: readonly FeedState[], now: Date) {
  const month = monthOf(now);
  let posts = 0;
  let postsWithUrl = 0;
  for (const state of states) {
    posts += state.months?.[month]?.posts ?? 0;
    postsWithUrl += state.months?.[month]?.postsWithUrl ?? 0;
  }
  return { posts, postsWithUrl };
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
