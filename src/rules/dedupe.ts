/**
 * Dedupe stage (pure): compares a feed's current items with its state and queues what is new.
 *
 * Identity is the item key (see normalize.ts), never a time window, so late or skipped runs neither
 * miss nor repeat items. An item is known when its key or any other identity it carries
 * (`keyWithoutGuid`, `altKeys`) is recorded, so a key that changes with the feed's shape never
 * reposts. A feed once caught repeating a guid is marked `unreliableGuids`, and its items are
 * keyed without their guid from then on. Every record keeps the item's story (title and date), so
 * an item the feed gives a new guid and link is recognised and recorded, not posted (see
 * same-story.ts). On first sight of a feed (until a fetch lists at least one item) its items are
 * recorded as seen, except the newest `firstRunPosts`, so adding a feed with 1000 items never
 * floods followers; for the same reason, a known feed whose many items all look new at once is
 * recorded, not posted, with a warning. Items the feed still lists are never forgotten; older
 * records are pruned beyond a bound so state files stay small. New items the feed's curation
 * rules keep out (`screen`: filters, skip:, pause:) are recorded as skipped, with the reason.
 *
 * Rules wing (rules/): the pure decisions — what is new (dedupe), what goes out now (budget,
 * posting-hours, cost), how a post reads (compose), whether a feed is healthy. No I/O: state and
 * items come in as plain data and go out as plain data.
 * May import: errors, sources, state/feed-state.
 */
import { createHash } from "node:crypto";
import type { Item, ParsedFeed } from "../sources/item.js";
import { storyRecord } from "../sources/story.js";
import {
  emptyState,
  type FeedState,
  keyChecker,
  type Outcome,
  type QueuedItem,
  type Validators,
} from "../state/feed-state.js";
import type { Screen } from "./filter.js";
import { changedIdentity } from "./same-story.js";

/** Records of items no longer in the feed that are kept, newest first, so a feed that briefly
 * drops and re-lists an item does not repost it. Feeds that once listed more items keep twice
 * that many (see `maxItemsSeen`), so a temporarily short fetch forgets nothing that comes back. */
export const RETAINED_RECORDS_BEYOND_FEED = 200;

/** From this many items, a known feed whose items are all unknown is taken to have been re-keyed. */
export const REKEYED_FEED_MIN_ITEMS = 10;

export interface DedupeResult {
  readonly state: FeedState;
  readonly firstSight: boolean;
  /** Items queued by this fetch, oldest first. */
  readonly queued: readonly Item[];
  /** Items recorded as seen without posting (first sight, or a feed that looks re-keyed). */
  readonly recordedAsSeen: readonly Item[];
  /** New items the curation rules kept out, oldest first, with the reason. */
  readonly skipped: readonly SkippedItem[];
  /** Something the feed's owner should know (e.g. every item looked new): log it and report it. */
  readonly warning?: string;
}

export interface SkippedItem {
  readonly item: Item;
  readonly reason: string;
}

