/**
 * The owner's overrides in feeds.yml (pure), reviewed in pull requests like the rest:
 * - `skip:` keys or links never to post: a new item is recorded as skipped, a waiting one leaves
 *   the queue (a post already sent cannot be taken back);
 * - `pause: true`: the feed is read, its new items recorded as skipped, nothing is posted (the
 *   run keeps the feed out of the posting loop; items already waiting wait for the pause's end);
 * - `repost:` keys to post once more, once: the item must still be in the feed (a record keeps
 *   no text to post), and the state remembers the repost while its key stays in the list.
 */
import { canonicalOf, canonicalUrl } from "../sources/canonical-url.js";
import type { Item } from "../sources/item.js";
import type { FeedState, Outcome, QueuedItem } from "../state/feed-state.js";
import type { SkippedItem } from "./dedupe.js";
import { compileFilter, type FilterSpec, type Screen } from "./filter.js";

export const SKIP_REASON = "listed under skip: in feeds.yml";
export const PAUSE_REASON = "the feed is paused (pause: true in feeds.yml)";

export interface Overrides {
  readonly skip?: readonly string[];
  readonly pause?: true;
  readonly repost?: readonly string[];
}

/** Every identity of an item a key in feeds.yml may name. */
function identities(item: Item): string[] {
  const keys = [item.key, ...(item.altKeys ?? [])];
  if (item.keyWithoutGuid) keys.push(item.keyWithoutGuid);
  return keys;
}

/** Whether an item is one the list names, by key, link, or the same article's address. */
export function listedIn(refs: readonly string[]): (item: Item) => boolean {
  const exact = new Set(refs);
  const articles = new Set(refs.flatMap((ref) => canonicalUrl(ref) ?? []));
  return (item) => {
    if (identities(item).some((key) => exact.has(key))) return true;
    if (item.link !== undefined && exact.has(item.link)) return true;
    const article = canonicalOf(item);
    return article !== undefined && articles.has(article);
  };
}

/** The screen of new items: skip: and pause: first, then the feed's filters. */
export function overrideScreen(overrides: Overrides, filter: Screen | undefined): Screen {
  const skipped = overrides.skip ? listedIn(overrides.skip) : () => false;
  return (item) => {
    if (skipped(item)) return SKIP_REASON;
    if (overrides.pause) return PAUSE_REASON;
    return filter?.(item);
  };
}

/** Each feed's screen of new items (skip:, pause:, filters), compiled once per distinct filter. */
export async function screensOf(
  feeds: readonly (Overrides & { readonly id: string; readonly filter?: FilterSpec })[],
): Promise<Map<string, Screen>> {
  const compiled = new Map<string, Promise<Screen>>();
  const screens = new Map<string, Screen>();
  for (const feed of feeds) {
    let filter: Promise<Screen> | undefined;
    if (feed.filter) {
      const spec = JSON.stringify(feed.filter);
      filter = compiled.get(spec) ?? compileFilter(feed.filter);
      compiled.set(spec, filter);
    }
    screens.set(feed.id, overrideScreen(feed, filter ? await filter : undefined));
  }
  return screens;
}

export interface OverridesResult {
  readonly state: FeedState;
  /** Waiting items that skip: now names. */
  readonly skipped: readonly SkippedItem[];
  /** Items queued again by repost:. */
  readonly reposted: readonly Item[];
  /** repost: keys that cannot be honoured, as sentences for the owner. */
  readonly warnings: readonly string[];
}

/**
 * Applies skip: to the queue and repost: to the feed's items, after dedupe. Without items (the
 * feed answered "not modified"), reposts wait for a run that reads the feed.
 */
export function applyOverrides(
  state: FeedState,
  items: readonly Item[] | undefined,
  overrides: Overrides,
  now: Date,
): OverridesResult {
  if (!overrides.skip && !overrides.repost && !state.reposts) {
    return { state, skipped: [], reposted: [], warnings: [] };
  }
  const at = now.toISOString();
  const done: Record<string, Outcome> = { ...state.done };
  let queue: QueuedItem[] = [...state.queue];
  const skipped: SkippedItem[] = [];
  if (overrides.skip) {
    const named = listedIn(overrides.skip);
    queue = queue.filter(({ item }) => {
      if (!named(item)) return true;
      skipped.push({ item, reason: SKIP_REASON });
      done[item.key] = { status: "skipped", at, reason: SKIP_REASON };
      return false;
    });
  }

  if (items === undefined)
    return { state: { ...state, done, queue }, skipped, reposted: [], warnings: [] };
  // Only keys still listed are remembered: taking a key out and back in reposts it again.
  const reposts: Record<string, string> = {};
  const reposted: Item[] = [];
  const warnings: string[] = [];
  const byIdentity = new Map(items.flatMap((item) => identities(item).map((key) => [key, item])));
  const waiting = new Set(queue.map(({ item }) => item.key));
  if (state.pending) waiting.add(state.pending.item.key);
  // Remembered under the ref as listed (a key, an alternate key or a link), which is what the
  // next run checks before it fetches; older files remembered the item's key.
  for (const ref of overrides.repost ?? []) {
    const item = byIdentity.get(ref);
    const key = item?.key ?? ref;
    const when = state.reposts?.[ref] ?? state.reposts?.[key];
    if (when !== undefined) {
      reposts[ref] = when;
      continue;
    }
    if (item === undefined) {
      warnings.push(
        `repost: "${ref}" is not in the feed any more, and crieur keeps no copy of an item's ` +
          `text once it is done, so it cannot post it again; remove it from repost: in feeds.yml.`,
      );
      continue;
    }
    reposts[ref] = at;
    // Still waiting or in flight: that post is the one asked for.
    if (waiting.has(key)) continue;
    queue.push({ item, queuedAt: at });
    reposted.push(item);
  }

  const { reposts: _old, ...rest } = state;
  return {
    state: {
      ...rest,
      done,
      queue,
      ...(Object.keys(reposts).length > 0 ? { reposts } : {}),
    },
    skipped,
    reposted,
    warnings,
  };
}
