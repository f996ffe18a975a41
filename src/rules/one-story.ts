/**
 * One story once, across feeds (pure): run after every feed was recorded and before posting.
 * A curation account reads many feeds that carry the same article, often with their own tracking
 * parameters: a queued item whose article (canonical-url.ts) was already posted, is in flight, or
 * was queued first by another feed (earliest `queuedAt`, then feeds.yml's order) is not posted; its
 * feed records it as skipped, with the reason. A feed with `sameStoryWithin` also skips an item
 * whose title tells the same story (similar-titles.ts) as one posted that recently or queued first.
 * A `repost:` is never skipped. Each queued item is looked up once, in maps: O(items).
 */
import { canonicalOf, canonicalUrl } from "../sources/canonical-url.js";
import { storyRecord } from "../sources/story.js";
import type { FeedState, Outcome, QueuedItem } from "../state/feed-state.js";
import type { SkippedItem } from "./dedupe.js";
import { StoryIndex, storyWords } from "./similar-titles.js";

export interface FeedQueue {
  readonly feedId: string;
  readonly state: FeedState;
  /** False for feeds outside this run: their posts and queue count, but are left as they are. */
  readonly inRun: boolean;
  readonly sameStoryWithinMs?: number;
}

export interface OneStoryResult {
  /** The new state of each feed in the run that skipped something. */
  readonly states: ReadonlyMap<string, FeedState>;
  readonly skipped: ReadonlyMap<string, readonly SkippedItem[]>;
}

/** Who has a story first: a post, a post in flight, or an item queued earlier. */
interface Claim {
  readonly feedId: string;
  readonly key: string;
  readonly title: string | undefined;
  readonly how: "posted" | "in flight" | "queued";
  readonly at: string;
}

export function oneStoryOnce(feeds: readonly FeedQueue[], now: Date): OneStoryResult {
  const articles = new Map<string, Claim>();
  const stories = new StoryIndex<Claim>();
  const longestWindow = Math.max(0, ...feeds.map((feed) => feed.sameStoryWithinMs ?? 0));
  const recentSince = new Date(now.getTime() - longestWindow).toISOString();
  const claimArticle = (article: string | undefined, claim: Claim) => {
    if (article !== undefined && !articles.has(article)) articles.set(article, claim);
  };

  for (const { feedId, state } of feeds) {
    for (const [key, outcome] of Object.entries(state.done)) {
      if (outcome.status !== "posted") continue;
      const claim: Claim = { feedId, key, title: outcome.title, how: "posted", at: outcome.at };
      // Records older than canonical addresses: a key that is a link names its article.
      claimArticle(outcome.canonical ?? canonicalUrl(key), claim);
      if (longestWindow > 0 && outcome.title !== undefined && outcome.at >= recentSince) {
        stories.add(storyWords(outcome.title), claim);
      }
    }
    const pending = state.pending;
    if (pending) {
      const { item } = pending;
      const claim: Claim = {
        feedId,
        key: item.key,
        title: item.title,
        how: "in flight",
        at: pending.at,
      };
      if (item.event === undefined) claimArticle(canonicalOf(item), claim);
      if (longestWindow > 0) stories.add(storyWords(item.title), claim);
    }
  }

  const waiting = feeds.flatMap((feed, order) =>
    feed.state.queue.map((queued, index) => ({ feed, order, index, queued })),
  );
  waiting.sort(
    (a, b) =>
      Date.parse(a.queued.queuedAt) - Date.parse(b.queued.queuedAt) ||
      a.order - b.order ||
      a.index - b.index,
  );

  const skipped = new Map<string, SkippedItem[]>();
  for (const { feed, queued } of waiting) {
    const { item } = queued;
    const self = (claim: Claim) => claim.feedId === feed.feedId && claim.key === item.key;
    // Within one feed, items are told apart by their keys (dedupe), so several events may share
    // one agenda page; an event's occurrences all share one link: articles are compared across
    // feeds, and never for events.
    const article = item.event === undefined ? canonicalOf(item) : undefined;
    const words = longestWindow > 0 ? storyWords(item.title) : [];
    const reposted = feed.state.reposts?.[item.key] !== undefined;
    let reason: string | undefined;
    if (!reposted) {
      const first = article === undefined ? undefined : articles.get(article);
      if (first !== undefined && first.feedId !== feed.feedId)
        reason = `duplicate: the same article as ${shown(first)}`;
      const window = feed.sameStoryWithinMs;
      if (reason === undefined && window !== undefined) {
        const since = new Date(now.getTime() - window).toISOString();
        const story = stories.find(
          words,
          (claim) => !self(claim) && (claim.how === "queued" || claim.at >= since),
        );
        if (story !== undefined) {
          reason = `same story as ${shown(story)} (sameStoryWithin: ${duration(window)})`;
        }
      }
    }
    if (reason !== undefined && feed.inRun) {
      const list = skipped.get(feed.feedId) ?? [];
      list.push({ item, reason });
      skipped.set(feed.feedId, list);
      continue;
    }
    if (reason !== undefined) continue;
    const claim: Claim = {
      feedId: feed.feedId,
      key: item.key,
      title: item.title,
      how: "queued",
      at: queued.queuedAt,
    };
    claimArticle(article, claim);
    if (longestWindow > 0) stories.add(words, claim);
  }

  const at = now.toISOString();
  const states = new Map<string, FeedState>();
  for (const feed of feeds) {
    const list = skipped.get(feed.feedId);
    if (!list) continue;
    const keys = new Set(list.map(({ item }) => item.key));
    const done: Record<string, Outcome> = { ...feed.state.done };
    for (const { item, reason } of list) {
      done[item.key] = { status: "skipped", at, reason, ...storyRecord(item) };
    }
    const queue: QueuedItem[] = feed.state.queue.filter(({ item }) => !keys.has(item.key));
    states.set(feed.feedId, { ...feed.state, queue, done });
  }
  return { states, skipped };
}

/** `"Title", posted by 'blog' on 2026-11-20T10:00:00.000Z` */
function shown(claim: Claim): string {
  const title = claim.title === undefined ? "an item" : `"${claim.title}"`;
  const when = claim.how === "queued" ? "" : ` on ${claim.at}`;
  const how =
    claim.how === "queued" ? "queued first" : claim.how === "posted" ? "posted" : "being posted";
  return `${title}, ${how} by '${claim.feedId}'${when}`;
}

/** 259200000 → "3d", 129600000 → "36h". */
function duration(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  return hours % 24 === 0 ? `${hours / 24}d` : `${hours}h`;
}
