/**
 * Dates in posts (pure): a checked pattern (date-pattern.ts) or a default form, formatted with
 * Luxon 3.7 in the feed's locale and time zone. Luxon formats through the platform's Intl, so
 * locales and zones are Node's own ICU data. Loaded only when a post is composed.
 */
import { DateTime, type DateTimeFormatOptions } from "luxon";
import { type DateSettings, type DateValue, dateOnly, type PatternPart } from "./date-pattern.js";

// Without a pattern: the weekday and the day, with the time unless the event lasts all day.
const DAY: DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long" };
const PUBLISHED: DateTimeFormatOptions = DateTime.DATE_FULL;

/** Hours as the locale writes them: "15:00" and "09:30" in French, "3:00 PM" in American English. */
function timeOfDay(locale: string): DateTimeFormatOptions {
  const { hourCycle } = new Intl.DateTimeFormat(locale, { hour: "numeric" }).resolvedOptions();
  const clock24 = hourCycle === "h23" || hourCycle === "h24";
  return { hour: clock24 ? "2-digit" : "numeric", minute: "2-digit" };
}

export type DefaultDate = "event" | "time" | "published";

/** `value` formatted with `parts` (a parsed pattern), or its default form. "" when unreadable. */
export function formatDate(
  value: DateValue,
  parts: readonly PatternPart[] | DefaultDate,
  settings: DateSettings,
): string {
  const date = dateTimeOf(value, settings);
  if (!date.isValid) return "";
  if (typeof parts === "string") {
    const time = value.allDay ? {} : timeOfDay(settings.locale);
    const options =
      parts === "published" ? PUBLISHED : parts === "time" ? time : { ...DAY, ...time };
    return date.toLocaleString(options);
  }
  return (value.allDay ? dateOnly(parts) : parts)
    .map((part) => (part.kind === "text" ? part.text : date.toFormat(part.token)))
    .join("");
}

/** Whether two timed values fall on the same day where they are shown. */
export function sameDay(a: DateValue, b: DateValue, settings: DateSettings): boolean {
  const first = dateTimeOf(a, settings);
  const second = dateTimeOf(b, settings);
  return first.isValid && second.isValid && first.toISODate() === second.toISODate();
}

function dateTimeOf(value: DateValue, settings: DateSettings): DateTime {
  // An all-day event's date is the same everywhere: no zone may move it to the day before.
  if (value.allDay) {
    return DateTime.fromISO(value.iso.slice(0, 10), { zone: "UTC", locale: settings.locale });
  }
  const written = DateTime.fromISO(value.iso, { setZone: true, locale: settings.locale });
  const zone = settings.timeZone ?? value.zone;
  return zone === undefined ? written : written.setZone(zone);
}
