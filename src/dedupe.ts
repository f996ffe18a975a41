/**
 * Dedupe stage (pure): compares a feed's current items with its state and queues what is new.
 *
 * Identity is the item key (see normalize.ts), never a time window, so late or skipped runs neither
 * miss nor repeat items. On first sight of a feed its items are recorded as seen, except the newest
 * `firstRunPosts`, so adding a feed with 1000 items never floods followers. Items the feed still
 * lists are never forgotten; older records are pruned beyond a bound so state files stay small.
 */
import type { Item } from "./item.js";
import {
  emptyState,
  type FeedState,
  keyChecker,
  type Outcome,
  type QueuedItem,
  type Validators,
} from "./state.js";

/** Records of items no longer in the feed that are kept, newest first, so a feed that briefly
 * drops and re-lists an item does not repost it. */
export const RETAINED_RECORDS_BEYOND_FEED = 200;

export interface DedupeResult {
  readonly state: FeedState;
  readonly firstSight: boolean;
  /** Items queued by this fetch, oldest first. */
  readonly queued: readonly Item[];
  /** Items recorded as seen without posting (first sight only). */
  readonly recordedAsSeen: readonly Item[];
}

export interface DedupeSettings {
  readonly feedId: string;
  readonly firstRunPosts: number;
}

/** Posting order: by date when every item has one, else the reverse of the feed's (newest first) order. */
export function oldestFirst(items: readonly Item[]): Item[] {
  const reversed = [...items].reverse();
  if (!items.every((item) => item.published)) return reversed;
  return reversed.sort((a, b) => Date.parse(a.published ?? "") - Date.parse(b.published ?? ""));
}

export function dedupeItems(
  previous: FeedState | undefined,
  settings: DedupeSettings,
  items: readonly Item[],
  validators: Validators,
  now: Date,
): DedupeResult {
  const at = now.toISOString();
  // A feed that failed before its first fetch has a state, but this is still its first sight.
  const firstSight = !previous || previous.neverFetched === true;
  const { neverFetched: _first, ...base } = previous ?? emptyState(settings.feedId);
  const ordered = oldestFirst(items);
  const known = keyChecker(base);
  const fresh = ordered.filter((item) => !known(item.key));

  let toQueue = fresh;
  let recordedAsSeen: Item[] = [];
  if (firstSight) {
    const postable = Math.min(settings.firstRunPosts, fresh.length);
    toQueue = fresh.slice(fresh.length - postable);
    recordedAsSeen = fresh.slice(0, fresh.length - postable);
  }

  const current = new Map(items.map((item) => [item.key, item]));
  // A queued item the feed still lists is refreshed, so a corrected title is what gets posted.
  const queue: QueuedItem[] = base.queue.map((queued) => {
    const latest = current.get(queued.item.key);
    return latest ? { ...queued, item: latest } : queued;
  });
  for (const item of toQueue) queue.push({ item, queuedAt: at });

  const done: Record<string, Outcome> = { ...base.done };
  for (const item of recordedAsSeen) done[item.key] = { status: "seen", at };

  return {
    state: {
      ...base,
      validators,
      queue,
      done: pruneDone(done, new Set(current.keys()), now),
    },
    firstSight,
    queued: toQueue,
    recordedAsSeen,
  };
}

/** Posts of the last 24 hours are never pruned: the rolling maxPostsPerDay counts them. */
const KEEP_POSTS_MS = 24 * 60 * 60 * 1000;

function pruneDone(
  done: Record<string, Outcome>,
  inFeed: ReadonlySet<string>,
  now: Date,
): Record<string, Outcome> {
  const recent = new Date(now.getTime() - KEEP_POSTS_MS).toISOString();
  const beyondFeed = Object.keys(done).filter(
    (key) =>
      !inFeed.has(key) && !(done[key]?.status === "posted" && (done[key]?.at ?? "") >= recent),
  );
  if (beyondFeed.length <= RETAINED_RECORDS_BEYOND_FEED) return done;
  const dropped = beyondFeed
    .sort((a, b) => (done[b]?.at ?? "").localeCompare(done[a]?.at ?? "") || a.localeCompare(b))
    .slice(RETAINED_RECORDS_BEYOND_FEED);
  const kept = { ...done };
  for (const key of dropped) delete kept[key];
  return kept;
}
