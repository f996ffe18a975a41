import { describe, expect, it } from "vitest";
import type { AgendaOptions } from "./agenda.js";
import { parseCalendar } from "./ics.js";
import type { Item, SkippedEvent, WrittenEvent } from "./item.js";

const URL = "https://musee.example/agenda.ics";
const DAY = 86_400_000;
const MARCH: AgendaOptions = { now: new Date("2026-03-01T00:00:00Z"), horizonMs: 90 * DAY };

const PARIS = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Paris",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** Outlook's way: the zone named by its Windows name, defined once in the file. */
const OUTLOOK_BERLIN = [
  "BEGIN:VTIMEZONE",
  "TZID:W. Europe Standard Time",
  "BEGIN:STANDARD",
  "DTSTART:16010101T030000",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "DTSTART:16010101T020000",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
];

function calendar(...lines: string[]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "X-WR-CALNAME:Musée", ...lines, "END:VCALENDAR"].join(
    "\r\n",
  );
}

function vevent(...lines: string[]): string[] {
  return ["BEGIN:VEVENT", "DTSTAMP:20260101T000000Z", ...lines, "END:VEVENT"];
}

const WEEKLY_TALK = vevent(
  "UID:talk@musee.example",
  "DTSTART;TZID=Europe/Paris:20260312T190000",
  "DTEND;TZID=Europe/Paris:20260312T203000",
  "RRULE:FREQ=WEEKLY;COUNT=6",
  "EXDATE;TZID=Europe/Paris:20260326T190000",
  "RDATE;TZID=Europe/Paris:20260420T180000",
  "SUMMARY:Conférence du jeudi",
  "LOCATION:Auditorium",
  "URL:/agenda/talks",
);

function starts(items: readonly Item[]): string[] {
  return items.map((item) => item.event?.start ?? "").reverse();
}