export interface DedupeSettings {
  readonly feedId: string;
  readonly firstRunPosts: number;
  /** Why a new item is not to be posted (filters, skip:, pause:), or undefined to queue it. */
  readonly screen?: Screen;
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
  fetched: Pick<ParsedFeed, "items" | "guidsRepeated">,
  validators: Validators,
  now: Date,
): DedupeResult {
  const at = now.toISOString();
  // A feed that failed before its first fetch has a state, but this is still its first sight;
  // so is a fetch that listed nothing yet, or its whole backlog would be posted on the next one.
  const firstSight = !previous || previous.neverFetched === true;
  const { neverFetched: _first, ...initial } = previous ?? emptyState(settings.feedId);
  const distrustGuids = initial.unreliableGuids === true || fetched.guidsRepeated === true;
  let base: FeedState = initial;
  if (distrustGuids && !initial.unreliableGuids) {
    base = { ...forgetGuids(initial, fetched.items), unreliableGuids: true };
  }
  const items = distrustGuids ? fetched.items.map(withoutGuid) : fetched.items;
  const ordered = oldestFirst(items);
  const isKnown = keyChecker(base);
  const known = (item: Item) => identities(item).some(isKnown);
  const fresh = ordered.filter((item) => !known(item));
  const inFeed = new Set(items.flatMap(identities));

  let toQueue = fresh;
  let recordedAsSeen: Item[] = [];
  let skipped: SkippedItem[] = [];
  let warning: string | undefined;
  if (firstSight) {
    // firstRunPosts counts the newest items the curation rules let through.
    const screened = screen(fresh, settings.screen);
    skipped = screened.skipped;
    const postable = Math.min(settings.firstRunPosts, screened.passing.length);
    toQueue = screened.passing.slice(screened.passing.length - postable);
    recordedAsSeen = screened.passing.slice(0, screened.passing.length - postable);
  } else if (fresh.length > 0) {
    const moved = changedIdentity(base, items, fresh, inFeed);
    // Without stories to compare (records older than them, titles changed too), a known feed
    // whose items all look new at once has not published them all: they are recorded too.
    const flood = looksRekeyed(base, items.length, fresh.length);
    const screened = screen(flood ? [] : fresh.filter((item) => !moved.has(item)), settings.screen);
    toQueue = screened.passing;
    skipped = screened.skipped;
    recordedAsSeen = flood ? fresh : fresh.filter((item) => moved.has(item));
    warning = rekeyWarning(moved.size, recordedAsSeen.length - moved.size, items.length);
  }

  const current = new Map(items.map((item) => [item.key, item]));
  // A queued item the feed still lists is refreshed, so a corrected title is what gets posted.
  const queue: QueuedItem[] = base.queue.map((queued) => {
    const latest = current.get(queued.item.key);
    return latest ? { ...queued, item: latest } : queued;
  });
  for (const item of toQueue) queue.push({ item, queuedAt: at });

  const done: Record<string, Outcome> = { ...base.done };
  for (const item of recordedAsSeen) done[item.key] = { status: "seen", at, ...storyRecord(item) };
  for (const { item, reason } of skipped) {
    done[item.key] = { status: "skipped", at, reason, ...storyRecord(item) };
  }
  addMissingStories(done, items);

  const maxItemsSeen = Math.max(base.maxItemsSeen ?? 0, items.length);
  return {
    state: {
      ...base,
      validators: validatorsToKeep(base.validators, validators, fetched.items),
      queue,
      done: pruneDone(done, inFeed, Math.max(RETAINED_RECORDS_BEYOND_FEED, 2 * maxItemsSeen), now),
      ...(maxItemsSeen > 0 ? { maxItemsSeen } : {}),
      ...(firstSight && items.length === 0 ? { neverFetched: true } : {}),
    },
    firstSight,
    queued: toQueue,
    recordedAsSeen,
    skipped,
    ...(warning ? { warning } : {}),
  };
}

function screen(items: readonly Item[], rules: Screen | undefined) {
  const passing: Item[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of items) {
    const reason = rules?.(item);
    if (reason === undefined) passing.push(item);
    else skipped.push({ item, reason });
  }
  return { passing, skipped };
}

/**
 * Some servers send a new ETag or Last-Modified with every answer while the feed stays the same:
 * then the old validators are kept, so the state file, and the repository's history, only change
 * when the feed's items do.
 */
function validatorsToKeep(
  previous: Validators,
  fetched: Validators,
  items: readonly Item[],
): Validators {
  if (previous.url !== fetched.url) return withContentHash(fetched, items);
  const same = previous.etag === fetched.etag && previous.lastModified === fetched.lastModified;
  // Hashing costs more than deduping a known feed: only done when the validators differ.
  if (same) return previous;
  const next = withContentHash(fetched, items);
  return next.contentHash === previous.contentHash ? previous : next;
}

function withContentHash(validators: Validators, items: readonly Item[]): Validators {
  const digest = createHash("sha256").update(JSON.stringify(items)).digest("hex");
  return { ...validators, contentHash: digest.slice(0, 16) };
}

/** Every identity an item may be recorded under. */
function identities(item: Item): string[] {
  const keys = [item.key, ...(item.altKeys ?? [])];
  if (item.keyWithoutGuid) keys.push(item.keyWithoutGuid);
  return keys;
}

