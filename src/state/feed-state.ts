/**
 * A feed's state as plain data, and the pure transitions around one post.
 *
 * It remembers every item key crieur has seen and what happened to it, the items waiting to be
 * posted, the post in flight (so a crash between the network's answer and the state write never
 * reposts), and the feed's HTTP validators. `store.ts` reads and writes it; nothing here touches
 * the disk.
 *
 * State wing (state/): the feed state as data (this file) and its file schema (schema), the
 * files on disk (store), the run lock (lock) and the three-way merge of two versions (merge).
 * May import: errors, sources.
 */

import { canonicalRecord } from "../sources/canonical-url.js";
import type { Validators as HttpValidators } from "../sources/fetch.js";
import type { EventStatus, Item } from "../sources/item.js";
import { storyRecord } from "../sources/story.js";

export const STATE_VERSION = 1;

/**
 * What finally happened to an item key, and the item's story (sources/story.ts), by which dedupe
 * recognises the item should the feed give it another key. Records older than stories lack it.
 * "skipped": not posted on purpose (the feed's filters, skip:, pause:, the same article or story
 * from another feed), with the reason.
 */
export type Outcome = (
  | { readonly status: "seen"; readonly at: string }
  | {
      readonly status: "posted";
      readonly at: string;
      readonly network: string;
      readonly postId?: string;
      readonly url?: string;
      /** The title posted and the article's canonical address: one story is posted once. */
      readonly title?: string;
      readonly canonical?: string;
    }
  | { readonly status: "failed"; readonly at: string; readonly reason: string }
  | { readonly status: "skipped"; readonly at: string; readonly reason: string }
) & { readonly story?: string };

/** Posts sent in one calendar month (UTC), kept apart from `done` so pruning never loses them. */
export interface MonthCount {
  readonly posts: number;
  /** Posts containing a URL, which X bills at a higher price. */
  readonly postsWithUrl: number;
}

/** An item waiting for its turn; `attempts` counts posts the network rejected. */
export interface QueuedItem {
  readonly item: Item;
  readonly queuedAt: string;
  readonly attempts?: number;
}

/**
 * A post sent (or about to be sent) whose answer is not recorded yet. Found when a run starts,
 * it may be on the network already: it is only ever re-sent with this text, never requeued.
 */
export interface PendingPost {
  readonly item: Item;
  readonly queuedAt: string;
  readonly text: string;
  readonly network: string;
  readonly at: string;
  readonly attempts?: number;
}

/** HTTP validators of the feed's last download, and the address they belong to. */
export interface Validators extends HttpValidators {
  /** Validators of another address mean nothing: after a url change the feed is fetched in full. */
  readonly url?: string;
  /** Digest of the items they came with: a server may send new validators with every answer. */
  readonly contentHash?: string;
}

export interface FeedState {
  readonly version: typeof STATE_VERSION;
  readonly feedId: string;
  readonly validators: Validators;
  /** Items waiting to be posted, in posting order. */
  readonly queue: readonly QueuedItem[];
  readonly pending?: PendingPost;
  /** Every key crieur has dealt with, and how. */
  readonly done: Readonly<Record<string, Outcome>>;
  /** Posts per month ("2026-11"), for the cost shown in the summary and monthlyBudgetUSD. */
  readonly months?: Readonly<Record<string, MonthCount>>;
  /** When the feed started failing (unreachable, HTTP error, not a feed); absent while it works. */
  readonly failingSince?: string;
  /**
   * Set on a state written for a feed that failed before its first successful fetch, so that
   * first fetch still counts as "first sight" (its items are recorded, not posted).
   */
  readonly neverFetched?: true;
  /** Set once the feed was caught giving its items unreliable GUIDs; never cleared by a merge. */
  readonly unreliableGuids?: true;
  /** The largest number of items one fetch of this feed returned. */
  readonly maxItemsSeen?: number;
  /**
   * Keys that feeds.yml's `repost:` queued again, and when: each is reposted once while it stays
   * listed there. Forgotten once the key leaves the list.
   */
  readonly reposts?: Readonly<Record<string, string>>;
  /**
   * Broken events of a calendar or agenda page already told to the owner, by problem (without
   * its line number), and when: each is a warning once, and again only once it changes.
   */
  readonly brokenEvents?: Readonly<Record<string, string>>;
  /** Upcoming events of a calendar or agenda page, by item key (see rules/event-posts.ts). */
  readonly events?: Readonly<Record<string, TrackedEvent>>;
  /**
   * Every target but "x", by name (feeds.yml `targets:`): its own queue, post in flight, outcomes
   * and monthly counts. Target "x" keeps the top-level fields, so a file written before targets
   * existed reads as "posted to x" (state/targets.ts).
   */
  readonly targets?: Readonly<Record<string, TargetLane>>;
}

/**
 * An upcoming event crieur remembers between fetches, so a run whose feed answers 304 still
 * posts a due reminder, a held announcement comes out in time, and a change is noticed.
 */
export interface TrackedEvent {
  /** The event as last fetched. */
  readonly item: Item;
  /** When crieur first saw it: reminders due before then are not crieur's to make. */
  readonly since: string;
  /** Its start and status when its announcement was queued; absent while not announced. */
  readonly announced?: { readonly start: string; readonly status: EventStatus };
  /** Announcement held until the event is within announceWithin. */
  readonly held?: true;
}

/** One target's part of a feed's state: what is still to post there, and what went out. */
export interface TargetLane {
  readonly queue: readonly QueuedItem[];
  readonly pending?: PendingPost;
  readonly done: Readonly<Record<string, Outcome>>;
  readonly months?: Readonly<Record<string, MonthCount>>;
}