describe("parseCalendar: recurrences and time zones", () => {
  it("keeps 19:00 in Paris across the change to summer time, with EXDATE and RDATE", () => {
    const feed = parseCalendar(calendar(...PARIS, ...WEEKLY_TALK), URL, MARCH);
    expect(feed.title).toBe("Musée");
    expect(starts(feed.items)).toEqual([
      "2026-03-12T19:00:00+01:00",
      "2026-03-19T19:00:00+01:00",
      // 26 March is excluded; clocks change on 29 March.
      "2026-04-02T19:00:00+02:00",
      "2026-04-09T19:00:00+02:00",
      "2026-04-16T19:00:00+02:00",
      "2026-04-20T18:00:00+02:00",
    ]);
    const first = feed.items.at(-1);
    expect(first).toMatchObject({
      key: "talk@musee.example#20260312T190000",
      title: "Conférence du jeudi",
      link: "https://musee.example/agenda/talks",
      published: undefined,
      event: {
        end: "2026-03-12T20:30:00+01:00",
        allDay: false,
        timeZone: "Europe/Paris",
        location: "Auditorium",
        status: "confirmed",
        uid: "talk@musee.example",
      },
    });
  });

  it("keeps 19:00 across the change back to winter time in October", () => {
    const nocturne = vevent(
      "UID:nocturne@musee.example",
      "DTSTART;TZID=Europe/Paris:20261022T190000",
      "DURATION:PT2H",
      "RRULE:FREQ=WEEKLY;UNTIL=20261106T000000Z",
      "SUMMARY:Nocturne",
    );
    const october = { now: new Date("2026-10-01T00:00:00Z"), horizonMs: 90 * DAY };
    const feed = parseCalendar(calendar(...PARIS, ...nocturne), URL, october);
    expect(feed.items.map((item) => [item.event?.start, item.event?.end]).reverse()).toEqual([
      ["2026-10-22T19:00:00+02:00", "2026-10-22T21:00:00+02:00"],
      ["2026-10-29T19:00:00+01:00", "2026-10-29T21:00:00+01:00"],
      ["2026-11-05T19:00:00+01:00", "2026-11-05T21:00:00+01:00"],
    ]);
  });

  it("reads IANA zones without a VTIMEZONE, and a UTC UNTIL that ends on the last occurrence", () => {
    const lastInUtc = "20260402T170000Z"; // 19:00 in Paris, summer time
    const text = calendar(
      ...vevent(
        "UID:no-vtimezone",
        "DTSTART;TZID=Europe/Paris:20260319T190000",
        `RRULE:FREQ=WEEKLY;UNTIL=${lastInUtc}`,
        "SUMMARY:Visite",
      ),
      ...vevent("UID:ny", "DTSTART;TZID=America/New_York:20260310T100000", "SUMMARY:New York"),
    );
    const feed = parseCalendar(text, URL, MARCH);
    expect(starts(feed.items.filter((item) => item.title === "Visite"))).toEqual([
      "2026-03-19T19:00:00+01:00",
      "2026-03-26T19:00:00+01:00",
      "2026-04-02T19:00:00+02:00",
    ]);
    expect(feed.items.find((item) => item.title === "New York")?.event).toMatchObject({
      start: "2026-03-10T10:00:00-04:00", // New York changed on 8 March
      timeZone: "America/New_York",
    });
  });

  it("reads Outlook's Windows zone names, defined in the file or not", () => {
    const text = calendar(
      ...OUTLOOK_BERLIN,
      ...vevent("UID:defined", "DTSTART;TZID=W. Europe Standard Time:20260401T100000", "SUMMARY:A"),
      ...vevent("UID:mapped", "DTSTART;TZID=Romance Standard Time:20260401T100000", "SUMMARY:B"),
    );
    const events = parseCalendar(text, URL, MARCH).events as WrittenEvent[];
    expect(events.map((event) => [event.event.start, event.event.timeZone])).toEqual([
      ["2026-04-01T10:00:00+02:00", "Europe/Berlin"],
      ["2026-04-01T10:00:00+02:00", "Europe/Paris"],
    ]);
  });

  it("reads a custom zone with its VTIMEZONE, starting in 1601 as Outlook writes them", () => {
    const custom = OUTLOOK_BERLIN.map((line) =>
      line.replace("W. Europe Standard Time", "Zone du musée"),
    );
    const text = calendar(
      ...custom,
      ...vevent("UID:c", "DTSTART;TZID=Zone du musée:20261101T100000"),
    );
    const event = parseCalendar(text, URL, MARCH).events?.[0] as WrittenEvent;
    expect(event.event.start).toBe("2026-11-01T10:00:00+01:00");
    expect(event.event.timeZone).toBeUndefined();
  });

  it("repairs Outlook's TZID quoted together with its value", () => {
    const text = calendar(
      ...OUTLOOK_BERLIN,
      ...vevent(
        "UID:quoted",
        'DTSTART;TZID="W. Europe Standard Time:20260401T090000"',
        "SUMMARY:Q",
      ),
    );
    const feed = parseCalendar(text, URL, MARCH);
    expect(feed.items[0]?.event?.start).toBe("2026-04-01T09:00:00+02:00");
    expect(feed.notes.join()).toMatch(/TZID quoted together with its value/);
  });

  it("reads floating times in the feed's timeZone, else X-WR-TIMEZONE, else UTC", () => {
    const event = vevent("UID:floating", "DTSTART:20260401T150000", "SUMMARY:Floating");
    const startIn = (text: string, options: AgendaOptions) =>
      parseCalendar(text, URL, options).items[0]?.event;
    expect(startIn(calendar(...event), { ...MARCH, timeZone: "Europe/Paris" })).toMatchObject({
      start: "2026-04-01T15:00:00+02:00",
      timeZone: "Europe/Paris",
    });
    expect(startIn(calendar("X-WR-TIMEZONE:America/Chicago", ...event), MARCH)).toMatchObject({
      start: "2026-04-01T15:00:00-05:00",
      timeZone: "America/Chicago",
    });
    expect(startIn(calendar(...event), MARCH)?.start).toBe("2026-04-01T15:00:00Z");
  });
});

