/**
 * Event posts rule (pure): what a calendar's or agenda page's events call for beyond their
 * announcement — a held announcement whose time came (announceWithin), reminders ("7d",
 * "day-of 09:00", lastDays) and change notices (a new date, a cancellation, a postponement).
 *
 * Each such post is a queue entry with a derived key (`<event key>#remind:7d@<start>`), so the
 * queue, caps, posting hours and the exactly-once machinery treat it like any item: once its key
 * is in `done`, it is never posted again. The events themselves are remembered in the state's
 * `events` map while upcoming, so a run whose feed answers 304 still posts what is due.
 */
import { eventSpan } from "../sources/agenda.js";
import type { EventPost, Item, ItemEvent } from "../sources/item.js";
import { addDays, offsetAt, wallTimeToUtc } from "../sources/zone.js";
import { type FeedState, keyChecker, type TrackedEvent } from "../state/feed-state.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A reminder found due later than this after its moment (missed runs) is dropped, not posted. */
export const REMINDER_GRACE_MS = 12 * HOUR_MS;

export type ReminderRule =
  | { readonly label: string; readonly beforeMs: number }
  | { readonly label: string; readonly dayOf: { readonly hour: number; readonly minute: number } };

/** Words put before the title of a derived post; `{n}` is the number of days or hours. */
export interface EventPrefixes {
  readonly inDays: string;
  readonly inHours: string;
  readonly tomorrow: string;
  readonly today: string;
  readonly lastDays: string;
  readonly newDate: string;
  readonly cancelled: string;
  readonly postponed: string;
}

export const DEFAULT_EVENT_PREFIXES: EventPrefixes = {
  inDays: "In {n} days:",
  inHours: "In {n} hours:",
  tomorrow: "Tomorrow:",
  today: "Today:",
  lastDays: "Last {n} days:",
  newDate: "New date:",
  cancelled: "Cancelled:",
  postponed: "Postponed:",
};

export interface EventPostSettings {
  /** Announcements wait until the event starts within this; posted on first sight when absent. */
  readonly announceWithinMs?: number;
  readonly reminders: readonly ReminderRule[];
  /** "Last n days" notice for events lasting longer than that (exhibitions), in days. */
  readonly lastDays?: number;
  readonly announceChanges: boolean;
  /** The feed's zone, in which "day-of 09:00" and days are counted; else the event's, else UTC. */
  readonly timeZone?: string;
  readonly prefixes: EventPrefixes;
}

