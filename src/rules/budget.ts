/**
 * Budget stage (pure): decides which queued items go out in this run, and which are too old.
 *
 * Caps: each feed's `maxPostsPerRun` and `maxPostsPerDay` (rolling 24 hours, counted from state),
 * and the run-wide `limits.maxPostsPerRun` and `limits.maxPostsPerDay`. Feeds take turns, one item
 * each per round, starting with the feed that posted least recently (then the one whose head item
 * waited longest), so over many runs a busy feed cannot starve a quiet one. Items over the caps
 * simply stay queued for later runs, oldest first.
 */
import type { QueuedItem } from "../state/feed-state.js";

export interface FeedQueue {
  readonly feedId: string;
  readonly maxPostsPerRun: number;
  readonly queue: readonly QueuedItem[];
  /** Posts this feed may still send in the rolling 24 hours (no limit when absent). */
  readonly remainingToday?: number;
  /** When this feed last posted (ISO), if ever. */
  readonly lastPostAt?: string;
}

export interface PlannedPost {
  readonly feedId: string;
  readonly key: string;
}

export function planPosts(
  feeds: readonly FeedQueue[],
  maxPostsPerRun: number,
  remainingToday = Number.POSITIVE_INFINITY,
): PlannedPost[] {
  const cap = Math.min(maxPostsPerRun, remainingToday);
  const turns = feeds
    .filter((feed) => feed.queue.length > 0 && capOf(feed) > 0)
    .map((feed) => ({ feed, taken: 0 }))
    .sort(
      (a, b) =>
        (a.feed.lastPostAt ?? "").localeCompare(b.feed.lastPostAt ?? "") ||
        (a.feed.queue[0]?.queuedAt ?? "").localeCompare(b.feed.queue[0]?.queuedAt ?? ""),
    );

  const plan: PlannedPost[] = [];
  let progressed = true;
  while (plan.length < cap && progressed) {
    progressed = false;
    for (const turn of turns) {
      if (plan.length >= cap) break;
      const next = turn.feed.queue[turn.taken];
      if (!next || turn.taken >= capOf(turn.feed)) continue;
      plan.push({ feedId: turn.feed.feedId, key: next.item.key });
      turn.taken += 1;
      progressed = true;
    }
  }
  return plan;
}

function capOf(feed: FeedQueue): number {
  return Math.min(feed.maxPostsPerRun, feed.remainingToday ?? Number.POSITIVE_INFINITY);
}

/** The date an item's age is measured from: its publication, else when crieur queued it. */
export function ageOf(queued: QueuedItem, now: Date): number {
  const published = queued.item.published ? Date.parse(queued.item.published) : Number.NaN;
  const from = Number.isFinite(published) ? published : Date.parse(queued.queuedAt);
  return now.getTime() - from;
}

/** Queued items older than `maxAgeMs`: they are dropped with a reason instead of posted late. */
export function tooOld(
  queue: readonly QueuedItem[],
  maxAgeMs: number | undefined,
  now: Date,
): QueuedItem[] {
  if (maxAgeMs === undefined) return [];
  return queue.filter((queued) => ageOf(queued, now) > maxAgeMs);
}

/** When the oldest of some posts (ISO times) leaves the rolling 24-hour window. */
export function dayWindowOpensAt(postTimes: readonly string[]): Date | undefined {
  const oldest = [...postTimes].sort()[0];
  return oldest === undefined ? undefined : new Date(Date.parse(oldest) + DAY_MS);
}

export const DAY_MS = 24 * 60 * 60 * 1000;