describe("parseCalendar: overrides and cancellations", () => {
  const moved = vevent(
    "UID:talk@musee.example",
    "RECURRENCE-ID;TZID=Europe/Paris:20260402T190000",
    "DTSTART;TZID=Europe/Paris:20260403T200000",
    "DTEND;TZID=Europe/Paris:20260403T213000",
    "SUMMARY:Conférence du jeudi (vendredi exceptionnellement)",
  );
  const cancelled = vevent(
    "UID:talk@musee.example",
    "RECURRENCE-ID;TZID=Europe/Paris:20260409T190000",
    "DTSTART;TZID=Europe/Paris:20260409T190000",
    "STATUS:CANCELLED",
  );

  it("moves an occurrence and keeps its key, so an edit never makes a new event", () => {
    const before = parseCalendar(calendar(...PARIS, ...WEEKLY_TALK), URL, MARCH);
    const after = parseCalendar(calendar(...PARIS, ...WEEKLY_TALK, ...moved), URL, MARCH);
    expect(after.items.map((item) => item.key).sort()).toEqual(
      before.items.map((item) => item.key).sort(),
    );
    const occurrence = after.items.find((item) => item.key.endsWith("#20260402T190000"));
    expect(occurrence).toMatchObject({
      title: "Conférence du jeudi (vendredi exceptionnellement)",
      link: "https://musee.example/agenda/talks", // the series' URL
      event: {
        start: "2026-04-03T20:00:00+02:00",
        end: "2026-04-03T21:30:00+02:00",
        originalStart: "2026-04-02T19:00:00+02:00",
        location: "Auditorium",
      },
    });
  });

  it("keeps a cancelled occurrence as an item with status cancelled", () => {
    const feed = parseCalendar(calendar(...PARIS, ...WEEKLY_TALK, ...cancelled), URL, MARCH);
    const occurrence = feed.items.find((item) => item.key.endsWith("#20260409T190000"));
    expect(occurrence).toMatchObject({
      title: "Conférence du jeudi",
      event: { status: "cancelled" },
    });
    expect(feed.items.filter((item) => item.event?.status === "cancelled")).toHaveLength(1);
  });

  it("marks every occurrence of a cancelled series, and a cancelled single event, cancelled", () => {
    const text = calendar(
      ...vevent(
        "UID:s",
        "DTSTART:20260310T100000Z",
        "RRULE:FREQ=DAILY;COUNT=2",
        "STATUS:CANCELLED",
      ),
      ...vevent("UID:one", "DTSTART:20260310T100000Z", "STATUS:CANCELLED", "SUMMARY:Atelier"),
    );
    const statuses = parseCalendar(text, URL, MARCH).items.map((item) => item.event?.status);
    expect(statuses).toEqual(["cancelled", "cancelled", "cancelled"]);
  });

  it("lists every VEVENT as written, overrides included, in file order", () => {
    const feed = parseCalendar(
      calendar(...PARIS, ...WEEKLY_TALK, ...moved, ...cancelled),
      URL,
      MARCH,
    );
    const events = feed.events as WrittenEvent[];
    expect(events.map((event) => event.event.originalStart)).toEqual([
      undefined,
      "2026-04-02T19:00:00+02:00",
      "2026-04-09T19:00:00+02:00",
    ]);
    expect(events[0]?.recurrence).toEqual({
      rules: ["FREQ=WEEKLY;COUNT=6"],
      dates: ["2026-04-20T18:00:00+02:00"],
      excluded: ["2026-03-26T19:00:00+01:00"],
    });
  });
});

describe("parseCalendar: all-day events, horizon and keys", () => {
  const text = calendar(
    ...vevent("UID:fete", "DTSTART;VALUE=DATE:20260414", "SUMMARY:Fête"),
    ...vevent(
      "UID:expo",
      "DTSTART;VALUE=DATE:20260201",
      "DTEND;VALUE=DATE:20260401",
      "SUMMARY:Exposition",
    ),
    ...vevent("UID:past", "DTSTART;VALUE=DATE:20260210", "SUMMARY:Passé"),
    ...vevent("UID:far", "DTSTART:20260701T100000Z", "SUMMARY:Trop loin"),
  );

  it("gives all-day events their last day as end, and keeps an ongoing exhibition", () => {
    const feed = parseCalendar(text, URL, { ...MARCH, timeZone: "Europe/Paris" });
    expect(feed.items.map((item) => [item.key, item.event?.start, item.event?.end])).toEqual([
      ["fete", "2026-04-14", "2026-04-14"],
      ["expo", "2026-02-01", "2026-03-31"],
    ]);
    expect(feed.items[0]?.event).toMatchObject({ allDay: true, timeZone: "Europe/Paris" });
    expect(feed.events).toHaveLength(4);
  });

  it("considers only what starts within the horizon", () => {
    const wider = parseCalendar(text, URL, { ...MARCH, horizonMs: 200 * DAY });
    expect(wider.items.map((item) => item.key)).toEqual(["far", "fete", "expo"]);
  });

  it("expands a series only within the horizon, however long ago it started", () => {
    const daily = calendar(...vevent("UID:d", "DTSTART:20200101T090000Z", "RRULE:FREQ=DAILY"));
    const feed = parseCalendar(daily, URL, { ...MARCH, horizonMs: 10 * DAY });
    expect(feed.items).toHaveLength(10);
    expect(feed.items.at(-1)?.key).toBe("d#20260301T090000Z");
  });

  it("keys events without a UID by title and start, and events sharing a UID by start", () => {
    const keys = parseCalendar(
      calendar(
        ...vevent("DTSTART:20260310T100000Z", "SUMMARY:Sans UID"),
        ...vevent("UID:same", "DTSTART:20260311T100000Z", "SUMMARY:A"),
        ...vevent("UID:same", "DTSTART:20260312T100000Z", "SUMMARY:B"),
      ),
      URL,
      MARCH,
    ).items.map((item) => item.key);
    expect(keys).toEqual([
      "same#20260312T100000Z",
      "same#20260311T100000Z",
      expect.stringMatching(/^sha256:/),
    ]);
  });
});

