/**
 * The orchestrator: config → fetch → parse → dedupe against state → budget → compose → publish →
 * save state → report. It reads top to bottom; every side effect comes in through `RunDeps`.
 *
 * Guarantees: state is saved before and after every post (a crash never reposts); one feed's
 * failure never stops the others; items over a cap or outside the posting hours stay queued; a
 * rate limit is remembered so later runs do not even try before it resets; nothing is written in
 * a dry run.
 *
 * May import: config, sources, rules, publishers, state, report, errors, posting, in-flight,
 * queue-steps.
 */
import pLimit from "p-limit";
import type { Config, FeedConfig } from "./config/defaults.js";
import { type FeedRun, messageOf, type PostingDeps } from "./in-flight.js";
import { costReport, postQueued, postsAnywhere } from "./posting.js";
import {
  dropUnpostable,
  planEvents,
  reportSkipped,
  SKIPPED_LINES,
  skipRepeatedStories,
  tellBrokenEvents,
} from "./queue-steps.js";
import { bufferedLog } from "./report/log.js";
import { type FeedReport, plural, type RunReport } from "./report/report.js";
import { dedupeItems } from "./rules/dedupe.js";
import { recordFailure, recordSuccess } from "./rules/feed-health.js";
import type { Screen } from "./rules/filter.js";
import { applyOverrides, screensOf } from "./rules/overrides.js";
import type { FetchResult } from "./sources/fetch.js";
import type { ParsedFeed } from "./sources/item.js";
import type { FeedState, Validators } from "./state/feed-state.js";

// The feed parser is heavy to load, and most feeds answer "304 Not Modified": loaded on first use.
const loadParse = () => import("./sources/parse.js");

export interface RunDeps extends PostingDeps {
  readonly fetchFeed: (url: string, validators: Validators) => Promise<FetchResult>;
}

export interface RunOptions {
  /** Only these feeds (all when undefined). */
  readonly feedIds?: readonly string[];
}

export async function run(
  config: Config,
  deps: RunDeps,
  options: RunOptions = {},
): Promise<RunReport> {
  const dryRun = !postsAnywhere(deps);
  const feeds = config.feeds.filter(
    (feed) => !options.feedIds || options.feedIds.includes(feed.id),
  );
  const report: RunReport = {
    dryRun,
    startedAt: deps.now().toISOString(),
    feeds: [],
    problems: [],
    notices: [],
    postsInOrder: [],
  };

  const screens = await screensOf(feeds);
  // Items new in this run are queued at one time, whichever feed answered first: two feeds with
  // the same article tie, and feeds.yml's order decides (rules/one-story.ts), run after run alike.
  const queuedAt = deps.now();
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
          { dryRun, screen: screens.get(feed.id), queuedAt },
          problems,
        );
        const parsed = outcome.ok ? outcome.parsed : undefined;
        await tellBrokenEvents(feedRun, parsed, { ...deps, log: lines.log }, dryRun);
        const fetched = parsed?.items;
        await planEvents(feedRun, fetched, { ...deps, log: lines.log }, dryRun);
        await dropUnpostable(feedRun, fetched, { ...deps, log: lines.log }, dryRun);
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
  await skipRepeatedStories(runs, others, deps, dryRun);

  // A paused feed posts nothing; its posts still count toward the account's totals.
  const posting = runs.filter((feedRun) => !feedRun.feed.pause);
  const paused = runs.flatMap((feedRun) =>
    feedRun.feed.pause && feedRun.state ? [feedRun.state] : [],
  );
  await deps.log.group(dryRun ? "Posts (dry run: nothing is sent)" : "Posts", () =>
    postQueued(posting, [...others, ...paused], config, deps, report),
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
    // A repost needs the item's text, which only the feed has: fetched in full until it is done.
    const repostDue = feed.repost?.some((key) => state?.reposts?.[key] === undefined) === true;
    const result = await deps.fetchFeed(feed.url, sameAddress && !repostDue ? validators : {});
    const parsed =
      result.kind === "fetched"
        ? await (await loadParse()).parseFeed(result.text, result.url, {
            now: deps.now(),
            horizonMs: feed.horizonMs,
            ...(feed.timeZone ? { timeZone: feed.timeZone } : {}),
            ...(feed.type ? { type: feed.type } : {}),
          })
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
  {
    dryRun,
    screen,
    queuedAt,
  }: { readonly dryRun: boolean; readonly screen: Screen | undefined; readonly queuedAt: Date },
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
    skipped: [],
    queued: 0,
    ...(feed.pause ? { paused: true } : {}),
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
    let state = healthy.state;
    if (state && feed.skip) {
      const overridden = applyOverrides(state, undefined, feed, deps.now());
      reportSkipped(report, overridden.skipped, deps.log);
      if (overridden.skipped.length > 0) state = overridden.state;
    }
    if (!dryRun && state && state !== outcome.state) await deps.store.save(state);
    return { feed, state, report };
  }

  report.fetch = "fetched";
  const { parsed, result } = { parsed: outcome.parsed, result: outcome.result };
  report.notes.push(...result.notes, ...parsed.notes);
  for (const note of report.notes) deps.log.info(`Note: ${note}`);
  deps.log.info(`Fetched ${plural(parsed.items.length, "item")} (${result.bytes} bytes).`);

  const deduped = dedupeItems(
    healthy.state,
    { feedId: feed.id, firstRunPosts: feed.firstRunPosts, ...(screen ? { screen } : {}) },
    parsed,
    { ...result.validators, url: feed.url },
    queuedAt,
  );
  const overridden = applyOverrides(deduped.state, parsed.items, feed, deps.now());
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
  }
  // A line per skipped item, newest first, so the owner sees what was not announced.
  const skipped = [...deduped.recordedAsSeen].reverse();
  const why = deduped.firstSight ? "first run" : "recorded, not posted";
  for (const item of skipped.slice(0, SKIPPED_LINES)) {
    deps.log.info(`Skipped (${why}): "${item.title}".`);
  }
  if (skipped.length > SKIPPED_LINES) {
    deps.log.info(`… and ${plural(skipped.length - SKIPPED_LINES, "older item")}.`);
  }
  reportSkipped(report, [...deduped.skipped, ...overridden.skipped], deps.log);
  for (const item of deduped.queued) deps.log.info(`New: "${item.title}" queued.`);
  for (const item of overridden.reposted) {
    deps.log.info(`Repost: "${item.title}" queued again (repost: in ${config.file}).`);
  }
  for (const warning of overridden.warnings) {
    report.notes.push(warning);
    deps.log.warning(`Feed '${feed.id}': ${warning}`);
  }
  if (
    !deduped.firstSight &&
    !deduped.warning &&
    deduped.queued.length === 0 &&
    deduped.skipped.length === 0
  ) {
    deps.log.info("No new items.");
  }
  if (feed.pause) deps.log.info(`Paused (pause: true in ${config.file}): nothing is posted.`);

  if (!dryRun) await deps.store.save(overridden.state);
  return { feed, state: overridden.state, report };
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
