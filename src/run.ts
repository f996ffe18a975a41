/**
 * The orchestrator: config → fetch → parse → dedupe against state → budget → compose → publish →
 * save state → report. It reads top to bottom; every side effect comes in through `RunDeps`.
 *
 * Guarantees: state is saved before and after every post (a crash never reposts); one feed's
 * failure never stops the others; items over a cap or outside the posting hours stay queued; a
 * rate limit is remembered so later runs do not even try before it resets; nothing is written in
 * a dry run.
 */
import pLimit from "p-limit";
import { DAY_MS, dayWindowOpensAt, planPosts, tooOld } from "./budget.js";
import type { Config, FeedConfig } from "./config.js";
import { costOf, priceOf, startOfNextMonth } from "./cost.js";
import { dedupeItems } from "./dedupe.js";
import { recordFailure, recordSuccess } from "./feed-health.js";
import type { FetchResult } from "./fetch.js";
import type { ParsedFeed } from "./item.js";
import { bufferedLog, type Log } from "./log.js";
import { describePostingHours, isWithinPostingHours, nextOpening } from "./posting-hours.js";
import { PublishError, type Publisher } from "./publish.js";
import {
  type CostReport,
  type FeedReport,
  type PostReport,
  plural,
  type RunReport,
  stoppedLine,
} from "./report.js";
import {
  dropQueued,
  type FeedState,
  failPost,
  finishPost,
  lastPostAt,
  monthOf,
  postTimesSince,
  requeuePost,
  STATE_VERSION,
  type StateStore,
  startPost,
  type Validators,
} from "./state.js";

// twitter-text (for compose) and the feed parser are heavy to load, and most runs post nothing
// and get "304 Not Modified" from most feeds: both are loaded on first use.
const loadCompose = () => import("./compose.js");
const loadParse = () => import("./parse.js");

async function containsUrl(text: string): Promise<boolean> {
  return (await loadCompose()).containsUrl(text);
}

/** First-run skips listed one per line; a feed with a long archive gets a count for the rest. */
const FIRST_SIGHT_LINES = 20;

/** A post the network rejected this many times is given up, never retried forever. */
export const MAX_REJECTED_ATTEMPTS = 3;
/** X only refuses duplicates of recent posts: past this, re-sending an unanswered post could post twice. */
export const DUPLICATE_CHECK_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface RunDeps {
  readonly fetchFeed: (url: string, validators: Validators) => Promise<FetchResult>;
  readonly store: StateStore;
  /** Undefined in a dry run: nothing is posted and no state is written. */
  readonly publisher: Publisher | undefined;
  readonly now: () => Date;
  readonly log: Log;
}

export interface RunOptions {
  /** Only these feeds (all when undefined). */
  readonly feedIds?: readonly string[];
}

interface FeedRun {
  readonly feed: FeedConfig;
  state: FeedState | undefined;
  readonly report: FeedReport;
}

export async function run(
  config: Config,
  deps: RunDeps,
  options: RunOptions = {},
): Promise<RunReport> {
  const dryRun = deps.publisher === undefined;
  const feeds = config.feeds.filter(
    (feed) => !options.feedIds || options.feedIds.includes(feed.id),
  );
  const report: RunReport = {
    dryRun,
    startedAt: deps.now().toISOString(),
    feeds: [],
    problems: [],
    notices: [],
  };

  // Each feed is fetched, parsed and recorded in its own task, so its text and items can be
  // freed as soon as it is done; its log lines are written afterwards, feed by feed, in order.
  const limit = pLimit(config.fetch.concurrency);
  const recorded = await Promise.all(
    feeds.map((feed) =>
      limit(async () => {
        const lines = bufferedLog();
        const problems: string[] = [];
        const outcome = await loadAndFetch(feed, deps);
        const feedRun = await recordFeed(
          feed,
          outcome,
          config,
          { ...deps, log: lines.log },
          dryRun,
          problems,
        );
        return { feedRun, lines, problems };
      }),
    ),
  );

  const runs: FeedRun[] = [];
  for (const { feedRun, lines, problems } of recorded) {
    await deps.log.group(`Feed '${feedRun.feed.id}' (${feedRun.feed.url})`, async () =>
      lines.replayTo(deps.log),
    );
    report.feeds.push(feedRun.report);
    report.problems.push(...problems);
    runs.push(feedRun);
  }
  // Budgets and cost are account-wide: feeds left out by --feed still count.
  const others = await loadOthers(feeds, deps);

  await deps.log.group(dryRun ? "Posts (dry run: nothing is sent)" : "Posts", () =>
    postQueued(runs, others, config, deps, report),
  );
  for (const feedRun of runs) {
    feedRun.report.queued = feedRun.state?.queue.length ?? 0;
  }
  report.cost = costReport(runs, others, config, deps.now());
  return report;
}

