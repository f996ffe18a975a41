/**
 * iCalendar (RFC 5545) → ParsedFeed, through ical.js: the events as written (one per VEVENT, in
 * file order) and, as items, their occurrences that are not over and start within the horizon.
 *
 * Each VEVENT is parsed on its own (ics-lines.ts splits the file), against a calendar holding only
 * the VTIMEZONEs, so a broken event is skipped with its line and the rest still works. A TZID that
 * is an IANA or Windows zone name is read with the IANA rules (zone.ts); another one, with the
 * calendar's VTIMEZONE of that name (ical.js applies its rules); floating times are read in the feed's
 * `timeZone`, else the calendar's X-WR-TIMEZONE, else UTC. Expansion (RRULE, RDATE, EXDATE,
 * RECURRENCE-ID overrides) is in ics-occurrences.ts.
 *
 * Keys: a single event's UID; an occurrence's UID and original start ("uid#20260402T190000"), so
 * an override that moves or edits an occurrence keeps its key.
 */
import ICAL from "ical.js";
import type { AgendaOptions } from "./agenda.js";
import { latestFirst } from "./agenda.js";
import { type Block, propertyCounts, rawValue, splitCalendar } from "./ics-lines.js";
import { type CalendarEvent, expandEvents } from "./ics-occurrences.js";
import {
  endOf,
  type Moment,
  momentOf,
  namedZone,
  type Time,
  type Zone,
  zoneOfTime,
} from "./ics-time.js";
import type { EventStatus, ItemEvent, ParsedFeed, SkippedEvent, WrittenEvent } from "./item.js";
import { resolveLink, toPlainText, toPlainTitle } from "./normalize.js";
import { describe, FeedParseError } from "./parse-error.js";
import { ianaZoneOf } from "./zone.js";

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

interface Context {
  readonly root: Component;
  readonly feedUrl: string;
  /** Zone of floating times (and of UTC times' text), when one is known. */
  readonly floatingZone: string | undefined;
  readonly notes: Set<string>;
}

