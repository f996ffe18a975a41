/**
 * A calendar's events → the occurrences crieur considers: those not over yet that start within
 * the horizon. RRULE and RDATE are expanded by ical.js; EXDATE removes an occurrence (matched by
 * instant, or by day for a date-only EXDATE); a RECURRENCE-ID override replaces the occurrence it
 * names, keeping its key, and may move it or cancel it (STATUS:CANCELLED stays an item, with
 * status "cancelled"). Pure: the clock comes in through the options.
 */
import ICAL from "ical.js";
import { type AgendaOptions, withinHorizon } from "./agenda.js";
import { endOf, type Moment, momentOf, type Time, type Zone, zoneOfTime } from "./ics-time.js";
import type { Item, WrittenEvent } from "./item.js";
import { hashKey } from "./normalize.js";
import { offsetAt } from "./zone.js";

/** A VEVENT read: what it says, and what expansion needs. */
export interface CalendarEvent {
  readonly written: WrittenEvent;
  readonly uid: string | undefined;
  readonly component: InstanceType<typeof ICAL.Component>;
  readonly start: Moment;
  readonly startZone: Zone;
  /** Length: milliseconds for a timed event, days for an all-day one (0 when none is given). */
  readonly length: number;
  /** EXDATE values, each read in its own line's zone. */
  readonly excluded: readonly Moment[];
  readonly recurrenceId?: Moment;
}

/** Occurrences looked at per series, from its first: guards against FREQ=SECONDLY since 1970. */
export const MAX_STEPS = 100_000;
/** Occurrences of one series kept within the horizon. */
export const MAX_OCCURRENCES = 1_000;

export function expandEvents(
  events: readonly CalendarEvent[],
  options: AgendaOptions,
  notes: Set<string>,
): Item[] {
  const masters = events.filter((event) => !event.recurrenceId);
  const mastersPerUid = new Map<string, number>();
  for (const { uid } of masters) {
    if (uid) mastersPerUid.set(uid, (mastersPerUid.get(uid) ?? 0) + 1);
  }
  const overrides = new Map<string, CalendarEvent[]>();
  const orphans: CalendarEvent[] = [];
  for (const event of events) {
    if (!event.recurrenceId) continue;
    if (event.uid && mastersPerUid.has(event.uid)) {
      overrides.set(event.uid, [...(overrides.get(event.uid) ?? []), event]);
    } else {
      orphans.push(event);
    }
  }

  const items: Item[] = [];
  for (const master of masters) {
    const base = master.uid ?? hashKey(master.written.title, master.start.text);
    if (!master.component.hasProperty("rrule") && !master.component.hasProperty("rdate")) {
      // A UID that several events share (a faulty export) identifies none of them alone.
      const shared = master.uid !== undefined && (mastersPerUid.get(master.uid) ?? 0) > 1;
      const key = shared ? `${base}#${master.start.id}` : base;
      if (withinHorizon(master.written.event, options)) items.push(itemOf(key, master.written));
      continue;
    }
    items.push(
      ...expandSeries(master, base, overrides.get(master.uid ?? "") ?? [], options, notes),
    );
  }
  for (const orphan of orphans) {
    // An override whose series is not in the calendar is still an event the calendar lists.
    const base = orphan.uid ?? hashKey(orphan.written.title, orphan.start.text);
    if (withinHorizon(orphan.written.event, options)) {
      items.push(itemOf(`${base}#${orphan.recurrenceId?.id}`, orphan.written));
    }
  }
  return unique(items, notes);
}