/** Account-wide state (`_account.json`): what applies to every feed of the X account. */
export interface AccountState {
  readonly version: typeof STATE_VERSION;
  /** X refused posts until then (rate limit): runs before it do not even try. */
  readonly postingPausedUntil?: string;
  readonly pauseReason?: string;
  /** The same pause for every other target, by name. */
  readonly targets?: Readonly<Record<string, TargetPause>>;
}

export interface TargetPause {
  readonly postingPausedUntil?: string;
  readonly pauseReason?: string;
}

export function emptyState(feedId: string): FeedState {
  return { version: STATE_VERSION, feedId, validators: {}, queue: [], done: {} };
}

/** Answers whether crieur already knows a key: done, waiting, or in flight. */
export function keyChecker(state: FeedState): (key: string) => boolean {
  // A set, not a scan of the queue per item: a feed of n items against a long queue stays O(n).
  const waiting = new Set(state.queue.map((queued) => queued.item.key));
  if (state.pending) waiting.add(state.pending.item.key);
  const held = state.events ?? {};
  return (key) => Object.hasOwn(state.done, key) || waiting.has(key) || held[key]?.held === true;
}

// Pure transitions around one post. Each returns the new state; the posting loop saves it right away.

/** Moves the queue's head item into `pending` with its exact text, before the request is sent. */
export function startPost(
  state: FeedState,
  key: string,
  text: string,
  network: string,
  now: Date,
): FeedState {
  // Overwriting a post in flight would forget a text that may be on X already.
  if (state.pending) {
    throw new Error(`Feed "${state.feedId}" already has a post in flight.`);
  }
  const queued = state.queue.find((entry) => entry.item.key === key);
  if (!queued) throw new Error(`Item "${key}" is not queued in feed "${state.feedId}".`);
  return {
    ...state,
    queue: state.queue.filter((entry) => entry !== queued),
    pending: { ...queued, text, network, at: now.toISOString() },
  };
}

function withoutPending(state: FeedState): FeedState {
  const { pending: _settled, ...rest } = state;
  return rest;
}

/** The UTC month of a date, as the key of `FeedState.months`. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/**
 * The network accepted the pending post (or proved it had it already). The month's counter goes
 * up in the same write, so a crash can never count a post twice or miss one.
 */
export function finishPost(
  state: FeedState,
  now: Date,
  post: { readonly id?: string; readonly url?: string },
  containsUrl = false,
): FeedState {
  const pending = requirePending(state);
  const month = monthOf(now);
  const count = state.months?.[month] ?? { posts: 0, postsWithUrl: 0 };
  const months = {
    ...state.months,
    [month]: { posts: count.posts + 1, postsWithUrl: count.postsWithUrl + (containsUrl ? 1 : 0) },
  };
  const outcome: Outcome = {
    status: "posted",
    at: now.toISOString(),
    network: pending.network,
    ...(post.id ? { postId: post.id } : {}),
    ...(post.url ? { url: post.url } : {}),
    title: pending.item.title,
    ...canonicalRecord(pending.item),
    ...storyRecord(pending.item),
  };
  return {
    ...withoutPending(state),
    months,
    done: { ...state.done, [pending.item.key]: outcome },
  };
}

/** When each post recorded in `done` after `since` went out (rolling budgets count these). */
export function postTimesSince(state: FeedState, since: Date): string[] {
  const from = since.toISOString();
  return Object.values(state.done).flatMap((o) =>
    o.status === "posted" && o.at > from ? [o.at] : [],
  );
}

/** When the feed last posted, or undefined: the feed that waited longest goes first. */
export function lastPostAt(state: FeedState): string | undefined {
  let last: string | undefined;
  for (const outcome of Object.values(state.done)) {
    if (outcome.status === "posted" && (last === undefined || outcome.at > last)) last = outcome.at;
  }
  return last;
}

/**
 * A queued item that will not be posted (e.g. too old): it leaves the queue with the reason. A
 * repost (feeds.yml `repost:`) of a posted item keeps its record that it was posted: the post
 * exists, and dedupe and one-story-once depend on knowing it.
 */
export function dropQueued(state: FeedState, key: string, now: Date, reason: string): FeedState {
  const queue = state.queue.filter((entry) => entry.item.key !== key);
  if (state.done[key]?.status === "posted") return { ...state, queue };
  return {
    ...state,
    queue,
    done: { ...state.done, [key]: { status: "failed", at: now.toISOString(), reason } },
  };
}

/** The post did not go out; the item goes back to the head of the queue for a later run. */
export function requeuePost(state: FeedState, countAttempt: boolean): FeedState {
  const pending = requirePending(state);
  const attempts = (pending.attempts ?? 0) + (countAttempt ? 1 : 0);
  const queued: QueuedItem = {
    item: pending.item,
    queuedAt: pending.queuedAt,
    ...(attempts > 0 ? { attempts } : {}),
  };
  return { ...withoutPending(state), queue: [queued, ...state.queue] };
}

/**
 * The item will never be posted: remember why, so it shows in the report and is not retried. A
 * failed repost keeps the record of the post that went out before, as dropQueued does.
 */
export function failPost(state: FeedState, now: Date, reason: string): FeedState {
  const pending = requirePending(state);
  if (state.done[pending.item.key]?.status === "posted") return withoutPending(state);
  const outcome: Outcome = {
    status: "failed",
    at: now.toISOString(),
    reason,
    ...storyRecord(pending.item),
  };
  return { ...withoutPending(state), done: { ...state.done, [pending.item.key]: outcome } };
}

function requirePending(state: FeedState): PendingPost {
  if (!state.pending) throw new Error(`Feed "${state.feedId}" has no post in flight.`);
  return state.pending;
}
