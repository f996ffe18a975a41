/**
 * A synthetic iCalendar for `npm run bench`, the size of a big institution's published agenda:
 * one VTIMEZONE (Paris), weekly series with an EXDATE and a moved occurrence each, and single
 * events (timed, all-day, some cancelled) spread over the year before and the year after `now`.
 * Pure: the same arguments give the same text.
 */

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

const DAY = 86_400_000;

/** "20260312T190000" (local wall time) or "20260312" for a date. */
function icsTime(ms: number, dateOnly = false): string {
  const iso = new Date(ms).toISOString().replace(/[-:]/g, "");
  return dateOnly ? iso.slice(0, 8) : iso.slice(0, 15);
}

/** `events` VEVENTs in all: a twentieth of them are weekly series, as many are their overrides. */
export function syntheticCalendar(events: number, now: number): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//crieur//bench//FR",
    "X-WR-CALNAME:Agenda",
    ...PARIS,
  ];
  const series = Math.floor(events / 20);
  const today = Math.floor(now / DAY) * DAY;
  for (let i = 0; i < series; i++) {
    const start = today - 180 * DAY + (i % 7) * DAY + 19 * 3_600_000;
    const uid = `series-${i}@bench.example`;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uid}`,
      "DTSTAMP:20260101T000000Z",
      `DTSTART;TZID=Europe/Paris:${icsTime(start)}`,
      "DURATION:PT1H30M",
      "RRULE:FREQ=WEEKLY;COUNT=52",
      `EXDATE;TZID=Europe/Paris:${icsTime(start + 28 * 7 * DAY)}`,
      `SUMMARY:Conférence du cycle ${i}`,
      "LOCATION:Auditorium",
      `URL:https://musee.example/cycles/${i}`,
      "END:VEVENT",
      "BEGIN:VEVENT",
      `UID:${uid}`,
      "DTSTAMP:20260101T000000Z",
      `RECURRENCE-ID;TZID=Europe/Paris:${icsTime(start + 30 * 7 * DAY)}`,
      `DTSTART;TZID=Europe/Paris:${icsTime(start + 30 * 7 * DAY + DAY)}`,
      "DURATION:PT1H30M",
      `SUMMARY:Conférence du cycle ${i} (déplacée)`,
      "END:VEVENT",
    );
  }
  for (let i = 0; i < events - 2 * series; i++) {
    const start = today - 365 * DAY + ((i * 7919) % 730) * DAY + (10 + (i % 9)) * 3_600_000;
    const allDay = i % 10 === 0;
    lines.push(
      "BEGIN:VEVENT",
      `UID:event-${i}@bench.example`,
      "DTSTAMP:20260101T000000Z",
      allDay
        ? `DTSTART;VALUE=DATE:${icsTime(start, true)}`
        : `DTSTART;TZID=Europe/Paris:${icsTime(start)}`,
      allDay
        ? `DTEND;VALUE=DATE:${icsTime(start + 3 * DAY, true)}`
        : `DTEND;TZID=Europe/Paris:${icsTime(start + 2 * 3_600_000)}`,
      `SUMMARY:Visite, atelier ou concert n°${i}`,
      `DESCRIPTION:Une description de quelques phrases pour l'événement ${i}\\, comme les musées en écrivent.`,
      "LOCATION:Musée\\, salle 3",
      `URL:https://musee.example/agenda/${i}`,
      ...(i % 20 === 7 ? ["STATUS:CANCELLED"] : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.join("\r\n")}\r\n`;
}
