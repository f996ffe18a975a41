/**
 * The orchestrator: config → fetch → parse → dedupe against state → budget → compose → publish →
 * save state → report. It reads top to bottom; every side effect comes in through `RunDeps`.
 *
 * Guarantees: state is saved before and after every post (a crash never reposts); one feed's
 * failure never stops the others; items over a cap stay queued; nothing is written in a dry run.
 */
import pLimit from "p-limit";
import { planPosts } from "./budget.js";
import { ComposeError, composePost } from "./compose.js";
import type { Config, FeedConfig } from "./config.js";
import { dedupeItems } from "./dedupe.js";
import type { FetchResult } from "./fetch.js";
import type { ParsedFeed } from "./item.js";
import type { Log } from "./log.js";
import { parseFeed } from "./parse.js";
import { PublishError, type Publisher } from "./publish.js";
import { type FeedReport, type PostReport, plural, type RunReport } from "./report.js";
import {
  type FeedState,
  failPost,
  finishPost,
  requeuePost,
  type StateStore,
  startPost,
  type Validators,
} from "./state.js";

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
  };

  const limit = pLimit(config.fetch.concurrency);
  const fetched = await Promise.all(feeds.map((feed) => limit(() => loadAndFetch(feed, deps))));

  const runs: FeedRun[] = [];
  for (const [index, feed] of feeds.entries()) {
    const outcome = fetched[index] as Awaited<ReturnType<typeof loadAndFetch>>;
    const feedRun = await deps.log.group(`Feed '${feed.id}' (${feed.url})`, () =>
      recordFeed(feed, outcome, deps, dryRun),
    );
    report.feeds.push(feedRun.report);
    if (feedRun.report.error) report.problems.push(`Feed '${feed.id}': ${feedRun.report.error}`);
    runs.push(feedRun);
  }

  await deps.log.group(dryRun ? "Posts (dry run: nothing is sent)" : "Posts", () =>
    postQueued(runs, config, deps, report),
  );
  for (const feedRun of runs) {
    feedRun.report.queued = feedRun.state?.queue.length ?? 0;
  }
  return report;
}

type FetchOutcome =
  | {
      readonly ok: true;
      readonly state: FeedState | undefined;
      readonly result: FetchResult;
      readonly parsed: ParsedFeed | undefined;
    }
  | { readonly ok: false; readonly state: FeedState | undefined; readonly error: string };

/** The I/O half of a feed's turn, run in parallel with the other feeds'. */
async function loadAndFetch(feed: FeedConfig, deps: RunDeps): Promise<FetchOutcome> {
  let state: FeedState | undefined;
  try {
    state = await deps.store.load(feed.id);
  } catch (error) {
    // Without readable state every item would look new: skip the feed rather than repost.
    return { ok: false, state: undefined, error: messageOf(error) };
  }
  try {
    const result = await deps.fetchFeed(feed.url, state?.validators ?? {});
    const parsed = result.kind === "fetched" ? await parseFeed(result.text, result.url) : undefined;
    return { ok: true, state, result, parsed };
  } catch (error) {
    return { ok: false, state, error: messageOf(error) };
  }
}

async function recordFeed(
  feed: FeedConfig,
  outcome: FetchOutcome,
  deps: RunDeps,
  dryRun: boolean,
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
    queued: 0,
  };
  if (!outcome.ok) {
    report.error = outcome.error;
    deps.log.warning(`Feed '${feed.id}' skipped: ${outcome.error}`);
    return { feed, state: outcome.state, report };
  }
  if (outcome.result.kind === "not-modified" || !outcome.parsed) {
    report.fetch = "not-modified";
    deps.log.info("Not modified since the last run (HTTP 304): nothing new.");
    return { feed, state: outcome.state, report };
  }

  report.fetch = "fetched";
  const { parsed, result } = { parsed: outcome.parsed, result: outcome.result };
  report.notes.push(...result.notes, ...parsed.notes);
  for (const note of report.notes) deps.log.info(`Note: ${note}`);
  deps.log.info(`Fetched ${plural(parsed.items.length, "item")} (${result.bytes} bytes).`);

  const deduped = dedupeItems(
    outcome.state,
    { feedId: feed.id, firstRunPosts: feed.firstRunPosts },
    parsed.items,
    result.validators,
    deps.now(),
  );
  report.firstSight = deduped.firstSight;
  report.newItems = deduped.queued.length;
  report.recordedAsSeen = deduped.recordedAsSeen.length;
  if (deduped.firstSight) {
    deps.log.info(
      `First time crieur sees this feed: ${plural(deduped.recordedAsSeen.length, "item")} recorded as seen ` +
        `without posting, ${deduped.queued.length} queued (firstRunPosts: ${feed.firstRunPosts}).`,
    );
  }
  for (const item of deduped.queued) deps.log.info(`New: "${item.title}" queued.`);
  if (!deduped.firstSight && deduped.queued.length === 0) deps.log.info("No new items.");

  if (!dryRun) await deps.store.save(deduped.state);
  return { feed, state: deduped.state, report };
}