/** Properties a VEVENT may hold once only: a second one makes the event ambiguous. */
const SINGLE_PROPERTIES = ["DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "UID"];

export function parseCalendar(text: string, feedUrl: string, options: AgendaOptions): ParsedFeed {
  const parts = splitCalendar(text);
  if (parts.properties.length === 0 && parts.events.length === 0 && parts.timezones.length === 0) {
    throw new FeedParseError(feedUrl, "not an iCalendar file: it has no BEGIN:VCALENDAR block.");
  }
  const notes = new Set(parts.notes);
  const root = calendarRoot(parts.properties, parts.timezones, notes);
  const calendarZone = ianaZoneOf(String(root.getFirstPropertyValue("x-wr-timezone") ?? ""));
  const context: Context = {
    root,
    feedUrl,
    floatingZone: options.timeZone ?? calendarZone,
    notes,
  };
  const read = parts.events.map((block) => readBlock(block, context));
  const events = read.map((entry) => ("skipped" in entry ? entry : entry.written));
  const readable = read.filter((entry): entry is CalendarEvent => !("skipped" in entry));
  const expanded = expandEvents(readable, options, notes);
  const name = root.getFirstPropertyValue("x-wr-calname") ?? root.getFirstPropertyValue("name");
  return {
    title: toPlainTitle(typeof name === "string" ? name : ""),
    items: latestFirst(expanded),
    notes: [...notes],
    events,
  };
}

/**
 * The calendar without its events: its own properties and the VTIMEZONEs of custom zones. A
 * VTIMEZONE for an IANA or Windows name is left out: its times are read with the IANA rules
 * (Intl), which are as right and far faster — ical.js walks every change from the definition's
 * start, and Outlook starts its definitions in 1601.
 */
function calendarRoot(
  properties: readonly string[],
  timezones: readonly Block[],
  notes: Set<string>,
) {
  let root: Component;
  try {
    root = new ICAL.Component(ICAL.parse(wrap(properties)));
  } catch (error) {
    notes.add(`the calendar's own properties are unreadable and were ignored (${describe(error)})`);
    root = new ICAL.Component("vcalendar");
  }
  for (const block of timezones) {
    if (ianaZoneOf(rawValue(block, "TZID") ?? "")) continue;
    try {
      const lines = block.lines.map((line) => line.replace(ANCIENT_START, "DTSTART:1970"));
      root.addSubcomponent(new ICAL.Component(ICAL.parse(lines.join("\r\n"))));
    } catch (error) {
      const tzid = rawValue(block, "TZID") ?? "?";
      notes.add(`time zone "${tzid}" (line ${block.line}) is unreadable (${describe(error)})`);
    }
  }
  return root;
}

/** An observance starting before 1900 (Outlook's 1601): its changes are the same since 1970. */
const ANCIENT_START = /^DTSTART:1[0-8]\d\d(?=\d{4}T\d{6}$)/i;

function wrap(lines: readonly string[]): string {
  return ["BEGIN:VCALENDAR", ...lines, "END:VCALENDAR"].join("\r\n");
}

function readBlock(block: Block, context: Context): CalendarEvent | SkippedEvent {
  const skip = (problem: string): SkippedEvent => {
    const uid = rawValue(block, "UID");
    return {
      title: toPlainTitle(rawValue(block, "SUMMARY") ?? ""),
      ...(uid ? { uid } : {}),
      skipped: `line ${block.line}: ${problem}`,
    };
  };
  if (block.truncated) return skip("the file ends inside this event (truncated download?)");
  const counts = propertyCounts(block);
  for (const name of SINGLE_PROPERTIES) {
    const count = counts.get(name) ?? 0;
    if (count > 1) return skip(`it has ${count} ${name} lines`);
  }
  try {
    const jcal = ICAL.parse(block.lines.join("\r\n"));
    repairDateValues(jcal);
    return readEvent(new ICAL.Component(jcal, context.root), context);
  } catch (error) {
    return skip(describe(error));
  }
}

/**
 * A date written without VALUE=DATE ("EXDATE:20200116") reaches ical.js as a broken date-time
 * ("2020-01-16T::"): it is a date.
 */
function repairDateValues(jcal: unknown): void {
  if (!Array.isArray(jcal) || !Array.isArray(jcal[1])) return;
  for (const property of jcal[1] as unknown[][]) {
    const values = property.slice(3);
    if (property[2] !== "date-time" || values.length === 0) continue;
    if (
      !values.every((value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}T::$/.test(value))
    ) {
      continue;
    }
    property.splice(
      2,
      property.length - 2,
      "date",
      ...values.map((value) => String(value).slice(0, 10)),
    );
  }
}

class EventProblem extends Error {}

function readEvent(component: Component, context: Context): CalendarEvent {
  const startProperty = component.getFirstProperty("dtstart");
  if (!startProperty) throw new EventProblem("it has no DTSTART");
  const startTime = timeOf(startProperty);
  const startZone = zoneOf(startProperty, context);
  const start = momentOf(startTime, startZone);
  const length = lengthOf(component, start, context);
  const recurrenceProperty = component.getFirstProperty("recurrence-id");
  const recurrenceId = recurrenceProperty ? momentIn(recurrenceProperty, context) : undefined;
  const uid = textValue(component, "uid") || undefined;
  const excluded = datesOf(component, "exdate", context);
  const event: ItemEvent = {
    start: start.text,
    ...endOf(start, length, startZone),
    allDay: start.allDay,
    ...(startZone.iana ? { timeZone: startZone.iana } : {}),
    ...optionalText("location", toPlainText(textValue(component, "location"))),
    status: statusOf(component),
    ...(recurrenceId ? { originalStart: recurrenceId.text } : {}),
    ...(uid ? { uid } : {}),
  };
  const written: WrittenEvent = {
    title: toPlainTitle(textValue(component, "summary")),
    link: resolveLink(textValue(component, "url"), context.feedUrl) ?? context.feedUrl,
    summary: toPlainText(textValue(component, "description")),
    categories: categoriesOf(component),
    image: imageOf(component, context.feedUrl),
    event,
    ...recurrenceOf(component, excluded, context),
  };
  return {
    written,
    uid,
    component,
    start,
    startZone,
    length,
    excluded,
    ...(recurrenceId ? { recurrenceId } : {}),
  };
}

function timeOf(property: Property): Time {
  let value: unknown;
  try {
    value = property.getFirstValue();
  } catch (error) {
    value = error;
  }
  if (!(value instanceof ICAL.Time)) {
    const detail = value instanceof Error ? ` (${describe(value)})` : "";
    throw new EventProblem(
      `its ${property.name.toUpperCase()} is not a valid date or time${detail}`,
    );
  }
  // ical.js rolls an impossible date over (13th month → January, 31 February → 3 March): an
  // event announced on a date its calendar never gave.
  const written = property.jCal[3];
  if (typeof written === "string" && !isRealDate(written)) {
    throw new EventProblem(
      `its ${property.name.toUpperCase()} ${written} is not a real date or time`,
    );
  }
  return value;
}

function isRealDate(written: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(written);
  if (!parts) return true;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts
    .slice(1)
    .map((part) => Number(part ?? 0));
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= ICAL.Time.daysInMonth(month, year) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60
  );
}