type FetchOutcome =
  | {
      readonly ok: true;
      readonly state: FeedState | undefined;
      readonly result: FetchResult;
      readonly parsed: ParsedFeed | undefined;
    }
  | {
      readonly ok: false;
      /** "state": the state file is unreadable (the owner must fix it); "fetch": the feed failed. */
      readonly stage: "state" | "fetch";
      readonly state: FeedState | undefined;
      readonly error: string;
    };

/** The I/O half of a feed's turn, run in parallel with the other feeds'. */
async function loadAndFetch(feed: FeedConfig, deps: RunDeps): Promise<FetchOutcome> {
  let state: FeedState | undefined;
  try {
    state = await deps.store.load(feed.id);
  } catch (error) {
    // Without readable state every item would look new: skip the feed rather than repost.
    return { ok: false, stage: "state", state: undefined, error: messageOf(error) };
  }
  try {
    const validators = state?.validators ?? {};
    const sameAddress = validators.url === undefined || validators.url === feed.url;
    const result = await deps.fetchFeed(feed.url, sameAddress ? validators : {});
    const parsed =
      result.kind === "fetched"
        ? await (await loadParse()).parseFeed(result.text, result.url)
        : undefined;
    return { ok: true, state, result, parsed };
  } catch (error) {
    return { ok: false, stage: "fetch", state, error: messageOf(error) };
  }
}

