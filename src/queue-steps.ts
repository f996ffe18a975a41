/**
 * The queues between recording the feeds and posting: event posts planned (reminders, held
 * announcements, change notices), events that must never be announced dropped, one article or
 * story posted once across feeds; broken events told once. Each step is a pure rule applied to
 * the feeds' states, saved right away.
 * May import: config, rules, sources, state, report, errors, in-flight.
 */
import type { FeedRun, PostingDeps } from "./in-flight.js";
import { type FeedReport, plural } from "./report/report.js";
import type { SkippedItem } from "./rules/dedupe.js";
import { planEventPosts, upcomingEventPosts } from "./rules/event-posts.js";
import { brokenEvents, type DroppedEvent, dropUnpostableEvents } from "./rules/events.js";
import { oneStoryOnce } from "./rules/one-story.js";
import { skippedEventLine } from "./sources/agenda.js";
import type { Item, ParsedFeed } from "./sources/item.js";
import type { FeedState } from "./state/feed-state.js";
import {
  PRIMARY_TARGET,
  refreshTargetQueues,
  targetsOf,
  targetView,
  withTargetView,
} from "./state/targets.js";

/** Items recorded without posting, listed one per line; a long archive gets a count for the rest. */
export const SKIPPED_LINES = 20;
/** How far ahead the preview and the job summary list the coming event posts. */
const UPCOMING_MS = 14 * 86_400_000;

/** One article, or one story, is posted once across feeds: later copies are recorded as skipped. */
export async function skipRepeatedStories(
  runs: readonly FeedRun[],
  others: readonly FeedState[],
  deps: PostingDeps,
  dryRun: boolean,
): Promise<void> {
  const inRun = runs.flatMap((feedRun) =>
    feedRun.state
      ? [
          {
            feedId: feedRun.feed.id,
            // A paused feed's waiting items claim no article: they may wait a long time.
            state: feedRun.feed.pause ? { ...feedRun.state, queue: [] } : feedRun.state,
            inRun: true,
            ...(feedRun.feed.sameStoryWithinMs === undefined
              ? {}
              : { sameStoryWithinMs: feedRun.feed.sameStoryWithinMs }),
          },
        ]
      : [],
  );
  const outside = others.map((state) => ({ feedId: state.feedId, state, inRun: false }));
  const result = oneStoryOnce([...inRun, ...outside], deps.now());
  for (const feedRun of runs) {
    const state = result.states.get(feedRun.feed.id);
    if (!state) continue;
    feedRun.state = state;
    const skipped = result.skipped.get(feedRun.feed.id) ?? [];
    reportSkipped(feedRun.report, skipped, deps.log, `Feed '${feedRun.feed.id}': `);
    if (!dryRun) await deps.store.save(state);
  }
}

/** Skipped items go to the report and to the log, a bounded number of lines. */
export function reportSkipped(
  report: FeedReport,
  skipped: readonly SkippedItem[],
  log: PostingDeps["log"],
  prefix = "",
): void {
  for (const { item, reason } of skipped) report.skipped.push({ title: item.title, reason });
  for (const { item, reason } of skipped.slice(0, SKIPPED_LINES)) {
    log.info(`${prefix}Skipped: "${item.title}" — ${reason}.`);
  }
  if (skipped.length > SKIPPED_LINES) {
    log.info(`${prefix}… and ${plural(skipped.length - SKIPPED_LINES, "more item")} skipped.`);
  }
}

/**
 * Event posts (rules/event-posts.ts): held announcements released, reminders and change notices
 * queued when due, late ones dropped. Runs on 304 and failed fetches too, from remembered events.
 */
export async function planEvents(
  feedRun: FeedRun,
  fetched: readonly Item[] | undefined,
  deps: PostingDeps,
  dryRun: boolean,
): Promise<void> {
  const settings = feedRun.feed.eventPosts;
  if (!feedRun.state || !settings) return;
  const now = deps.now();
  const plan = planEventPosts(feedRun.state, fetched, settings, now);
  for (const item of plan.held) {
    deps.log.info(`"${item.title}" held: announced once it starts within announceWithin.`);
  }
  for (const item of plan.queued) deps.log.info(`Event post: "${item.title}" queued.`);
  for (const { item, reason } of plan.dropped) {
    deps.log.info(`"${item.title}" dropped, ${reason}.`);
    feedRun.report.dropped.push({ title: item.title, reason });
  }
  feedRun.report.newItems += plan.queued.length - plan.held.length;
  feedRun.report.upcoming = upcomingEventPosts(plan.state, settings, now, UPCOMING_MS);
  for (const post of feedRun.report.upcoming.slice(0, SKIPPED_LINES)) {
    deps.log.info(`Coming: ${post.kind} "${post.title}", due from ${post.due}.`);
  }
  const changed = JSON.stringify(plan.state) !== JSON.stringify(feedRun.state);
  feedRun.state = plan.state;
  if (changed && !dryRun) await deps.store.save(plan.state);
}

/**
 * Queued events that must never be announced (cancelled, postponed, over) leave every target's
 * queue, each target recording why: one that waits for its turn would announce them too. The
 * other targets' queues first get this fetch's version of their items (`fetched`).
 */
export async function dropUnpostable(
  feedRun: FeedRun,
  fetched: readonly Item[] | undefined,
  deps: PostingDeps,
  dryRun: boolean,
): Promise<void> {
  if (!feedRun.state) return;
  const now = deps.now();
  let state = fetched ? refreshTargetQueues(feedRun.state, fetched) : feedRun.state;
  const byKey = new Map<string, DroppedEvent & { targets: string[] }>();
  for (const target of targetsOf(state)) {
    const result = dropUnpostableEvents(targetView(state, target), now);
    if (result.dropped.length === 0) continue;
    state = withTargetView(state, target, result.state);
    for (const { item, reason } of result.dropped) {
      const entry = byKey.get(item.key) ?? { item, reason, targets: [] };
      entry.targets.push(target);
      byKey.set(item.key, entry);
    }
  }
  if (byKey.size === 0 && state === feedRun.state) return;
  for (const { item, reason, targets } of byKey.values()) {
    // Out of X's queue (the top level), it reaches no other target: no need to name them.
    const where = targets.includes(PRIMARY_TARGET) ? "" : ` (${targets.join(", ")})`;
    deps.log.info(`"${item.title}" dropped${where}, ${reason}.`);
    feedRun.report.dropped.push({ title: item.title, reason });
  }
  feedRun.state = state;
  if (!dryRun) await deps.store.save(state);
}

/**
 * A calendar's or page's broken events (left out, the rest still read) are a warning once per
 * problem, and again when it changes, not every run until the owner fixes them. A dry run (the
 * preview) warns of them all.
 */
export async function tellBrokenEvents(
  feedRun: FeedRun,
  parsed: ParsedFeed | undefined,
  deps: PostingDeps,
  dryRun: boolean,
): Promise<void> {
  if (!feedRun.state || !parsed?.events) return;
  const { state, broken } = brokenEvents(feedRun.state, parsed.events, deps.now());
  for (const { event, toldAt } of broken) {
    const line = skippedEventLine(event);
    if (toldAt === undefined || dryRun) {
      feedRun.report.notes.push(line);
      deps.log.warning(`Feed '${feedRun.feed.id}': ${line}`);
    } else {
      deps.log.info(`${line} Warned on ${toldAt}; not repeated until it changes.`);
    }
  }
  if (state === feedRun.state) return;
  feedRun.state = state;
  if (!dryRun) await deps.store.save(state);
}