function expandSeries(
  master: CalendarEvent,
  base: string,
  overrides: readonly CalendarEvent[],
  options: AgendaOptions,
  notes: Set<string>,
): Item[] {
  const horizonEnd = options.now.getTime() + options.horizonMs;
  const byId = new Map(overrides.map((override) => [idOf(override.recurrenceId), override]));
  const matched = new Set<CalendarEvent>();
  const excludedTimes = new Set(master.excluded.filter((m) => !m.allDay).map((m) => m.ms));
  const excludedDays = new Set(master.excluded.filter((m) => m.allDay).map((m) => m.text));
  const startTime = master.component.getFirstPropertyValue("dtstart") as Time;
  localizeUntil(master, startTime);
  const iterator = new ICAL.Event(master.component, { exceptions: [] }).iterator();

  const items: Item[] = [];
  for (let steps = 0; ; steps++) {
    if (steps >= MAX_STEPS) {
      notes.add(
        `"${master.written.title}" repeats too often: only its first ${MAX_STEPS} dates were read`,
      );
      break;
    }
    const time = iterator.next();
    if (!time) break;
    const zone =
      time.zone === startTime.zone ? master.startZone : zoneOfTime(time, master.startZone);
    const original = momentOf(time, zone);
    if (original.ms >= horizonEnd) break;
    if (excludedTimes.has(original.ms) || excludedDays.has(original.text.slice(0, 10))) continue;
    const override = byId.get(idOf(original));
    if (override) matched.add(override);
    const written = override ? inherit(master, override) : occurrenceOf(master, original, zone);
    if (!withinHorizon(written.event, options)) continue;
    if (items.length >= MAX_OCCURRENCES) {
      notes.add(
        `"${master.written.title}" has more than ${MAX_OCCURRENCES} dates within the horizon: only the first ${MAX_OCCURRENCES} are considered`,
      );
      break;
    }
    items.push(itemOf(`${base}#${original.id}`, written));
  }
  for (const override of overrides) {
    // An override of a date the series does not produce (excluded, or beyond the horizon and
    // moved into it) is still an event the calendar lists.
    if (matched.has(override) || !withinHorizon(override.written.event, options)) continue;
    items.push(itemOf(`${base}#${override.recurrenceId?.id}`, inherit(master, override)));
  }
  return items;
}

/** An occurrence the series produces as it is: the series' event at another start. */
function occurrenceOf(master: CalendarEvent, start: Moment, zone: Zone): WrittenEvent {
  const { start: _start, end: _end, ...rest } = master.written.event;
  return {
    ...master.written,
    event: { start: start.text, ...endOf(start, master.length, zone), ...rest },
  };
}

/** Identity of an occurrence for matching RECURRENCE-ID: its instant, or its day. */
function idOf(moment: Moment | undefined): string {
  if (!moment) return "";
  return moment.allDay ? moment.text : String(moment.ms);
}

/** An override replaces its occurrence; what it leaves out is the series'. */
function inherit(master: CalendarEvent, override: CalendarEvent): WrittenEvent {
  const own = override.written;
  const component = override.component;
  return {
    title: own.title || master.written.title,
    link: component.hasProperty("url") ? own.link : master.written.link,
    summary: own.summary || master.written.summary,
    categories: own.categories.length > 0 ? own.categories : master.written.categories,
    image: own.image ?? master.written.image,
    event: {
      ...own.event,
      status: component.hasProperty("status") ? own.event.status : master.written.event.status,
      ...(own.event.location || !master.written.event.location
        ? {}
        : { location: master.written.event.location }),
    },
  };
}

/**
 * ical.js compares UNTIL with the occurrences as written: for a series read as wall-clock times
 * (its TZID has no VTIMEZONE), an UNTIL in UTC is first turned into the same wall clock.
 */
function localizeUntil(master: CalendarEvent, startTime: Time): void {
  const zone = master.startZone.iana;
  if (startTime.zone !== ICAL.Timezone.localTimezone || zone === undefined) return;
  for (const property of master.component.getAllProperties("rrule")) {
    const rule = property.getFirstValue() as InstanceType<typeof ICAL.Recur>;
    const until = rule.until;
    if (!until || until.isDate || until.zone !== ICAL.Timezone.utcTimezone) continue;
    const ms = until.toUnixTime() * 1000;
    const wall = new Date(ms + offsetAt(ms, zone));
    rule.until = ICAL.Time.fromData({
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
    });
  }
}

function itemOf(key: string, written: WrittenEvent): Item {
  return {
    key,
    title: written.title,
    link: written.link,
    published: undefined,
    summary: written.summary,
    author: undefined,
    categories: written.categories,
    image: written.image,
    event: written.event,
  };
}

/** Keys are unique within a feed: of two events with the same UID and start, the first stands. */
function unique(items: readonly Item[], notes: Set<string>): Item[] {
  const seen = new Set<string>();
  const kept = items.filter((item) => !seen.has(item.key) && seen.add(item.key));
  if (kept.length < items.length) {
    notes.add(
      `${items.length - kept.length} events repeat another event's UID and start: the first one stands`,
    );
  }
  return kept;
}
