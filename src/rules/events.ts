/**
 * Events rule (pure): which queued events must not be announced. Calendars and agenda pages keep
 * cancelled and postponed events as items (a change notice will need them), and an event may end
 * while it waits for its turn; none of these is ever announced: such an item leaves the queue with
 * its reason, as a too-old item does. Derived posts (event-posts.ts) are late once their `until`
 * passed; a change notice may speak of a cancelled or postponed event.
 */
import { eventSpan, isSkipped, skippedEventLine } from "../sources/agenda.js";
import type { Item, SkippedEvent, WrittenEvent } from "../sources/item.js";
import { dropQueued, type FeedState, type TrackedEvent } from "../state/feed-state.js";

/** Why an item that is an event must not be announced now, or undefined when it may be. */
export function eventSkipReason(item: Item, now: Date): string | undefined {
  const event = item.event;
  if (!event) return undefined;
  const post = item.eventPost;
  if (post) {
    if (Date.parse(post.until) <= now.getTime()) {
      return post.kind === "reminder" && eventSpan(event).endMs > now.getTime()
        ? "not posted: the event started before the reminder's turn came"
        : `not posted: the event is over (${event.end ?? event.start})`;
    }
    // A change notice is about the cancellation or postponement itself.
    if (post.kind === "change") return undefined;
  }
  if (event.status === "cancelled") return "not posted: the event is cancelled";
  // A postponed event's dates are the old ones: announcing them would mislead.
  if (event.status === "postponed") return "not posted: the event is postponed (no new date yet)";
  if (eventSpan(event).endMs <= now.getTime()) {
    return `not posted: the event is over (${event.end ?? event.start})`;
  }
  return undefined;
}

export interface DroppedEvent {
  readonly item: Item;
  readonly reason: string;
}

/**
 * The state without the queued events that must not be announced, and those events. A queued
 * copy may predate a cancellation (a reminder, or an announcement waiting for another target):
 * it is judged by its event as last fetched, when the state still tracks it.
 */
export function dropUnpostableEvents(
  state: FeedState,
  now: Date,
): { readonly state: FeedState; readonly dropped: readonly DroppedEvent[] } {
  let next = state;
  const dropped: DroppedEvent[] = [];
  for (const { item } of state.queue) {
    const reason = eventSkipReason(withLatestEvent(item, state.events ?? {}), now);
    if (reason === undefined) continue;
    next = dropQueued(next, item.key, now, reason);
    dropped.push({ item, reason });
  }
  return { state: next, dropped };
}

function withLatestEvent(item: Item, events: Readonly<Record<string, TrackedEvent>>): Item {
  if (!item.event) return item;
  const latest = events[item.eventPost ? (eventKeyOf(item.key, events) ?? "") : item.key];
  return latest?.item.event ? { ...item, event: latest.item.event } : item;
}

/** The event a derived post's key (`<event key>#remind:…`) belongs to: the longest such key. */
function eventKeyOf(
  key: string,
  events: Readonly<Record<string, TrackedEvent>>,
): string | undefined {
  let found: string | undefined;
  for (const eventKey of Object.keys(events)) {
    if (key.startsWith(`${eventKey}#`) && eventKey.length > (found?.length ?? -1)) found = eventKey;
  }
  return found;
}

/** A broken event left out of this fetch, and when the owner was told of it, if before. */
export interface BrokenEvent {
  readonly event: SkippedEvent;
  readonly toldAt?: string;
}

/**
 * The fetch's broken events, each with when it was told if an earlier run did, and the state
 * remembering the current ones (a problem fixed is forgotten: it is told again should it return).
 */
export function brokenEvents(
  state: FeedState,
  events: readonly (WrittenEvent | SkippedEvent)[],
  now: Date,
): { readonly state: FeedState; readonly broken: readonly BrokenEvent[] } {
  const before = state.brokenEvents ?? {};
  const remembered: Record<string, string> = {};
  const broken: BrokenEvent[] = [];
  for (const event of events.filter(isSkipped)) {
    const problem = problemOf(event);
    const toldAt = before[problem];
    remembered[problem] = toldAt ?? now.toISOString();
    broken.push(toldAt === undefined ? { event } : { event, toldAt });
  }
  const unchanged =
    Object.keys(remembered).length === Object.keys(before).length &&
    Object.entries(remembered).every(([problem, at]) => before[problem] === at);
  if (unchanged) return { state, broken };
  const { brokenEvents: _old, ...rest } = state;
  const next = Object.keys(remembered).length > 0 ? { ...rest, brokenEvents: remembered } : rest;
  return { state: next, broken };
}

/** The problem without its line number, which moves whenever an event is added above it. */
function problemOf(event: SkippedEvent): string {
  return skippedEventLine({ ...event, skipped: event.skipped.replace(/^line \d+: /, "") });
}
