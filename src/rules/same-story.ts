/**
 * Items that only changed identity (pure): a feed that moves to another CMS, or a `url` that now
 * points to the feed's new site, gives every item a new guid and link while its stories stay. A
 * new key is the same item as a recorded one when its story (title and date, see
 * sources/story.ts) is that of a recorded item the feed no longer lists — one new key per record,
 * so two different items with one title stay two.
 *
 * Without a date, a title is weak evidence: a weekly "Newsletter", or an agenda of recurring
 * events, replaces an item with another of the same title. Undated items are only matched when
 * the whole feed changed identity at once and several different titles came back.
 */
import type { Item } from "../sources/item.js";
import { storyOf } from "../sources/story.js";
import type { FeedState } from "../state/feed-state.js";

/** Different titles that must come back, under new keys and without dates, to prove a re-key. */
export const UNDATED_REKEY_MIN_TITLES = 3;

/**
 * The unknown items that are recorded items under a new identity.
 * `listedIdentities`: every identity of the items the feed lists now.
 */
export function changedIdentity(
  state: FeedState,
  listed: readonly Item[],
  unknown: readonly Item[],
  listedIdentities: ReadonlySet<string>,
): Set<Item> {
  const left = storiesNoLongerListed(state, listedIdentities);
  const moved = new Set<Item>();
  if (left.size === 0) return moved;
  const wholeFeed = unknown.length === listed.length;
  const undatedTitles = new Set(
    unknown.flatMap((item) => {
      const story = item.published ? undefined : storyOf(item);
      return story !== undefined && left.has(story) ? [story] : [];
    }),
  );
  const undatedMatch = wholeFeed && undatedTitles.size >= UNDATED_REKEY_MIN_TITLES;
  for (const item of unknown) {
    if (!item.published && !undatedMatch) continue;
    const story = storyOf(item);
    const count = story === undefined ? 0 : (left.get(story) ?? 0);
    if (story === undefined || count === 0) continue;
    left.set(story, count - 1);
    moved.add(item);
  }
  return moved;
}

/** How many records of each story the feed no longer lists: done, queued or in flight. */
function storiesNoLongerListed(state: FeedState, listed: ReadonlySet<string>) {
  const counts = new Map<string, number>();
  const add = (story: string | undefined) => {
    if (story !== undefined) counts.set(story, (counts.get(story) ?? 0) + 1);
  };
  for (const [key, outcome] of Object.entries(state.done)) {
    if (!listed.has(key)) add(outcome.story);
  }
  const waiting = state.pending ? [...state.queue, state.pending] : state.queue;
  for (const { item } of waiting) {
    if (!listed.has(item.key)) add(storyOf(item));
  }
  return counts;
}
