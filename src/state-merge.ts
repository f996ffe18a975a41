/**
 * State merge (pure): two versions of one feed's state file → one, when both sides changed it
 * (the bot's run and a commit that reached main meanwhile). Used by commit-state before it pushes.
 *
 * The rule, in order of what matters most:
 * - `done` is the union of both sides. For a key both sides settled, the stronger outcome wins:
 *   posted > failed > seen (a posted record is never lost: losing one means a repost); between
 *   equals, the earlier one (the first time it happened).
 * - `pending` (a post in flight) is kept when either side has it and the other side has not settled
 *   its key in `done`. Two different posts in flight cannot both stay (one slot): the newer stays,
 *   the older is recorded as failed "uncertain" — it may have gone out, so it is never re-sent
 *   blindly — and the merge says so in its notes.
 * - `queue` is the union of both queues minus every key that is done or in flight, oldest first
 *   (stable: `ours` order wins among equals); an item queued on both sides keeps its higher attempts.
 * - `validators` and any other field come from `ours`, the newer run: it fetched last. Taking one
 *   side's validators is safe because `done` is the union, so no item can look new again.
 */
import {
  type FeedState,
  type Outcome,
  type PendingPost,
  type QueuedItem,
  StateError,
} from "./state.js";

export interface MergedState {
  readonly state: FeedState;
  /** What the merge had to decide that the owner should know about. */
  readonly notes: readonly string[];
}

const STRENGTH: Record<Outcome["status"], number> = { seen: 0, failed: 1, posted: 2 };

/** Merges `theirs` (the version on the remote) with `ours` (this run's, the newer one). */
export function mergeFeedStates(theirs: FeedState, ours: FeedState): MergedState {
  if (theirs.feedId !== ours.feedId || theirs.version !== ours.version) {
    throw new StateError(
      `Cannot merge state of feed "${ours.feedId}" (format ${ours.version}) with state of feed ` +
        `"${theirs.feedId}" (format ${theirs.version}): they are not versions of the same file.`,
    );
  }
  const notes: string[] = [];
  const done: Record<string, Outcome> = { ...theirs.done };
  for (const [key, outcome] of Object.entries(ours.done)) {
    const other = done[key];
    done[key] = other ? stronger(other, outcome) : outcome;
  }

  let pending: PendingPost | undefined;
  const inFlight = [ours.pending, theirs.pending].filter(
    (post): post is PendingPost => post !== undefined && !Object.hasOwn(done, post.item.key),
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
    (entry) => !Object.hasOwn(done, entry.item.key) && entry.item.key !== pending?.item.key,
  );

  const { pending: _ours, ...oursRest } = ours;
  const { pending: _theirs, ...theirsRest } = theirs;
  return {
    state: { ...theirsRest, ...oursRest, queue, done, ...(pending ? { pending } : {}) },
    notes,
  };
}

function stronger(a: Outcome, b: Outcome): Outcome {
  if (STRENGTH[a.status] !== STRENGTH[b.status]) {
    return STRENGTH[a.status] > STRENGTH[b.status] ? a : b;
  }
  return Date.parse(b.at) < Date.parse(a.at) ? b : a;
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
