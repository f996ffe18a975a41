/**
 * One entry of a feed, normalized: every format (RSS, Atom, JSON Feed…) is parsed into this shape.
 * All text is plain (no HTML, entities decoded, whitespace collapsed); links are absolute.
 *
 * Sources wing (sources/): everything that turns an address into items — fetch and decode the
 * bytes (the network edge), parse each format (rss-atom, json-feed; ics for calendars, page for
 * agenda pages with schema.org events), normalize fields and give each item a stable key. It
 * knows nothing of state, posting or networks to post to.
 * May import: errors, version.
 */
export interface Item {
  /** Identity within its feed: guid/id, else the canonical link, else a hash of title and date. */
  readonly key: string;
  /**
   * Set when `key` is a guid: the identity the item has without it (its link, else a hash). It
   * becomes the key in a feed whose guids proved unreliable (see dedupe.ts).
   */
  readonly keyWithoutGuid?: string;
  /**
   * Other identities the item may have had in an earlier version of the feed (the hash of link,
   * title and date, when the key is a link shared with no other item): dedupe treats the item as
   * known when any of them is, so an identity that depends on the rest of the feed never reposts.
   */
  readonly altKeys?: readonly string[];
  readonly title: string;
  readonly link: string | undefined;
  /**
   * The article's own address when the feed names one besides the link (Atom's
   * `<link rel="canonical">`, FeedBurner's `<feedburner:origLink>` under a redirecting link):
   * how the same article is recognised in two feeds (canonical-url.ts). Absent otherwise.
   */
  readonly canonical?: string;
  /** ISO 8601 in UTC, when the feed gives a parseable date. */
  readonly published: string | undefined;
  readonly summary: string;
  readonly author: string | undefined;
  readonly categories: readonly string[];
  /** Absolute URL of the item's image, if the feed names one. */
  readonly image: string | undefined;
  /** What the feed says the image shows (media:title or media:description, an <img>'s alt). */
  readonly imageAlt?: string;
  /** Set on items that are events: an occurrence from a calendar, or an agenda page's event. */
  readonly event?: ItemEvent;
  /** Set on a post crieur derives from an event: a reminder, a last-days notice or a change. */
  readonly eventPost?: EventPost;
}

/** What a derived event post is about; its item is the event's, with a prefixed title. */
export interface EventPost {
  readonly kind: "reminder" | "last-days" | "change";
  /** The rule that made it, as written in feeds.yml ("7d", "day-of 09:00"), or the change. */
  readonly label: string;
  /** ISO instant after which the post would be late (the event started, or ended). */
  readonly until: string;
}

export const EVENT_STATUSES = [
  "confirmed",
  "tentative",
  "cancelled",
  "postponed",
  "rescheduled",
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * When and where an event happens, as plain data. Calendar and page items have no `published`
 * date (see ics.ts): their order is by `start`, latest first, like a feed's newest first.
 */
export interface ItemEvent {
  /**
   * ISO 8601 with the offset of the event's zone ("2026-03-12T19:00:00+01:00"), "Z" for a time
   * given in UTC, or a date ("2026-07-14") for an all-day event.
   */
  readonly start: string;
  /** Same form as `start`; for an all-day event, its last day (included). Absent when unknown. */
  readonly end?: string;
  readonly allDay: boolean;
  /** IANA zone the times are written in, when known ("Europe/Paris"). */
  readonly timeZone?: string;
  readonly location?: string;
  readonly status: EventStatus;
  /** For an occurrence a RECURRENCE-ID override changed: the start the series gave it. */
  readonly originalStart?: string;
  /** The event's identifier in its source: the calendar's UID, or the page's JSON-LD `@id`. */
  readonly uid?: string;
}

/**
 * One event as its source writes it (a VEVENT, or a page's schema.org Event), before recurrences
 * are expanded: what `crieur items` lists. Occurrences (the feed's items) are built from these.
 */
export interface WrittenEvent {
  readonly title: string;
  readonly link: string | undefined;
  readonly summary: string;
  readonly categories: readonly string[];
  readonly image: string | undefined;
  readonly event: ItemEvent;
  /** How a calendar event repeats, as written: RRULE values, RDATE and EXDATE times. */
  readonly recurrence?: {
    readonly rules: readonly string[];
    readonly dates: readonly string[];
    readonly excluded: readonly string[];
  };
}

/** An event that could not be read: it is left out, and this says which one and why. */
export interface SkippedEvent {
  readonly title: string;
  readonly uid?: string;
  readonly skipped: string;
}

/** A parsed feed: its own title, its items in document order, and the repairs that were needed. */
export interface ParsedFeed {
  readonly title: string;
  readonly items: readonly Item[];
  /** One line per repair or oddity worth telling the owner once (e.g. "bare '&' escaped"). */
  readonly notes: readonly string[];
  /**
   * Set when one guid was found on several different items: such a feed's guids identify
   * nothing, and dedupe remembers it (`unreliableGuids` in the feed's state).
   */
  readonly guidsRepeated?: true;
  /** Calendars and agenda pages: every event as written, in document order (see WrittenEvent). */
  readonly events?: readonly (WrittenEvent | SkippedEvent)[];
}