/** "7d", "36h" or "day-of 09:00" → a rule; undefined when it is none of those. */
export function parseReminder(text: string): ReminderRule | undefined {
  const before = /^([1-9]\d{0,3})(h|d)$/.exec(text);
  if (before) {
    return { label: text, beforeMs: Number(before[1]) * (before[2] === "d" ? DAY_MS : HOUR_MS) };
  }
  const dayOf = /^day-of ([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (dayOf) return { label: text, dayOf: { hour: Number(dayOf[1]), minute: Number(dayOf[2]) } };
  return undefined;
}

export interface EventPostPlan {
  readonly state: FeedState;
  /** Derived posts and released announcements queued by this run. */
  readonly queued: readonly Item[];
  /** Announcements held by announceWithin in this run. */
  readonly held: readonly Item[];
  /** Derived posts that came too late (missed runs, the event started) and are not posted. */
  readonly dropped: readonly { readonly item: Item; readonly reason: string }[];
}

/**
 * Applies the event rules after dedupe. `fetched` is this run's items (undefined on a 304 run:
 * the remembered events stand). Events queued by dedupe are tracked as announced, or held.
 */
export function planEventPosts(
  state: FeedState,
  fetched: readonly Item[] | undefined,
  settings: EventPostSettings,
  now: Date,
): EventPostPlan {
  const at = now.toISOString();
  const nowMs = now.getTime();
  const tracked = trackEvents(state.events ?? {}, fetched, at);
  // Dedupe already refreshed queued announcements with this fetch's version of their event.
  let queue = state.queue;
  const done = { ...state.done };
  const queued: Item[] = [];
  const held: Item[] = [];
  const dropped: { item: Item; reason: string }[] = [];

  // Announcements dedupe just queued: announced now, or held until announceWithin.
  for (const entry of queue) {
    const item = entry.item;
    const known = tracked[item.key];
    if (!item.event || item.eventPost || !known || known.announced) continue;
    if (!isWithinAnnounceWindow(item.event, settings, nowMs)) {
      tracked[item.key] = { ...known, held: true };
      held.push(item);
    } else {
      tracked[item.key] = { ...withoutHeld(known), announced: announcedOf(item.event) };
    }
  }
  const heldKeys = new Set(held.map((item) => item.key));
  queue = queue.filter((entry) => !heldKeys.has(entry.item.key));

  const known = keyChecker({ ...state, queue, done });
  const enqueue = (item: Item) => {
    queue = [...queue, { item, queuedAt: at }];
    queued.push(item);
  };
  for (const [key, event] of Object.entries(tracked)) {
    const item = event.item;
    if (!item.event) continue;
    // A held announcement whose time came.
    if (event.held && !heldKeys.has(key) && isWithinAnnounceWindow(item.event, settings, nowMs)) {
      tracked[key] = { ...withoutHeld(event), announced: announcedOf(item.event) };
      if (isAnnounceable(item.event, nowMs)) enqueue(item);
    }
    const change = changeOf(tracked[key] ?? event, done[key]?.status === "posted", settings);
    if (change) {
      tracked[key] = { ...event, announced: announcedOf(item.event) };
      const post = derived(item, change.suffix, change.prefix, {
        kind: "change",
        label: change.label,
        until: new Date(eventSpan(item.event).endMs).toISOString(),
      });
      if (!known(post.key) && eventSpan(item.event).endMs > nowMs) enqueue(post);
    }
    for (const due of dueReminders(event, settings, nowMs)) {
      if (known(due.item.key) || queued.some((q) => q.key === due.item.key)) continue;
      const late = lateReason(due, nowMs);
      if (late) {
        done[due.item.key] = { status: "failed", at, reason: late };
        dropped.push({ item: due.item, reason: late });
      } else {
        enqueue(due.item);
      }
    }
  }
  for (const [key, event] of Object.entries(tracked)) {
    if (event.item.event && eventSpan(event.item.event).endMs <= nowMs) delete tracked[key];
  }
  const { events: _old, ...rest } = state;
  const next: FeedState = {
    ...rest,
    queue,
    done,
    ...(Object.keys(tracked).length > 0 ? { events: tracked } : {}),
  };
  return { state: next, queued, held, dropped };
}

/** Remembered events, updated with this fetch's; those gone from the feed are forgotten. */
function trackEvents(
  previous: Readonly<Record<string, TrackedEvent>>,
  fetched: readonly Item[] | undefined,
  at: string,
): Record<string, TrackedEvent> {
  if (fetched === undefined) return { ...previous };
  const tracked: Record<string, TrackedEvent> = {};
  for (const item of fetched) {
    if (!item.event) continue;
    const before = previous[item.key];
    tracked[item.key] = before ? { ...before, item } : { item, since: at };
  }
  return tracked;
}

function isWithinAnnounceWindow(event: ItemEvent, settings: EventPostSettings, nowMs: number) {
  if (settings.announceWithinMs === undefined) return true;
  return eventSpan(event).startMs - settings.announceWithinMs <= nowMs;
}

function isAnnounceable(event: ItemEvent, nowMs: number): boolean {
  return (
    event.status !== "cancelled" && event.status !== "postponed" && eventSpan(event).endMs > nowMs
  );
}

function announcedOf(event: ItemEvent): NonNullable<TrackedEvent["announced"]> {
  return { start: event.start, status: event.status };
}

function withoutHeld(event: TrackedEvent): TrackedEvent {
  const { held: _held, ...rest } = event;
  return rest;
}

function changeOf(
  event: TrackedEvent,
  posted: boolean,
  settings: EventPostSettings,
): { readonly suffix: string; readonly prefix: string; readonly label: string } | undefined {
  const current = event.item.event;
  const was = event.announced;
  if (!settings.announceChanges || !posted || !current || !was) return undefined;
  const { prefixes } = settings;
  if (current.status === "cancelled" && was.status !== "cancelled") {
    return { suffix: "#cancelled", prefix: prefixes.cancelled, label: "cancelled" };
  }
  if (current.status === "postponed" && was.status !== "postponed") {
    return { suffix: "#postponed", prefix: prefixes.postponed, label: "postponed" };
  }
  if (current.status === "cancelled" || current.status === "postponed") return undefined;
  if (current.start !== was.start) {
    return {
      suffix: `#changed:${current.start}`,
      prefix: prefixes.newDate,
      label: `new date ${current.start}`,
    };
  }
  return undefined;
}

interface DueReminder {
  readonly item: Item;
  readonly momentMs: number;
}

/** Reminders of an event whose moment has come, and that crieur knew of at that moment. */
function dueReminders(event: TrackedEvent, settings: EventPostSettings, nowMs: number) {
  return eventReminders(event, settings).filter(
    (due) => due.momentMs <= nowMs && due.momentMs >= Date.parse(event.since),
  );
}

/** Every reminder an event calls for, due or not (the preview lists the coming ones). */
export function eventReminders(event: TrackedEvent, settings: EventPostSettings): DueReminder[] {
  const item = event.item;
  const ev = item.event;
  if (!ev || ev.status === "cancelled" || ev.status === "postponed") return [];
  const zone = settings.timeZone ?? ev.timeZone ?? "UTC";
  const { startMs, endMs } = eventSpan(ev);
  const startIso = new Date(startMs).toISOString();
  const endIso = new Date(endMs).toISOString();
  const firstDay = localDate(startMs, ev, zone);
  const reminders: DueReminder[] = [];
  for (const rule of settings.reminders) {
    if ("beforeMs" in rule) {
      const prefix = beforePrefix(rule.beforeMs, settings.prefixes);
      reminders.push({
        item: derived(item, `#remind:${rule.label}@${ev.start}`, prefix, {
          kind: "reminder",
          label: rule.label,
          until: startIso,
        }),
        momentMs: beforeStart(startMs, rule.beforeMs, zone),
      });
      continue;
    }
    const momentMs = wallTimeToUtc({ ...dayParts(firstDay), ...rule.dayOf, second: 0 }, zone);
    // A reminder "the day of" after a timed event started tells nothing useful.
    if (!ev.allDay && momentMs >= startMs) continue;
    reminders.push({
      item: derived(item, `#remind:${rule.label}@${ev.start}`, settings.prefixes.today, {
        kind: "reminder",
        label: rule.label,
        until: ev.allDay ? endIso : startIso,
      }),
      momentMs,
    });
  }
  const days = settings.lastDays;
  if (days !== undefined && ev.end !== undefined) {
    const lastDay = ev.allDay ? ev.end : localDate(endMs - 1, ev, zone);
    const fromDay = addDays(lastDay, 1 - days);
    // Only for events that last longer than the notice: a short one has no "last days".
    if (fromDay > firstDay) {
      reminders.push({
        item: derived(item, `#lastdays:${days}@${ev.end}`, fill(settings.prefixes.lastDays, days), {
          kind: "last-days",
          label: `${days}d`,
          until: endIso,
        }),
        momentMs: wallTimeToUtc({ ...dayParts(fromDay), hour: 9, minute: 0, second: 0 }, zone),
      });
    }
  }
  return reminders;
}

/**
 * Whole days before the start are counted on the zone's clock (a 7-day reminder of a 15:00 event
 * comes at 15:00, summer time or not); hours are exact.
 */
function beforeStart(startMs: number, beforeMs: number, zone: string): number {
  if (beforeMs % DAY_MS !== 0) return startMs - beforeMs;
  const wall = new Date(startMs + offsetAt(startMs, zone) - beforeMs);
  return wallTimeToUtc(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
    },
    zone,
  );
}

function lateReason(due: DueReminder, nowMs: number): string | undefined {
  const until = Date.parse(due.item.eventPost?.until ?? "");
  if (until <= nowMs) return "not posted: the event had already started when the reminder was due";
  if (nowMs - due.momentMs > REMINDER_GRACE_MS) {
    return `not posted: the reminder was due at ${new Date(due.momentMs).toISOString()} and no run came in time`;
  }
  return undefined;
}

function beforePrefix(ms: number, prefixes: EventPrefixes): string {
  if (ms % DAY_MS !== 0) return fill(prefixes.inHours, ms / HOUR_MS);
  return ms === DAY_MS ? prefixes.tomorrow : fill(prefixes.inDays, ms / DAY_MS);
}

function fill(prefix: string, n: number): string {
  return prefix.replaceAll("{n}", String(n));
}

function derived(item: Item, suffix: string, prefix: string, eventPost: EventPost): Item {
  const { keyWithoutGuid: _k, altKeys: _a, ...rest } = item;
  return { ...rest, key: `${item.key}${suffix}`, title: `${prefix} ${item.title}`, eventPost };
}

/** The day an instant falls on in the zone ("2026-10-25"); an all-day event's own date. */
function localDate(ms: number, event: ItemEvent, zone: string): string {
  if (event.allDay && ms === eventSpan(event).startMs) return event.start.slice(0, 10);
  return new Date(ms + offsetAt(ms, zone)).toISOString().slice(0, 10);
}

function dayParts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split("-").map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}

