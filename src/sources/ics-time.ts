/**
 * Times of a calendar: in which zone a date or time is written, its instant, and its text (ISO
 * with the zone's offset). ical.js applies a VTIMEZONE's rules; zone.ts handles IANA zones.
 */
import ICAL from "ical.js";
import { ianaZoneOf, isoAtOffset, isoWithOffset, wallTimeToUtc } from "./zone.js";

export type Time = InstanceType<typeof ICAL.Time>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

/** How the times of one property are turned into instants and written back as text. */
export interface Zone {
  /** The IANA name reported in `event.timeZone`, when known. */
  readonly iana: string | undefined;
  toMs(time: Time): number;
  /** An instant as ISO 8601 in this zone. */
  text(ms: number): string;
}

/** A time of the calendar, read: its instant, its text, and its identity in a series. */
export interface Moment {
  readonly ms: number;
  /** ISO with offset, or a date for an all-day event. */
  readonly text: string;
  readonly allDay: boolean;
  /** The value as iCalendar writes it ("20260402T190000"), which names an occurrence. */
  readonly id: string;
}

/** The zone of a time an iteration produced: its own when it has one (an RDATE in UTC). */
export function zoneOfTime(time: Time, series: Zone): Zone {
  if (time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === "UTC") {
    return utcZone(series.iana);
  }
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone && time.zone.tzid !== "floating") {
    return definedZone(time.zone);
  }
  return series;
}

function utcZone(display: string | undefined): Zone {
  return {
    iana: display,
    toMs: (time) => time.toUnixTime() * 1000,
    text: (ms) => isoWithOffset(ms, display),
  };
}

/** A VTIMEZONE of the calendar: ical.js applies its rules. */
function definedZone(zone: Timezone): Zone {
  return {
    iana: ianaZoneOf(zone.tzid),
    toMs: (time) => time.toUnixTime() * 1000,
    text: (ms) => {
      const local = ICAL.Time.fromJSDate(new Date(ms), true).convertToZone(zone);
      return isoAtOffset(ms, local.utcOffset() * 1000);
    },
  };
}

/** Wall-clock times in an IANA zone (UTC when none is known). */
export function namedZone(iana: string | undefined): Zone {
  return {
    iana,
    toMs: (time) =>
      iana === undefined
        ? Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second)
        : wallTimeToUtc(time, iana),
    text: (ms) => isoWithOffset(ms, iana),
  };
}

export function momentOf(time: Time, zone: Zone): Moment {
  if (time.isDate) {
    const text = time.toString().slice(0, 10);
    return { ms: Date.parse(`${text}T00:00:00Z`), text, allDay: true, id: time.toICALString() };
  }
  const ms = zone.toMs(time);
  return { ms, text: zone.text(ms), allDay: false, id: time.toICALString() };
}

/** `end` of an occurrence starting at `start`: an all-day event's last day, included. */
export function endOf(start: Moment, length: number, zone: Zone): { end?: string } {
  if (start.allDay) {
    const lastDay = start.ms + Math.max(0, length - 1) * 86_400_000;
    return { end: new Date(lastDay).toISOString().slice(0, 10) };
  }
  return length > 0 ? { end: zone.text(start.ms + length) } : {};
}