async function recordFeed(
  feed: FeedConfig,
  outcome: FetchOutcome,
  config: Config,
  deps: RunDeps,
  dryRun: boolean,
  problems: string[],
): Promise<FeedRun> {
  const report: FeedReport = {
    feedId: feed.id,
    name: feed.name,
    url: feed.url,
    fetch: "failed",
    firstSight: false,
    newItems: 0,
    recordedAsSeen: 0,
    notes: [],
    posted: [],
    failed: [],
    dropped: [],
    queued: 0,
  };
  if (!outcome.ok && outcome.stage === "state") {
    report.error = outcome.error;
    deps.log.warning(`Feed '${feed.id}' skipped: ${outcome.error}`);
    problems.push(`Feed '${feed.id}': ${outcome.error}`);
    return { feed, state: undefined, report };
  }
  if (!outcome.ok) {
    report.error = outcome.error;
    const failing = recordFailure(outcome.state, feed.id, deps.now(), config.fetch.alertAfterMs);
    if (!dryRun && failing.state !== outcome.state) await deps.store.save(failing.state);
    if (failing.health.kind === "failing") {
      report.failing = { since: failing.health.failingSince, alert: failing.health.alert };
      if (failing.health.alert) {
        problems.push(
          `Feed '${feed.id}' has been failing since ${failing.health.failingSince} (longer than ` +
            `${config.fetch.alertAfterMs / 3_600_000} hours): ${outcome.error} Check that ${feed.url} ` +
            `still works in a browser, and fix or remove the feed in ${config.file}.`,
        );
      }
    }
    deps.log.warning(`Feed '${feed.id}' skipped: ${outcome.error}`);
    return { feed, state: failing.state, report };
  }

  const healthy = recordSuccess(outcome.state);
  if (healthy.health.kind === "recovered") {
    report.recoveredFrom = healthy.health.failingSince;
    deps.log.info(`Feed '${feed.id}' works again (it was failing since ${report.recoveredFrom}).`);
  }
  if (outcome.result.kind === "not-modified" || !outcome.parsed) {
    report.fetch = "not-modified";
    deps.log.info("Not modified since the last run (HTTP 304): nothing new.");
    if (!dryRun && healthy.state && healthy.state !== outcome.state) {
      await deps.store.save(healthy.state);
    }
    return { feed, state: healthy.state, report };
  }

  report.fetch = "fetched";
  const { parsed, result } = { parsed: outcome.parsed, result: outcome.result };
  report.notes.push(...result.notes, ...parsed.notes);
  for (const note of report.notes) deps.log.info(`Note: ${note}`);
  deps.log.info(`Fetched ${plural(parsed.items.length, "item")} (${result.bytes} bytes).`);

  const deduped = dedupeItems(
    healthy.state,
    { feedId: feed.id, firstRunPosts: feed.firstRunPosts },
    parsed,
    { ...result.validators, url: feed.url },
    deps.now(),
  );
  if (deduped.warning) {
    report.notes.push(deduped.warning);
    deps.log.warning(`Feed '${feed.id}': ${deduped.warning}`);
  }
  report.firstSight = deduped.firstSight;
  report.newItems = deduped.queued.length;
  report.recordedAsSeen = deduped.recordedAsSeen.length;
  if (deduped.firstSight) {
    deps.log.info(
      `First time crieur sees this feed: ${plural(deduped.recordedAsSeen.length, "item")} recorded as seen ` +
        `without posting, ${deduped.queued.length} queued (firstRunPosts: ${feed.firstRunPosts}).`,
    );
    // A line per skipped item, newest first, so the owner sees what was not announced.
    const skipped = [...deduped.recordedAsSeen].reverse();
    for (const item of skipped.slice(0, FIRST_SIGHT_LINES)) {
      deps.log.info(`Skipped (first run): "${item.title}".`);
    }
    if (skipped.length > FIRST_SIGHT_LINES) {
      deps.log.info(`… and ${plural(skipped.length - FIRST_SIGHT_LINES, "older item")}.`);
    }
  }
  for (const item of deduped.queued) deps.log.info(`New: "${item.title}" queued.`);
  if (!deduped.firstSight && !deduped.warning && deduped.queued.length === 0) {
    deps.log.info("No new items.");
  }

  if (!dryRun) await deps.store.save(deduped.state);
  return { feed, state: deduped.state, report };
}

/** States of every other feed (left out by --feed, or removed from feeds.yml), read only for
 * account-wide totals: their posts still count toward the daily limit and the monthly cost. */
async function loadOthers(inRun: readonly FeedConfig[], deps: RunDeps): Promise<FeedState[]> {
  const running = new Set(inRun.map((feed) => feed.id));
  const others = (await deps.store.feedIds()).filter((id) => !running.has(id));
  const states = await Promise.all(
    others.map((id) =>
      deps.store.load(id).catch((error: unknown) => {
        deps.log.warning(
          `state/${id}.json is not readable, so its posts are left out of today's and this month's totals: ${messageOf(error)}`,
        );
        return undefined;
      }),
    ),
  );
  return states.filter((state): state is FeedState => state !== undefined);
}