function momentIn(property: Property, context: Context): Moment {
  const time = timeOf(property);
  return momentOf(time, zoneOf(property, context));
}

/** The zone a date or time property is written in (see the file's comment). */
function zoneOf(property: Property, context: Context): Zone {
  const floating = namedZone(context.floatingZone);
  const time = property.getFirstValue();
  const own = time instanceof ICAL.Time ? zoneOfTime(time, floating) : floating;
  const tzid = property.getFirstParameter("tzid");
  if (own !== floating || !tzid) return own;
  const iana = ianaZoneOf(tzid);
  if (!iana) {
    context.notes.add(
      `unknown time zone "${tzid}" without a VTIMEZONE: its times were read in ${context.floatingZone ?? "UTC"}`,
    );
  }
  return iana ? namedZone(iana) : floating;
}

function lengthOf(component: Component, start: Moment, context: Context): number {
  const endProperty = component.getFirstProperty("dtend");
  if (endProperty) {
    const end = momentIn(endProperty, context);
    const length = end.ms - start.ms;
    return Math.max(0, start.allDay ? Math.round(length / 86_400_000) : length);
  }
  const duration = component.getFirstPropertyValue("duration");
  if (duration instanceof ICAL.Duration) {
    const seconds = duration.toSeconds();
    return Math.max(0, start.allDay ? Math.round(seconds / 86_400) : seconds * 1000);
  }
  // RFC 5545: without an end, an all-day event lasts its day; a timed one has no length.
  return start.allDay ? 1 : 0;
}

const STATUSES: Readonly<Record<string, EventStatus>> = {
  CONFIRMED: "confirmed",
  TENTATIVE: "tentative",
  CANCELLED: "cancelled",
};

function statusOf(component: Component): EventStatus {
  return STATUSES[textValue(component, "status").trim().toUpperCase()] ?? "confirmed";
}

export function textValue(component: Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === "string" ? value : "";
}

function optionalText<K extends string>(key: K, value: string): { [P in K]?: string } {
  return value === "" ? {} : ({ [key]: value } as { [P in K]?: string });
}

function categoriesOf(component: Component): string[] {
  const values = component
    .getAllProperties("categories")
    .flatMap((property) => property.getValues())
    .map((value) => toPlainText(String(value)));
  return [...new Set(values.filter((value) => value !== ""))];
}

/** RFC 7986 IMAGE, else an ATTACH declared as an image. */
function imageOf(component: Component, feedUrl: string): string | undefined {
  const candidates = [
    ...component.getAllProperties("image"),
    ...component
      .getAllProperties("attach")
      .filter((property) => /^image\//i.test(property.getFirstParameter("fmttype") ?? "")),
  ];
  for (const property of candidates) {
    const value = property.getFirstValue();
    const link = typeof value === "string" ? resolveLink(value, feedUrl) : undefined;
    if (link && /^https?:/i.test(link)) return link;
  }
  return undefined;
}

function recurrenceOf(component: Component, excluded: readonly Moment[], context: Context) {
  const rules = component
    .getAllProperties("rrule")
    .map((property) => String(property.getFirstValue()));
  const dates = datesOf(component, "rdate", context).map((moment) => moment.text);
  if (rules.length === 0 && dates.length === 0) return {};
  return { recurrence: { rules, dates, excluded: excluded.map((moment) => moment.text) } };
}

/** Every date or time of the RDATE or EXDATE lines, each read in its own line's zone. */
function datesOf(component: Component, name: string, context: Context): Moment[] {
  return component.getAllProperties(name).flatMap((property) => {
    const zone = zoneOf(property, context);
    return property
      .getValues()
      .filter((value): value is Time => value instanceof ICAL.Time)
      .map((time) => momentOf(time, zone));
  });
}
