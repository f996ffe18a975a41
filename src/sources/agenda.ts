/**
 * What calendars (ics.ts) and agenda pages (page.ts) share: the horizon within which events are
 * considered, the span of time an event occupies, and the order of their items.
 *
 * Event items carry no `published` date. A calendar's DTSTAMP is usually the time it was exported,
 * and a recurring event's CREATED date would make each new occurrence look old to `maxAge`; so
 * dedupe orders them by the feed's order, which is here the event's start, latest first (as a
 * feed lists its newest first). New events are thus posted soonest first, and `firstRunPosts`'s
 * "newest" are the events furthest ahead: the ones that entered the horizon last.
 */
import type { Item, ItemEvent, SkippedEvent, WrittenEvent } from "./item.js";
import { addDays, startOfDay } from "./zone.js";

export const DEFAULT_HORIZON_MS = 90 * 86_400_000;

export interface AgendaOptions {
  /** The run's clock: events that ended before it are left out. */
  readonly now: Date;
  /** Events starting later than `now` plus this are not considered yet. */
  readonly horizonMs: number;
  /** IANA zone of times written without one (floating times, schema.org dates without offset). */
  readonly timeZone?: string;
}

/** The instants an event occupies: from its start to its end (an all-day event's whole days). */
export function eventSpan(event: ItemEvent): { readonly startMs: number; readonly endMs: number } {
  if (event.allDay) {
    const startMs = startOfDay(event.start, event.timeZone);
    return { startMs, endMs: startOfDay(addDays(event.end ?? event.start, 1), event.timeZone) };
  }
  const startMs = Date.parse(event.start);
  const endMs = event.end === undefined ? startMs : Date.parse(event.end);
  return { startMs, endMs: Math.max(startMs, endMs) };
}

/** Not over yet, and starting within the horizon. */
export function withinHorizon(event: ItemEvent, options: AgendaOptions): boolean {
  const { startMs, endMs } = eventSpan(event);
  const now = options.now.getTime();
  return endMs > now && startMs < now + options.horizonMs;
}

/** Event items, latest start first; events starting together keep their document order. */
export function latestFirst(items: readonly Item[]): Item[] {
  const starts = new Map(items.map((item) => [item, startOf(item)]));
  return [...items].sort((a, b) => (starts.get(b) ?? 0) - (starts.get(a) ?? 0));
}

function startOf(item: Item): number {
  return item.event ? eventSpan(item.event).startMs : 0;
}

export function isSkipped(event: WrittenEvent | SkippedEvent): event is SkippedEvent {
  return "skipped" in event;
}

/** One line naming a skipped event and why, for the log and the summary. */
export function skippedEventLine(event: SkippedEvent): string {
  return `event "${event.title || event.uid || "without a title"}" skipped (${event.skipped}).`;
}