async function postQueued(
  runs: readonly FeedRun[],
  others: readonly FeedState[],
  config: Config,
  deps: RunDeps,
  report: RunReport,
): Promise<void> {
  const live = deps.publisher !== undefined;
  const byId = new Map(runs.map((feedRun) => [feedRun.feed.id, feedRun]));
  const allStates = () => [
    ...runs.flatMap((feedRun) => (feedRun.state ? [feedRun.state] : [])),
    ...others,
  ];

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

  const now = deps.now();
  const dayStart = new Date(now.getTime() - DAY_MS);
  const postTimes = (state: FeedState) => postTimesSince(state, dayStart);
  const globalTimes = allStates().flatMap(postTimes);
  const remainingToday =
    config.limits.maxPostsPerDay === undefined
      ? Number.POSITIVE_INFINITY
      : Math.max(0, config.limits.maxPostsPerDay - globalTimes.length);

  const queues = runs.flatMap((feedRun) => {
    const state = feedRun.state;
    if (!state) return [];
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
    deps.log.info(stoppedLine(report.stoppedPosting));
  }
  if (waiting === 0) deps.log.info("Nothing to post.");
  else if (plan.length < waiting) {
    deps.log.info(
      `${waiting} items wait; ${plan.length} go out in this run (limits.maxPostsPerRun ` +
        `${config.limits.maxPostsPerRun}, the daily limits and each feed's maxPostsPerRun); ` +
        "the rest wait for later runs.",
    );
  }

  if (plan.length === 0) return;
  const { composePost, ComposeError } = await loadCompose();
  for (const planned of plan) {
    if (report.stoppedPosting) break;
    const feedRun = byId.get(planned.feedId) as FeedRun & { state: FeedState };
    const queued = feedRun.state.queue.find((entry) => entry.item.key === planned.key);
    if (!queued) continue;
    let text: string;
    try {
      const composed = composePost({
        item: queued.item,
        feedName: feedRun.feed.name,
        template: feedRun.feed.template,
        hashtags: feedRun.feed.hashtags,
      });
      text = composed.text;
      if (!deps.publisher) {
        deps.log.info(
          `Would post (${composed.weightedLength}/280): ${text.replaceAll("\n", " ⏎ ")}`,
        );
        feedRun.report.posted.push({ title: queued.item.title, text });
        continue;
      }
    } catch (error) {
      if (!(error instanceof ComposeError)) throw error;
      deps.log.warning(
        `Feed '${feedRun.feed.id}': "${queued.item.title}" cannot be posted: ${error.message}`,
      );
      giveUp(feedRun, report, queued.item.title, error.message);
      if (deps.publisher) {
        await save(
          feedRun,
          failPost(
            startPost(feedRun.state, planned.key, "", "x", deps.now()),
            deps.now(),
            error.message,
          ),
          deps,
        );
      }
      continue;
    }
    const overBudget = monthlyBudgetStop(
      config,
      allStates(),
      deps.now(),
      priceOf(await containsUrl(text), config.cost.prices),
    );
    if (overBudget) {
      report.stoppedPosting = overBudget;
      deps.log.warning(stoppedLine(overBudget));
      break;
    }
    await save(
      feedRun,
      startPost(feedRun.state, planned.key, text, deps.publisher.network, deps.now()),
      deps,
    );
    await sendPending(feedRun, deps, report);
  }
}

/** Items older than their feed's maxAge are dropped with a reason instead of posted late. */
async function dropTooOld(runs: readonly FeedRun[], deps: RunDeps): Promise<void> {
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
  deps: RunDeps,
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

function costReport(
  runs: readonly FeedRun[],
  others: readonly FeedState[],
  config: Config,
  now: Date,
): CostReport {
  const states = [...runs.flatMap((feedRun) => (feedRun.state ? [feedRun.state] : [])), ...others];
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

/** A post from an earlier run got no recorded answer (the process died): settle it before anything else. */
/** Returns true when the post was sent again. */
async function settlePending(
  feedRun: FeedRun & { state: FeedState | undefined },
  deps: RunDeps,
  report: RunReport,
): Promise<boolean> {
  const pending = feedRun.state?.pending;
  if (!pending || !deps.publisher) return false;
  const age = deps.now().getTime() - Date.parse(pending.at);
  if (age > DUPLICATE_CHECK_WINDOW_MS) {
    const reason =
      `a post of it was sent on ${pending.at} but its answer was never recorded, and it is too old ` +
      "to re-send safely (X only refuses duplicates of recent posts); check the account's timeline " +
      "and post it by hand if it is missing";
    deps.log.warning(
      `Feed '${feedRun.feed.id}': "${pending.item.title}" left unposted: ${reason}.`,
    );
    giveUp(feedRun, report, pending.item.title, reason);
    await save(
      feedRun,
      failPost(feedRun.state as FeedState, deps.now(), `uncertain: ${reason}`),
      deps,
    );
    return false;
  }
  deps.log.info(
    `Feed '${feedRun.feed.id}': "${pending.item.title}" was being posted when the last run stopped; ` +
      "sending the same text again (X refuses it if the first one went out).",
  );
  await sendPending(feedRun, deps, report);
  return true;
}

/** Sends the feed's pending post and records X's answer. State is saved before returning. */
async function sendPending(feedRun: FeedRun, deps: RunDeps, report: RunReport): Promise<void> {
  const state = feedRun.state as FeedState;
  const pending = state.pending;
  const publisher = deps.publisher;
  if (!pending || !publisher) return;
  const feedId = feedRun.feed.id;
  try {
    const post = await publisher.publish(pending.text);
    await save(feedRun, finishPost(state, deps.now(), post, await containsUrl(pending.text)), deps);
    deps.log.info(`Posted "${pending.item.title}": ${post.url}`);
    feedRun.report.posted.push({ title: pending.item.title, text: pending.text, url: post.url });
    return;
  } catch (error) {
    const failure =
      error instanceof PublishError ? error : new PublishError(messageOf(error), "transient");
    await settleFailure(feedRun, state, pending.item.title, failure, deps, report);
    if (failure.kind === "duplicate" || failure.kind === "rejected") return;
    const resumeAt = failure.details.resumeAt?.toISOString();
    report.stoppedPosting = {
      reason: failure.message,
      kind: failure.kind,
      ...(resumeAt ? { resumeAt } : {}),
    };
    if (failure.kind === "auth") report.problems.push(failure.message);
    if (failure.kind === "rate-limited" && resumeAt) {
      // Remembered in state, so the runs before the reset do not even try.
      await deps.store.saveAccount({
        version: STATE_VERSION,
        postingPausedUntil: resumeAt,
        pauseReason: failure.message,
      });
    }
    deps.log.warning(`Posting stopped for this run (feed '${feedId}'): ${failure.message}`);
  }
}

async function settleFailure(
  feedRun: FeedRun,
  state: FeedState,
  title: string,
  failure: PublishError,
  deps: RunDeps,
  report: RunReport,
): Promise<void> {
  const text = state.pending?.text ?? "";
  const entry: PostReport = { title, text };
  switch (failure.kind) {
    case "duplicate":
      deps.log.warning(
        `"${title}" was already on X (X refused an exact duplicate), so it is recorded as posted.`,
      );
      feedRun.report.posted.push(entry);
      return save(feedRun, finishPost(state, deps.now(), {}, await containsUrl(text)), deps);
    case "rejected": {
      const attempts = (state.pending?.attempts ?? 0) + 1;
      if (attempts >= MAX_REJECTED_ATTEMPTS) {
        deps.log.warning(
          `"${title}" given up after ${attempts} rejected attempts: ${failure.message}`,
        );
        giveUp(feedRun, report, title, failure.message);
        return save(feedRun, failPost(state, deps.now(), failure.message), deps);
      }
      deps.log.warning(
        `"${title}" was rejected (attempt ${attempts} of ${MAX_REJECTED_ATTEMPTS}): ${failure.message}`,
      );
      return save(feedRun, requeuePost(state, true), deps);
    }
    default:
      if (failure.details.maybeSent) {
        // The text may be on X already: keep it in flight, unchanged, so the next run re-sends
        // exactly this text (a duplicate then proves it went out) instead of queueing it anew.
        deps.log.warning(
          `"${title}" may or may not have reached X; the next run sends the same text again.`,
        );
        return;
      }
      // X refused it outright (rate limit, credentials): the item keeps its place for a later run.
      return save(feedRun, requeuePost(state, false), deps);
  }
}

/** An item that will never be posted needs the owner: listed with the feed and fails the run. */
function giveUp(feedRun: FeedRun, report: RunReport, title: string, reason: string): void {
  feedRun.report.failed.push({ title, reason });
  report.problems.push(`Feed '${feedRun.feed.id}': "${title}" will not be posted: ${reason}`);
}

async function save(feedRun: FeedRun, state: FeedState, deps: RunDeps): Promise<void> {
  feedRun.state = state;
  if (deps.publisher) await deps.store.save(state);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