/** The item as a feed with unreliable guids sees it: identified by its link (or hash). */
function withoutGuid(item: Item): Item {
  if (!item.keyWithoutGuid) return item;
  const { keyWithoutGuid, ...rest } = item;
  return { ...rest, key: keyWithoutGuid };
}

/**
 * The feed's guids just proved unreliable: records and queued entries of the items it lists under
 * a guid move to the key without it, so those items stay known once their guid is no longer read.
 */
function forgetGuids(state: FeedState, items: readonly Item[]): FeedState {
  const done: Record<string, Outcome> = { ...state.done };
  const byGuid = new Map<string, Item>();
  for (const item of items) {
    if (item.keyWithoutGuid === undefined) continue;
    byGuid.set(item.key, withoutGuid(item));
    const outcome = done[item.key];
    if (outcome && !Object.hasOwn(done, item.keyWithoutGuid)) {
      delete done[item.key];
      done[item.keyWithoutGuid] = outcome;
    }
  }
  const queue = state.queue.map((queued) => {
    const item = byGuid.get(queued.item.key);
    return item ? { ...queued, item } : queued;
  });
  return { ...state, done, queue };
}

/**
 * Records written before stories existed, and records of posts that failed, get the story of the
 * item the feed lists for them; a story already recorded is kept, so a feed that stamps its items
 * with the time of each request does not rewrite its state every run.
 */
function addMissingStories(done: Record<string, Outcome>, items: readonly Item[]): void {
  for (const item of items) {
    const key = identities(item).find((identity) => Object.hasOwn(done, identity));
    const outcome = key === undefined ? undefined : done[key];
    if (key === undefined || outcome === undefined || outcome.story !== undefined) continue;
    const story = storyRecord(item);
    if (story.story !== undefined) done[key] = { ...outcome, ...story };
  }
}

function rekeyWarning(moved: number, guarded: number, listed: number): string | undefined {
  const movedNote =
    moved === 0
      ? ""
      : `${moved === 1 ? "1 item" : `${moved} items`} changed identity (new guid or link, same ` +
        "title and date): recorded, not posted. ";
  if (guarded === 0) return moved === 0 ? undefined : movedNote.trim();
  const guardedNote =
    moved === 0
      ? `All ${listed} items of the feed look new: the feed probably changed how it identifies ` +
        "its items, or its address now serves another feed. They were recorded without posting, "
      : `${guarded === 1 ? "The other item looks" : `The other ${guarded} items look`} new too, ` +
        `but a known feed does not publish ${listed} items at once: recorded without posting, `;
  return (
    `${movedNote}${guardedNote}to avoid flooding followers. If they really are new, post the ` +
    "ones that matter by hand; the feed's next new items will be posted as usual."
  );
}

/**
 * A known feed listing many items of which not one is known has not published them all at once:
 * its items changed identity (new CMS, guids rewritten) or its address serves another feed.
 */
function looksRekeyed(state: FeedState, listed: number, unknown: number): boolean {
  const hasRecords = Object.keys(state.done).length > 0 || state.queue.length > 0;
  return hasRecords && listed >= REKEYED_FEED_MIN_ITEMS && unknown === listed;
}

/** Posts of the last 24 hours are never pruned: the rolling maxPostsPerDay counts them. */
const KEEP_POSTS_MS = 24 * 60 * 60 * 1000;

function pruneDone(
  done: Record<string, Outcome>,
  inFeed: ReadonlySet<string>,
  retained: number,
  now: Date,
): Record<string, Outcome> {
  const recent = new Date(now.getTime() - KEEP_POSTS_MS).toISOString();
  const beyondFeed = Object.keys(done).filter(
    (key) =>
      !inFeed.has(key) && !(done[key]?.status === "posted" && (done[key]?.at ?? "") >= recent),
  );
  if (beyondFeed.length <= retained) return done;
  const dropped = beyondFeed
    .sort((a, b) => (done[b]?.at ?? "").localeCompare(done[a]?.at ?? "") || a.localeCompare(b))
    .slice(retained);
  const kept = { ...done };
  for (const key of dropped) delete kept[key];
  return kept;
}