describe("parseCalendar: broken calendars", () => {
  it("skips a broken event with its line and title; the others still work", () => {
    const text = calendar(
      ...vevent("UID:good-1", "DTSTART:20260310T100000Z", "SUMMARY:Bon"),
      ...vevent("UID:bad-date", "DTSTART:2026XX10T100000Z", "SUMMARY:Date cassée"),
      ...vevent(
        "UID:twice",
        "DTSTART:20260311T100000Z",
        "DTSTART:20260312T100000Z",
        "SUMMARY:Deux débuts",
      ),
      ...vevent("UID:none", "SUMMARY:Sans début"),
      ...vevent("UID:good-2", "DTSTART:20260313T100000Z", "SUMMARY:Bon aussi"),
    );
    const feed = parseCalendar(text, URL, MARCH);
    expect(feed.items.map((item) => item.title)).toEqual(["Bon aussi", "Bon"]);
    const skipped = feed.events?.filter((event): event is SkippedEvent => "skipped" in event);
    expect(skipped?.map((event) => [event.title, event.skipped])).toEqual([
      ["Date cassée", expect.stringMatching(/^line 10: its DTSTART is not a valid date or time/)],
      ["Deux débuts", "line 16: it has 2 DTSTART lines"],
      ["Sans début", "line 23: it has no DTSTART"],
    ]);
    expect(feed.events?.map((event) => event.title)).toEqual([
      "Bon",
      "Date cassée",
      "Deux débuts",
      "Sans début",
      "Bon aussi",
    ]);
  });

  it("skips an event on a date that does not exist, instead of moving it to another day", () => {
    const text = calendar(
      ...vevent("UID:m13", "DTSTART:20261301T100000Z", "SUMMARY:Treizième mois"),
      ...vevent("UID:f31", "DTSTART;VALUE=DATE:20260231", "SUMMARY:31 février"),
      ...vevent("UID:h25", "DTSTART:20260310T250000", "SUMMARY:25 heures"),
      ...vevent("UID:leap", "DTSTART;VALUE=DATE:20280229", "SUMMARY:29 février bissextile"),
      ...vevent("UID:ok", "DTSTART:20260312T100000Z", "DTEND:20260230T110000Z", "SUMMARY:Fin"),
    );
    const feed = parseCalendar(text, URL, { ...MARCH, horizonMs: 1000 * 86_400_000 });
    const outcomes = feed.events?.map((event) => [
      event.title,
      "skipped" in event ? event.skipped.replace(/^line \d+: /, "") : "ok",
    ]);
    expect(outcomes).toEqual([
      ["Treizième mois", "its DTSTART 2026-13-01T10:00:00Z is not a real date or time"],
      ["31 février", "its DTSTART 2026-02-31 is not a real date or time"],
      ["25 heures", "its DTSTART 2026-03-10T25:00:00 is not a real date or time"],
      ["29 février bissextile", "ok"],
      ["Fin", expect.stringMatching(/DTEND 2026-02-30T11:00:00Z is not a real date or time/)],
    ]);
  });

  it("skips an event cut off by the end of the file", () => {
    const text = calendar(...vevent("UID:a", "DTSTART:20260310T100000Z", "SUMMARY:Entier")).concat(
      "\r\nBEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Coupé",
    );
    const feed = parseCalendar(text.replace("END:VCALENDAR\r\n", ""), URL, MARCH);
    expect(feed.events?.map((event) => ("skipped" in event ? event.skipped : "ok"))).toEqual([
      "ok",
      expect.stringMatching(/truncated/),
    ]);
  });

  it("reads a date written without VALUE=DATE in EXDATE as that day", () => {
    const text = calendar(
      ...vevent("UID:x", "DTSTART:20260310T100000Z", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE:20260311"),
    );
    expect(starts(parseCalendar(text, URL, MARCH).items)).toEqual([
      "2026-03-10T10:00:00Z",
      "2026-03-12T10:00:00Z",
    ]);
  });

  it("ignores to-dos and journals, and folds long lines back", () => {
    const text = calendar(
      "BEGIN:VTODO",
      "UID:todo",
      "SUMMARY:Commander les affiches",
      "END:VTODO",
      "BEGIN:VJOURNAL",
      "UID:journal",
      "END:VJOURNAL",
      ...vevent(
        "UID:e",
        "DTSTART:20260310T100000Z",
        "SUMMARY:Un titre très lo",
        " ng",
        "DESCRIPTION:A\\nB\\, C",
      ),
    );
    const feed = parseCalendar(text, URL, MARCH);
    expect(feed.events).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: "Un titre très long", summary: "A B, C" });
  });

  it("rejects a document without a calendar", () => {
    expect(() => parseCalendar("<html></html>", URL, MARCH)).toThrow(/not an iCalendar file/);
  });
});
