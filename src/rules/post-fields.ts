/**
 * What a template is rendered against (pure): an item and its feed's settings → plain fields.
 * `{link}` is the item's link (for a calendar or agenda page, the event's URL, else the page's or
 * calendar's: the sources fill it). `{status}` is empty for a confirmed event, the usual case, and
 * otherwise a word in the feed's language (French or English; English for other languages).
 */
import type { EventStatus, Item } from "../sources/item.js";
import type { DateValue } from "./date-pattern.js";
import type { DateField, TextField } from "./template.js";
import type { RenderFields } from "./template-render.js";

export interface FieldSettings {
  /** The feed's name, for {feed}. */
  readonly name: string;
  readonly locale: string;
  /** IANA zone dates are shown in; absent: an event's own zone, and UTC for {date}. */
  readonly timeZone?: string;
}

const STATUS_WORDS: Readonly<Record<"en" | "fr", Record<EventStatus, string>>> = {
  en: {
    confirmed: "",
    tentative: "to be confirmed",
    cancelled: "cancelled",
    postponed: "postponed",
    rescheduled: "rescheduled",
  },
  fr: {
    confirmed: "",
    tentative: "à confirmer",
    cancelled: "annulé",
    postponed: "reporté",
    rescheduled: "reprogrammé",
  },
};

/** Every field but {hashtags}, which the compose step adds and drops to fit. */
export function fieldsOfItem(item: Item, settings: FieldSettings): RenderFields {
  const { event } = item;
  const text: Partial<Record<TextField, string>> = {
    title: item.title,
    link: item.link ?? "",
    summary: item.summary,
    author: item.author ?? "",
    feed: settings.name,
    location: event?.location ?? "",
    status: event === undefined ? "" : statusWord(event.status, settings.locale),
  };
  const dates: Partial<Record<DateField, DateValue>> = {};
  if (item.published !== undefined) {
    dates.date = { iso: item.published, allDay: false, zone: "UTC" };
  }
  if (event !== undefined) {
    const zone = event.timeZone === undefined ? {} : { zone: event.timeZone };
    dates.start = { iso: event.start, allDay: event.allDay, ...zone };
    if (event.end !== undefined) dates.end = { iso: event.end, allDay: event.allDay, ...zone };
  }
  return {
    text,
    dates,
    locale: settings.locale,
    ...(settings.timeZone === undefined ? {} : { timeZone: settings.timeZone }),
  };
}

function statusWord(status: EventStatus, locale: string): string {
  const language = /^fr(-|$)/i.test(locale) ? "fr" : "en";
  return STATUS_WORDS[language][status];
}
