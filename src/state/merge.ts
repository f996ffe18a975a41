/**
 * State merge (pure): two versions of one feed's state file → one, when both sides changed it
 * (the bot's run and a commit that reached main meanwhile). Used by commit-state before it pushes.
 *
 * The rule, in order of what matters most:
 * - `done` is the union of both sides. For a key both sides settled, the stronger outcome wins:
 *   posted > failed > skipped > seen (a posted record is never lost: losing one means a repost);
 *   between equals, the earlier one (the first time it happened) — except a post made after the
 *   key's `repost:` was queued: that is the repost, and its record must not be lost.
 * - `reposts` (keys queued again by repost:) is the union, the earlier time for a key both have.
 *   A key done before its repost was queued is still waiting to be reposted.
 * - `pending` (a post in flight) is kept when either side has it and the other side has not settled
 *   its key in `done`. Two different posts in flight cannot both stay (one slot): the newer stays,
 *   the older is recorded as failed "uncertain" — it may have gone out, so it is never re-sent
 *   blindly — and the merge says so in its notes.
 * - `queue` is the union of both queues minus every key that is done or in flight, oldest first
 *   (stable: `ours` order wins among equals); an item queued on both sides keeps its higher attempts.
 * - `months` (posts per month, which monthlyBudgetUSD reads) adds up what each side posted since
 *   the common version: base + Δours + Δtheirs, never lower than either side; without a common
 *   version, the higher count of each month. An undercount would let the budget overspend.
 * - `neverFetched` stays only when both sides have it: a side that fetched has recorded the feed's
 *   items, and treating the next fetch as first sight again would record new items unposted.
 * - `failingSince` is cleared when either side saw the feed work (the newer news is in `ours`, but
 *   a failing feed is re-detected on the next run, while a false alarm would not go away); between
 *   two failing sides, the earlier date. `unreliableGuids` holds if either side found it;
 *   `maxItemsSeen` is the higher of the two.
 * - `events` (upcoming events, rules/event-posts.ts) merge event by event: one tracked on one side
 *   only is kept, unless the common version had it (the other side forgot it: over, or gone
 *   from the feed). For one on both sides, the event as `ours` (the newer run) last fetched it,
 *   first seen at the earlier `since`; announced if either side announced it (an announcement
 *   is never held again, nor its change notices lost), else held if either holds it.
 * - `validators` and any other field come from `ours`, the newer run: it fetched last. Taking one
 *   side's validators is safe because `done` is the union, so no item can look new again.
 *
 * - `targets` (every target but "x", state/targets.ts): each target's queue, post in flight,
 *   outcomes and counts merge by the same rules, target by target; a target on one side only is kept.
 *
 * `_account.json` (account-wide, not a feed) merges with mergeAccountStates: the later pause wins,
 * target by target.
 */

import type {
  AccountState,
  FeedState,
  MonthCount,
  Outcome,
  PendingPost,
  QueuedItem,
  TrackedEvent,
} from "./feed-state.js";
import { StateError } from "./store.js";
import { accountView, targetView, withAccountView, withTargetView } from "./targets.js";

export interface MergedState {
  readonly state: FeedState;
  /** What the merge had to decide that the owner should know about. */
  readonly notes: readonly string[];
}

const STRENGTH: Record<Outcome["status"], number> = { seen: 0, skipped: 1, failed: 2, posted: 3 };

/**
 * Merges `theirs` (the version on the remote) with `ours` (this run's, the newer one); `base` is
 * the version both started from, when known (it makes the monthly counts exact).
 */
export function mergeFeedStates(theirs: FeedState, ours: FeedState, base?: FeedState): MergedState {
  if (theirs.feedId !== ours.feedId || theirs.version !== ours.version) {
    throw new StateError(
      `Cannot merge state of feed "${ours.feedId}" (format ${ours.version}) with state of feed ` +
        `"${theirs.feedId}" (format ${theirs.version}): they are not versions of the same file.`,
    );
  }
  const top = mergeRecords(theirs, ours, base);
  const names = new Set([...Object.keys(theirs.targets ?? {}), ...Object.keys(ours.targets ?? {})]);
  if (names.size === 0) return top;
  const notes = [...top.notes];
  let state: FeedState = { ...top.state, targets: {} };
  for (const target of names) {
    const lane = (side: FeedState) => {
      const { targets: _targets, ...view } = targetView(side, target);
      return view;
    };
    const merged = mergeRecords(lane(theirs), lane(ours), base && lane(base));
    notes.push(...merged.notes.map((note) => `${note} (target '${target}')`));
    state = withTargetView(state, target, merged.state);
  }
  return { state, notes };
}

