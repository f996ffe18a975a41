/**
 * Budget stage (pure): decides which queued items go out in this run.
 *
 * Caps: each feed's `maxPostsPerRun` and the run-wide `limits.maxPostsPerRun`. Feeds take turns,
 * one item each per round, starting with the feed that has waited longest, so a busy feed cannot
 * starve a quiet one. Items over the caps simply stay queued for later runs.
 */
import type { QueuedItem } from "./state.js";

export interface FeedQueue {
  readonly feedId: string;
  readonly maxPostsPerRun: number;
  readonly queue: readonly QueuedItem[];
}

export interface PlannedPost {
  readonly feedId: string;
  readonly key: string;
}

export function planPosts(feeds: readonly FeedQueue[], maxPostsPerRun: number): PlannedPost[] {
  const turns = feeds
    .filter((feed) => feed.queue.length > 0 && feed.maxPostsPerRun > 0)
    .map((feed) => ({ feed, taken: 0 }))
    .sort((a, b) =>
      (a.feed.queue[0]?.queuedAt ?? "").localeCompare(b.feed.queue[0]?.queuedAt ?? ""),
    );

  const plan: PlannedPost[] = [];
  let progressed = true;
  while (plan.length < maxPostsPerRun && progressed) {
    progressed = false;
    for (const turn of turns) {
      if (plan.length >= maxPostsPerRun) break;
      const next = turn.feed.queue[turn.taken];
      if (!next || turn.taken >= turn.feed.maxPostsPerRun) continue;
      plan.push({ feedId: turn.feed.feedId, key: next.item.key });
      turn.taken += 1;
      progressed = true;
    }
  }
  return plan;
}