async function postQueued(
  runs: readonly FeedRun[],
  config: Config,
  deps: RunDeps,
  report: RunReport,
): Promise<void> {
  const byId = new Map(runs.map((feedRun) => [feedRun.feed.id, feedRun]));

  for (const feedRun of runs) {
    if (feedRun.state?.pending && !report.stoppedPosting) {
      await settlePending(feedRun, deps, report);
    }
  }

  const plan = planPosts(
    runs.flatMap((feedRun) =>
      feedRun.state
        ? [
            {
              feedId: feedRun.feed.id,
              maxPostsPerRun: feedRun.feed.maxPostsPerRun,
              queue: feedRun.state.queue,
            },
          ]
        : [],
    ),
    config.limits.maxPostsPerRun,
  );
  const waiting = runs.reduce((total, feedRun) => total + (feedRun.state?.queue.length ?? 0), 0);
  if (waiting === 0) deps.log.info("Nothing to post.");
  else if (plan.length < waiting) {
    deps.log.info(
      `${waiting} items wait; ${plan.length} go out in this run (limits.maxPostsPerRun ` +
        `${config.limits.maxPostsPerRun} and each feed's maxPostsPerRun); the rest wait for later runs.`,
    );
  }

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
      feedRun.report.failed.push({ title: queued.item.title, reason: error.message });
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
    await save(
      feedRun,
      startPost(feedRun.state, planned.key, text, deps.publisher.network, deps.now()),
      deps,
    );
    await sendPending(feedRun, deps, report);
  }
}

/** A post from an earlier run got no recorded answer (the process died): settle it before anything else. */
async function settlePending(
  feedRun: FeedRun & { state: FeedState | undefined },
  deps: RunDeps,
  report: RunReport,
) {
  const pending = feedRun.state?.pending;
  if (!pending || !deps.publisher) return;
  const age = deps.now().getTime() - Date.parse(pending.at);
  if (age > DUPLICATE_CHECK_WINDOW_MS) {
    const reason =
      `a post of it was sent on ${pending.at} but its answer was never recorded, and it is too old ` +
      "to re-send safely (X only refuses duplicates of recent posts); check the account's timeline " +
      "and post it by hand if it is missing";
    deps.log.warning(
      `Feed '${feedRun.feed.id}': "${pending.item.title}" left unposted: ${reason}.`,
    );
    feedRun.report.failed.push({ title: pending.item.title, reason });
    await save(
      feedRun,
      failPost(feedRun.state as FeedState, deps.now(), `uncertain: ${reason}`),
      deps,
    );
    return;
  }
  deps.log.info(
    `Feed '${feedRun.feed.id}': "${pending.item.title}" was being posted when the last run stopped; ` +
      "sending the same text again (X refuses it if the first one went out).",
  );
  await sendPending(feedRun, deps, report);
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
    await save(feedRun, finishPost(state, deps.now(), post), deps);
    deps.log.info(`Posted "${pending.item.title}": ${post.url}`);
    feedRun.report.posted.push({ title: pending.item.title, text: pending.text, url: post.url });
    return;
  } catch (error) {
    const failure =
      error instanceof PublishError ? error : new PublishError(messageOf(error), "transient");
    await settleFailure(feedRun, state, pending.item.title, failure, deps);
    if (failure.kind !== "duplicate" && failure.kind !== "rejected") {
      report.stoppedPosting = {
        reason: failure.message,
        kind: failure.kind,
        ...(failure.details.resumeAt ? { resumeAt: failure.details.resumeAt.toISOString() } : {}),
      };
      if (failure.kind === "auth") report.problems.push(failure.message);
      deps.log.warning(`Posting stopped for this run (feed '${feedId}'): ${failure.message}`);
    }
  }
}

async function settleFailure(
  feedRun: FeedRun,
  state: FeedState,
  title: string,
  failure: PublishError,
  deps: RunDeps,
): Promise<void> {
  const entry: PostReport = { title, text: state.pending?.text ?? "" };
  switch (failure.kind) {
    case "duplicate":
      deps.log.warning(
        `"${title}" was already on X (X refused an exact duplicate), so it is recorded as posted.`,
      );
      feedRun.report.posted.push(entry);
      return save(feedRun, finishPost(state, deps.now(), {}), deps);
    case "rejected": {
      const attempts = (state.pending?.attempts ?? 0) + 1;
      if (attempts >= MAX_REJECTED_ATTEMPTS) {
        deps.log.warning(
          `"${title}" given up after ${attempts} rejected attempts: ${failure.message}`,
        );
        feedRun.report.failed.push({ title, reason: failure.message });
        return save(feedRun, failPost(state, deps.now(), failure.message), deps);
      }
      deps.log.warning(
        `"${title}" was rejected (attempt ${attempts} of ${MAX_REJECTED_ATTEMPTS}): ${failure.message}`,
      );
      return save(feedRun, requeuePost(state, true), deps);
    }
    default:
      // Rate limits, auth and outages: the item keeps its place for a later run.
      return save(feedRun, requeuePost(state, false), deps);
  }
}

async function save(feedRun: FeedRun, state: FeedState, deps: RunDeps): Promise<void> {
  feedRun.state = state;
  if (deps.publisher) await deps.store.save(state);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