/** One target's records (or the top level's) merged, as described at the top of this file. */
function mergeRecords(theirs: FeedState, ours: FeedState, base?: FeedState): MergedState {
  const notes: string[] = [];
  const reposts = mergeReposts(theirs.reposts, ours.reposts);
  const done: Record<string, Outcome> = { ...theirs.done };
  for (const [key, outcome] of Object.entries(ours.done)) {
    const other = done[key];
    done[key] = other ? stronger(other, outcome, reposts?.[key]) : outcome;
  }

  // A key reposted is done and queued at once: done only counts once the repost went out.
  const settled = (key: string) => {
    const outcome = done[key];
    const repostedAt = reposts?.[key];
    if (outcome === undefined) return false;
    return repostedAt === undefined || !isBefore(outcome.at, repostedAt);
  };

  let pending: PendingPost | undefined;
  const inFlight = [ours.pending, theirs.pending].filter(
    (post): post is PendingPost => post !== undefined && !settled(post.item.key),
  );
  const [first, second] = inFlight;
  if (first && second && first.item.key !== second.item.key) {
    const [newer, older] =
      Date.parse(first.at) >= Date.parse(second.at) ? [first, second] : [second, first];
    pending = newer;
    const reason =
      `uncertain: another post was in flight in the other version of this state file when they ` +
      `were merged; check the account's timeline and post "${older.item.title}" by hand if it is missing`;
    done[older.item.key] = { status: "failed", at: older.at, reason };
    notes.push(`Feed '${ours.feedId}': "${older.item.title}" ${reason}.`);
  } else if (first && second) {
    pending = (first.attempts ?? 0) >= (second.attempts ?? 0) ? first : second;
  } else {
    pending = first;
  }

  const queue = mergeQueues(ours.queue, theirs.queue).filter(
    (entry) => !settled(entry.item.key) && entry.item.key !== pending?.item.key,
  );

  // A base without months is a base where nothing was posted yet: counts start from zero.
  const months = mergeMonths(theirs.months, ours.months, base ? (base.months ?? {}) : undefined);
  const failingSince =
    theirs.failingSince === undefined || ours.failingSince === undefined
      ? undefined
      : isBefore(theirs.failingSince, ours.failingSince)
        ? theirs.failingSince
        : ours.failingSince;
  const itemCounts = [theirs.maxItemsSeen, ours.maxItemsSeen].filter((n) => n !== undefined);
  const events = mergeEvents(theirs.events, ours.events, base?.events);
  const state: FeedState = {
    ...withoutMergedFields(theirs),
    ...withoutMergedFields(ours),
    queue,
    done,
    ...(pending ? { pending } : {}),
    ...(months ? { months } : {}),
    ...(failingSince ? { failingSince } : {}),
    ...(theirs.neverFetched && ours.neverFetched ? { neverFetched: true } : {}),
    ...(theirs.unreliableGuids || ours.unreliableGuids ? { unreliableGuids: true } : {}),
    ...(itemCounts.length > 0 ? { maxItemsSeen: Math.max(...itemCounts) } : {}),
    ...(reposts ? { reposts } : {}),
    ...(events ? { events } : {}),
  };
  return { state, notes };
}

/** The fields merged field by field above; what is left is taken from one side. */
function withoutMergedFields(state: FeedState) {
  const {
    pending: _pending,
    months: _months,
    failingSince: _failingSince,
    neverFetched: _neverFetched,
    unreliableGuids: _unreliableGuids,
    maxItemsSeen: _maxItemsSeen,
    reposts: _reposts,
    events: _events,
    ...rest
  } = state;
  return rest;
}

type Events = Readonly<Record<string, TrackedEvent>>;

