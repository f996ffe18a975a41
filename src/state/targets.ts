/**
 * State per target (pure). Each (item, target) pair has its own queue entry, its own record of
 * intent before sending (`pending`) and its own outcome, so a post that went to X is never sent to
 * X again while it waits for Mastodon, and one network's outage never touches another's record.
 *
 * Target "x" owns the top-level `queue`, `pending`, `done` and `months`, as before targets
 * existed: a state file written then reads as "posted to x", with no migration. The top-level
 * queue is also where new items arrive; `syncTargets` hands them to every other live target
 * before anything is posted. A target only receives items that arrive while it is configured and
 * live: adding one never floods it with the feed's archive.
 */
import type { Item } from "../sources/item.js";
import type {
  AccountState,
  FeedState,
  Outcome,
  QueuedItem,
  TargetLane,
  TargetPause,
} from "./feed-state.js";

/** The target whose records are the top-level fields of a state file. */
export const PRIMARY_TARGET = "x";
// Outcomes of the last day stay: the rolling maxPostsPerDay counts them.
const RECENT_MS = 24 * 60 * 60 * 1000;

const EMPTY_LANE: TargetLane = { queue: [], done: {} };

/** The feed's state as one target sees it: its queue, its post in flight, its outcomes. */
export function targetView(state: FeedState, target: string): FeedState {
  if (target === PRIMARY_TARGET) return state;
  const lane = state.targets?.[target] ?? EMPTY_LANE;
  const { pending: _pending, months: _months, ...rest } = state;
  return {
    ...rest,
    queue: lane.queue,
    done: lane.done,
    ...(lane.pending ? { pending: lane.pending } : {}),
    ...(lane.months ? { months: lane.months } : {}),
  };
}

/** Writes back what one target's view became; everything else of the feed's state is kept. */
export function withTargetView(state: FeedState, target: string, view: FeedState): FeedState {
  if (target === PRIMARY_TARGET) {
    const { targets: _targets, ...rest } = view;
    return { ...rest, ...(state.targets ? { targets: state.targets } : {}) };
  }
  const lane: TargetLane = {
    queue: view.queue,
    done: view.done,
    ...(view.pending ? { pending: view.pending } : {}),
    ...(view.months ? { months: view.months } : {}),
  };
  return { ...state, targets: { ...state.targets, [target]: lane } };
}

/**
 * Before posting: every live target other than "x" gets the items waiting at the top level that
 * it does not know yet. When "x" is not live for this feed, its waiting items are recorded as
 * seen there instead (they will not go to X later, like a target added later). A target's old
 * outcomes go when the top level forgot the item too.
 */
export function syncTargets(
  state: FeedState,
  liveTargets: readonly string[],
  now: Date,
): FeedState {
  // X's post in flight came off the head of the queue: it stays ahead of the rest elsewhere too.
  const arriving: QueuedItem[] = state.pending
    ? [{ item: state.pending.item, queuedAt: state.pending.queuedAt }, ...state.queue]
    : [...state.queue];
  let next = state;
  for (const target of liveTargets) {
    if (target === PRIMARY_TARGET) continue;
    const lane = state.targets?.[target];
    if (!lane && arriving.length === 0) continue;
    const current = lane ?? EMPTY_LANE;
    const known = new Set([...Object.keys(current.done), ...current.queue.map((q) => q.item.key)]);
    if (current.pending) known.add(current.pending.item.key);
    const added = arriving
      .filter((queued) => !known.has(queued.item.key) || isRepostFor(state, current, queued))
      .map(({ item, queuedAt }) => ({ item, queuedAt }));
    const done = prunedDone(current.done, state, now);
    if (added.length === 0 && lane && done === current.done) continue;
    next = {
      ...next,
      targets: {
        ...next.targets,
        [target]: { ...current, queue: [...current.queue, ...added], done },
      },
    };
  }
  if (!liveTargets.includes(PRIMARY_TARGET) && next.queue.length > 0) {
    const at = now.toISOString();
    const seen: Record<string, Outcome> = {};
    for (const queued of next.queue) seen[queued.item.key] = { status: "seen", at };
    next = { ...next, queue: [], done: { ...next.done, ...seen } };
  }
  return next;
}

/**
 * A `repost:` queues an item the top level has done: every target that posted it before the
 * repost was queued gets it once more (its record then dates from after the repost).
 */
function isRepostFor(state: FeedState, lane: TargetLane, queued: QueuedItem): boolean {
  const key = queued.item.key;
  if (state.done[key] === undefined || lane.pending?.item.key === key) return false;
  if (lane.queue.some((waiting) => waiting.item.key === key)) return false;
  const before = lane.done[key];
  return before !== undefined && before.at < queued.queuedAt;
}

function prunedDone(done: TargetLane["done"], state: FeedState, now: Date): TargetLane["done"] {
  const recent = new Date(now.getTime() - RECENT_MS).toISOString();
  const waiting = new Set(state.queue.map((queued) => queued.item.key));
  if (state.pending) waiting.add(state.pending.item.key);
  const kept = Object.entries(done).filter(
    ([key, outcome]) =>
      Object.hasOwn(state.done, key) ||
      waiting.has(key) ||
      (outcome.status === "posted" && outcome.at > recent),
  );
  return kept.length === Object.keys(done).length ? done : Object.fromEntries(kept);
}

/**
 * Every other target's waiting items, refreshed with this fetch's version of them, as dedupe
 * refreshes the top-level queue: a corrected title, or an event since cancelled, is what each
 * target sees.
 */
export function refreshTargetQueues(state: FeedState, fetched: readonly Item[]): FeedState {
  if (!state.targets || fetched.length === 0) return state;
  const latest = new Map(fetched.map((item) => [item.key, item]));
  let changed = false;
  const targets: Record<string, TargetLane> = {};
  for (const [target, lane] of Object.entries(state.targets)) {
    const queue = lane.queue.map((queued) => {
      const item = latest.get(queued.item.key);
      return item && JSON.stringify(item) !== JSON.stringify(queued.item)
        ? { ...queued, item }
        : queued;
    });
    const laneChanged = queue.some((queued, index) => queued !== lane.queue[index]);
    changed ||= laneChanged;
    targets[target] = laneChanged ? { ...lane, queue } : lane;
  }
  return changed ? { ...state, targets } : state;
}

/** Names of the targets with records in this state, "x" first. */
export function targetsOf(state: Pick<FeedState, "targets">): string[] {
  return [PRIMARY_TARGET, ...Object.keys(state.targets ?? {})];
}

/** One target's rate-limit pause as an account state (target "x": the top-level fields). */
export function accountView(account: AccountState, target: string): AccountState {
  if (target === PRIMARY_TARGET) return account;
  return { version: account.version, ...account.targets?.[target] };
}

/** Writes back one target's pause; the others' are kept. */
export function withAccountView(
  account: AccountState,
  target: string,
  view: AccountState,
): AccountState {
  if (target === PRIMARY_TARGET) {
    const { targets: _targets, ...rest } = view;
    return { ...rest, ...(account.targets ? { targets: account.targets } : {}) };
  }
  const pause: TargetPause = {
    ...(view.postingPausedUntil ? { postingPausedUntil: view.postingPausedUntil } : {}),
    ...(view.pauseReason ? { pauseReason: view.pauseReason } : {}),
  };
  const { [target]: _old, ...others } = account.targets ?? {};
  const targets = view.postingPausedUntil ? { ...others, [target]: pause } : others;
  const { targets: _all, ...rest } = account;
  return { ...rest, ...(Object.keys(targets).length > 0 ? { targets } : {}) };
}