/** A post an event will call for within the window, for the preview and the job summary. */
export interface UpcomingEventPost {
  readonly title: string;
  /** ISO instant from which it is due (posted at the first run allowed to post after it). */
  readonly due: string;
  readonly kind: "announcement" | EventPost["kind"];
}

/** Held announcements and reminders that come due after `now` and within `windowMs`, soonest first. */
export function upcomingEventPosts(
  state: FeedState,
  settings: EventPostSettings,
  now: Date,
  windowMs: number,
): UpcomingEventPost[] {
  const nowMs = now.getTime();
  const known = keyChecker({ ...state, events: {} });
  const upcoming: { title: string; dueMs: number; kind: UpcomingEventPost["kind"] }[] = [];
  for (const event of Object.values(state.events ?? {})) {
    const ev = event.item.event;
    if (!ev) continue;
    if (event.held && isAnnounceable(ev, nowMs) && settings.announceWithinMs !== undefined) {
      const dueMs = Math.max(nowMs, eventSpan(ev).startMs - settings.announceWithinMs);
      if (dueMs <= nowMs + windowMs) {
        upcoming.push({ title: event.item.title, dueMs, kind: "announcement" });
      }
    }
    for (const due of eventReminders(event, settings)) {
      if (due.momentMs <= nowMs || due.momentMs > nowMs + windowMs) continue;
      if (due.momentMs < Date.parse(event.since) || known(due.item.key)) continue;
      const kind = due.item.eventPost?.kind ?? "reminder";
      upcoming.push({ title: due.item.title, dueMs: due.momentMs, kind });
    }
  }
  return upcoming
    .sort((a, b) => a.dueMs - b.dueMs)
    .map(({ title, dueMs, kind }) => ({ title, due: new Date(dueMs).toISOString(), kind }));
}