function mergeEvents(
  theirs: Events | undefined,
  ours: Events | undefined,
  base: Events | undefined,
): Events | undefined {
  if (!theirs && !ours) return undefined;
  const merged: Record<string, TrackedEvent> = {};
  for (const key of new Set([...Object.keys(theirs ?? {}), ...Object.keys(ours ?? {})])) {
    const other = theirs?.[key];
    const mine = ours?.[key];
    if (other && mine) merged[key] = mergeEvent(other, mine);
    else if (base?.[key] === undefined) merged[key] = (mine ?? other) as TrackedEvent;
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

function mergeEvent(theirs: TrackedEvent, ours: TrackedEvent): TrackedEvent {
  const announced = ours.announced ?? theirs.announced;
  const { held: _held, announced: _announced, ...rest } = ours;
  return {
    ...rest,
    since: isBefore(theirs.since, ours.since) ? theirs.since : ours.since,
    ...(announced ? { announced } : ours.held || theirs.held ? { held: true } : {}),
  };
}

type Reposts = Readonly<Record<string, string>>;

function mergeReposts(theirs: Reposts | undefined, ours: Reposts | undefined) {
  if (!theirs && !ours) return undefined;
  const merged: Record<string, string> = { ...theirs };
  for (const [key, at] of Object.entries(ours ?? {})) {
    const other = merged[key];
    merged[key] = other !== undefined && isBefore(other, at) ? other : at;
  }
  return merged;
}

type Months = Readonly<Record<string, MonthCount>>;

function mergeMonths(
  theirs: Months | undefined,
  ours: Months | undefined,
  base: Months | undefined,
): Months | undefined {
  if (!theirs && !ours) return undefined;
  const merged: Record<string, MonthCount> = {};
  const monthKeys = new Set([...Object.keys(theirs ?? {}), ...Object.keys(ours ?? {})]);
  for (const month of [...monthKeys].sort()) {
    const mine = ours?.[month];
    const other = theirs?.[month];
    const from = base?.[month];
    const count = (field: keyof MonthCount) => {
      const a = mine?.[field] ?? 0;
      const b = other?.[field] ?? 0;
      // Without a base, the two sides' posts cannot be told apart from shared ones: the higher.
      // Never lower than either side, should one side have lost a month the other kept.
      return base ? Math.max(a, b, a + b - (from?.[field] ?? 0)) : Math.max(a, b);
    };
    merged[month] = { posts: count("posts"), postsWithUrl: count("postsWithUrl") };
  }
  return merged;
}

/**
 * `_account.json` changed on both sides: the later pause wins (a pause in the past is harmless,
 * a pause dropped too early means posting into X's rate limit).
 */
export function mergeAccountStates(theirs: AccountState, ours: AccountState): AccountState {
  let merged = laterPause(theirs, ours);
  const names = new Set([...Object.keys(theirs.targets ?? {}), ...Object.keys(ours.targets ?? {})]);
  for (const target of names) {
    const pause = laterPause(accountView(theirs, target), accountView(ours, target));
    merged = withAccountView(merged, target, pause);
  }
  return merged;
}

function laterPause(theirs: AccountState, ours: AccountState): AccountState {
  if (theirs.postingPausedUntil === undefined) return ours;
  if (ours.postingPausedUntil === undefined) return theirs;
  return isBefore(ours.postingPausedUntil, theirs.postingPausedUntil) ? theirs : ours;
}

function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

/** `repostedAt`: when repost: queued the key again; a post after it is the repost, and stays. */
function stronger(a: Outcome, b: Outcome, repostedAt: string | undefined): Outcome {
  if (STRENGTH[a.status] !== STRENGTH[b.status]) {
    return STRENGTH[a.status] > STRENGTH[b.status] ? a : b;
  }
  const [earlier, later] = Date.parse(b.at) < Date.parse(a.at) ? [b, a] : [a, b];
  const reposted =
    repostedAt !== undefined && isBefore(earlier.at, repostedAt) && !isBefore(later.at, repostedAt);
  return reposted ? later : earlier;
}

function mergeQueues(ours: readonly QueuedItem[], theirs: readonly QueuedItem[]): QueuedItem[] {
  const byKey = new Map<string, QueuedItem>();
  for (const entry of [...ours, ...theirs]) {
    const known = byKey.get(entry.item.key);
    if (!known || (entry.attempts ?? 0) > (known.attempts ?? 0)) byKey.set(entry.item.key, entry);
  }
  // Array sort is stable: among items queued at the same time, `ours` order is kept.
  return [...byKey.values()].sort((a, b) => Date.parse(a.queuedAt) - Date.parse(b.queuedAt));
}
