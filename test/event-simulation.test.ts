/**
 * A month of scheduled runs over a museum's agenda, with the clock injected: `run()` every 30
 * minutes through October 2026 (the change to winter time on the 25th included), in process with
 * the real store in a temporary directory, the real fetch against a local feed server (a calendar,
 * an agenda page and an RSS agenda that change during the month), and a publisher standing in for
 * the network seam that refuses a text repeated within 24 hours, as X does. Then the same month
 * with a third of the runs skipped, as GitHub's scheduler does.
 *
 * Each announcement and reminder must go out exactly once, at the first run from its moment (in
 * Paris time), and nothing for a cancelled event, a reminder due before crieur knew the event, or
 * an event that had ended.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/load.js";
import { PublishError, type Publisher } from "../src/publishers/publisher.js";
import type { Log } from "../src/report/log.js";
import { run } from "../src/run.js";
import { DEFAULT_FETCH_OPTIONS, fetchFeed } from "../src/sources/fetch.js";
import type { FeedState } from "../src/state/feed-state.js";
import { createStateStore } from "../src/state/store.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const START = Date.parse("2026-10-01T00:00:00Z");
const END = Date.parse("2026-11-01T00:00:00Z");

function vevent(uid: string, title: string, start: string, ...extra: string[]): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTART;TZID=Europe/Paris:${start}`,
    "DURATION:PT2H",
    `SUMMARY:${title}`,
    `URL:https://musee.example/${uid}`,
    ...extra,
    "END:VEVENT",
  ];
}

/** The calendar as it is at a time: the concert appears on the 10th and moves on the 20th, the
 * workshop is cancelled on the 15th; the lecture is cancelled from the start. */
function calendarAt(ms: number): { body: string; etag: string } {
  const version =
    ms >= Date.parse("2026-10-20T00:00:00Z")
      ? 4
      : ms >= Date.parse("2026-10-15T00:00:00Z")
        ? 3
        : ms >= Date.parse("2026-10-10T00:00:00Z")
          ? 2
          : 1;
  const events = [
    vevent("visite", "Visite guidée", "20260926T150000", "RRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=20"),
    vevent("conference", "Conférence annulée", "20261020T180000", "STATUS:CANCELLED"),
    vevent(
      "atelier",
      "Atelier gravure",
      "20261022T140000",
      ...(version >= 3 ? ["STATUS:CANCELLED"] : []),
    ),
  ];
  if (version >= 2) {
    events.push(
      vevent("concert", "Concert d'orgue", version >= 4 ? "20261029T200000" : "20261028T200000"),
    );
  }
  const body = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "X-WR-CALNAME:Musée",
    ...events.flat(),
    "END:VCALENDAR",
  ].join("\r\n");
  return { body, etag: `"cal-${version}"` };
}

/** The agenda page: an exhibition ending on the 18th, and a night event added on the 3rd. */
function pageAt(ms: number): { body: string; etag: string } {
  const late = ms >= Date.parse("2026-10-03T00:00:00Z");
  const events = [
    {
      "@type": "ExhibitionEvent",
      name: "Exposition Lumières",
      startDate: "2026-09-01",
      endDate: "2026-10-18",
      url: "https://musee.example/expo",
    },
    ...(late
      ? [
          {
            "@type": "Event",
            name: "Nuit des musées",
            startDate: "2026-10-24T19:00:00+02:00",
            url: "https://musee.example/nuit",
          },
        ]
      : []),
  ];
  const body = `<!doctype html><html><head><title>Agenda</title><script type="application/ld+json">${JSON.stringify(events)}</script></head><body></body></html>`;
  return { body, etag: `"page-${late ? 2 : 1}"` };
}

/** An RSS agenda (plain items, no event dates): one news item on the 5th, one on the 12th. */
function rssAt(ms: number): { body: string; etag: string } {
  const days = [1, 5, 12].filter((day) => ms >= Date.UTC(2026, 9, day === 1 ? 0 : day));
  const items = days
    .reverse()
    .map(
      (day) =>
        `<item><title>Nouvelles du ${day} octobre</title><link>https://musee.example/news/${day}</link><guid>news-${day}</guid></item>`,
    )
    .join("");
  const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Actualités</title><link>https://musee.example/</link><description>d</description>${items}</channel></rss>`;
  return { body, etag: `"rss-${days.length}"` };
}

const quiet: Log = { info() {}, warning() {}, error() {}, group: (_name, body) => body() };

interface Sent {
  readonly at: number;
  readonly text: string;
}

/**
 * The network seam: accepts every text except one already sent in the last 24 hours. With
 * `loseEvery`, the answer to every n-th post is lost (the post is on the network all the same).
 */
function recordingPublisher(
  clock: () => number,
  loseEvery?: number,
): Publisher & { readonly sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    network: "x",
    sent,
    resendWindowMs: DAY,
    async publish(text) {
      if (sent.some((post) => post.text === text && clock() - post.at < DAY)) {
        throw new PublishError("duplicate content", "duplicate");
      }
      sent.push({ at: clock(), text });
      if (loseEvery && sent.length % loseEvery === 0) {
        throw new PublishError("connection reset", "transient", { maybeSent: true });
      }
      return { id: String(sent.length), url: `https://x.example/${sent.length}` };
    },
  };
}

let work: string;
let server: FeedServer;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-month-"));
  server = await startFeedServer();
});

afterEach(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

async function simulateMonth(skip: (index: number) => boolean, loseEvery?: number) {
  const config = parseConfig(
    [
      "limits:",
      "  maxPostsPerRun: 10",
      "feeds:",
      "  - id: calendrier",
      `    url: ${server.url("/agenda.ics")}`,
      '    template: "{title} {link}"',
      "    timeZone: Europe/Paris",
      '    remind: [7d, 1d, "day-of 09:00"]',
      "    announceWithin: 14d",
      "    announceChanges: true",
      "  - id: page",
      `    url: ${server.url("/agenda/")}`,
      '    template: "{title} {link}"',
      "    timeZone: Europe/Paris",
      "    remind: [1d]",
      "    lastDays: 3d",
      "  - id: actus",
      `    url: ${server.url("/news.xml")}`,
      '    template: "{title} {link}"',
    ].join("\n"),
    "feeds.yml",
  );
  let clock = START;
  const publisher = recordingPublisher(() => clock, loseEvery);
  const store = createStateStore(join(work, "state"));
  const runs: number[] = [];
  for (let index = 0; START + index * 30 * MINUTE < END; index++) {
    if (skip(index)) continue;
    clock = START + index * 30 * MINUTE;
    runs.push(clock);
    const html = { "content-type": "text/html" };
    server.route("/agenda.ics", calendarAt(clock));
    server.route("/agenda/", { ...pageAt(clock), headers: html });
    server.route("/news.xml", rssAt(clock));
    const report = await run(config, {
      fetchFeed: (url, validators) => fetchFeed(url, validators, DEFAULT_FETCH_OPTIONS),
      store,
      publisher,
      now: () => new Date(clock),
      log: quiet,
    });
    expect(report.problems).toEqual([]);
  }
  const states: Record<string, FeedState> = {};
  for (const id of ["calendrier", "page", "actus"]) {
    const state = await store.load(id);
    if (state) states[id] = state;
  }
  return { runs, sent: publisher.sent, states };
}

const at = (iso: string) => Date.parse(iso);
const visite = (day: string, _offset: string) => `visite#202610${day}T150000`;
const paris = (date: string, offset: "+02:00" | "+01:00") => `${date}T15:00:00${offset}`;

/** Every post the month calls for: feed, key, the moment it is due from, and its text's start. */
function expectedPosts() {
  const remind = (key: string, start: string, label: string) => `${key}#remind:${label}@${start}`;
  const v3 = paris("2026-10-03", "+02:00");
  const v10 = paris("2026-10-10", "+02:00");
  const v17 = paris("2026-10-17", "+02:00");
  const v24 = paris("2026-10-24", "+02:00");
  const v31 = paris("2026-10-31", "+01:00");
  const nov7 = paris("2026-11-07", "+01:00");
  const concert = "2026-10-29T20:00:00+01:00";
  const nuit = "https://musee.example/nuit";
  return [
    // Weekly guided tour, every Saturday 15:00 Paris: 13:00 UTC in summer time, 14:00 in winter.
    [
      "calendrier",
      remind(visite("03", ""), v3, "1d"),
      "2026-10-02T13:00:00Z",
      "Tomorrow: Visite guidée",
    ],
    [
      "calendrier",
      remind(visite("03", ""), v3, "day-of 09:00"),
      "2026-10-03T07:00:00Z",
      "Today: Visite guidée",
    ],
    [
      "calendrier",
      remind(visite("10", ""), v10, "7d"),
      "2026-10-03T13:00:00Z",
      "In 7 days: Visite guidée",
    ],
    ["calendrier", remind(visite("10", ""), v10, "1d"), "2026-10-09T13:00:00Z", "Tomorrow"],
    ["calendrier", remind(visite("10", ""), v10, "day-of 09:00"), "2026-10-10T07:00:00Z", "Today"],
    ["calendrier", remind(visite("17", ""), v17, "7d"), "2026-10-10T13:00:00Z", "In 7 days"],
    ["calendrier", remind(visite("17", ""), v17, "1d"), "2026-10-16T13:00:00Z", "Tomorrow"],
    ["calendrier", remind(visite("17", ""), v17, "day-of 09:00"), "2026-10-17T07:00:00Z", "Today"],
    ["calendrier", remind(visite("24", ""), v24, "7d"), "2026-10-17T13:00:00Z", "In 7 days"],
    ["calendrier", remind(visite("24", ""), v24, "1d"), "2026-10-23T13:00:00Z", "Tomorrow"],
    ["calendrier", remind(visite("24", ""), v24, "day-of 09:00"), "2026-10-24T07:00:00Z", "Today"],
    // Days are counted on Paris's clock: 15:00 a week before the 31st is still summer time.
    ["calendrier", remind(visite("31", ""), v31, "7d"), "2026-10-24T13:00:00Z", "In 7 days"],
    ["calendrier", remind(visite("31", ""), v31, "1d"), "2026-10-30T14:00:00Z", "Tomorrow"],
    // 09:00 on the 31st is winter time: 08:00 UTC.
    ["calendrier", remind(visite("31", ""), v31, "day-of 09:00"), "2026-10-31T08:00:00Z", "Today"],
    [
      "calendrier",
      remind("visite#20261107T150000", nov7, "7d"),
      "2026-10-31T14:00:00Z",
      "In 7 days",
    ],
    // The concert appears on the 10th, held until 14 days before it, then moves by a day.
    ["calendrier", "concert", "2026-10-14T19:00:00Z", "Concert d'orgue"],
    [
      "calendrier",
      `concert#changed:${concert}`,
      "2026-10-20T00:00:00Z",
      "New date: Concert d'orgue",
    ],
    ["calendrier", remind("concert", concert, "7d"), "2026-10-22T18:00:00Z", "In 7 days: Concert"],
    ["calendrier", remind("concert", concert, "1d"), "2026-10-28T19:00:00Z", "Tomorrow: Concert"],
    [
      "calendrier",
      remind("concert", concert, "day-of 09:00"),
      "2026-10-29T08:00:00Z",
      "Today: Concert",
    ],
    // The page: the exhibition's last three days (from 09:00 Paris on the 16th), the night event.
    [
      "page",
      "https://musee.example/expo#lastdays:3@2026-10-18",
      "2026-10-16T07:00:00Z",
      "Last 3 days: Exposition",
    ],
    ["page", nuit, "2026-10-03T00:00:00Z", "Nuit des musées"],
    [
      "page",
      remind(nuit, "2026-10-24T19:00:00+02:00", "1d"),
      "2026-10-23T17:00:00Z",
      "Tomorrow: Nuit",
    ],
    ["actus", "news-5", "2026-10-05T00:00:00Z", "Nouvelles du 5"],
    ["actus", "news-12", "2026-10-12T00:00:00Z", "Nouvelles du 12"],
  ] as const;
}

async function checkMonth(
  skip: (index: number) => boolean,
  missed: readonly string[] = [],
  loseEvery?: number,
) {
  const { runs, sent, states } = await simulateMonth(skip, loseEvery);
  const expected = expectedPosts().filter(([, key]) => !missed.includes(key));
  const posted = Object.entries(states).flatMap(([feed, state]) =>
    Object.entries(state.done).flatMap(([key, outcome]) =>
      outcome.status === "posted" ? [{ feed, key, at: outcome.at }] : [],
    ),
  );
  // Exactly the expected posts, each once, at the first run from its moment.
  expect(posted.map(({ feed, key }) => `${feed} ${key}`).sort()).toEqual(
    expected.map(([feed, key]) => `${feed} ${key}`).sort(),
  );
  let recordedLater = 0;
  for (const [feed, key, due, text] of expected) {
    const firstRun = runs.find((time) => time >= at(due));
    const outcome = states[feed]?.done[key];
    // A post whose answer was lost is recorded when the next run's re-send is refused as a copy.
    const recorded = outcome?.status === "posted" ? outcome.at : outcome;
    const next = runs[runs.indexOf(firstRun ?? 0) + 1] ?? 0;
    const runsAllowed = loseEvery ? [firstRun, next] : [firstRun];
    expect(runsAllowed.map((time) => new Date(time ?? 0).toISOString())).toContain(recorded);
    if (recorded !== new Date(firstRun ?? 0).toISOString()) recordedLater++;
    expect(sent.filter((post) => post.at === firstRun && post.text.startsWith(text))).toHaveLength(
      1,
    );
  }
  expect(sent).toHaveLength(expected.length);
  // Nothing about a cancelled event, nothing sent twice, nothing waiting or in flight.
  expect(sent.filter((post) => /Conférence|Atelier/.test(post.text))).toEqual([]);
  expect(new Set(sent.map((post) => post.text)).size).toBeLessThanOrEqual(sent.length);
  for (const state of Object.values(states)) {
    expect(state.pending).toBeUndefined();
    expect(state.queue.map((entry) => entry.item.key)).toEqual([]);
  }
  // How many posts went out later than their moment because the run at that moment was skipped.
  const delayed = expected.filter(([, , due]) => !runs.includes(at(due))).length;
  return { runs, delayed, states, recordedLater };
}

describe("a month of runs every 30 minutes over a museum's agenda", () => {
  it("posts each announcement and reminder exactly once, at the right run, in Paris time", async () => {
    const { runs, delayed } = await checkMonth(() => false);
    expect(runs).toHaveLength(31 * 48);
    expect(delayed).toBe(0);
  }, 180_000);

  it("drops, with the reason, a reminder whose runs were all missed for a day", async () => {
    const outage = [at("2026-10-16T06:00:00Z"), at("2026-10-17T06:00:00Z")] as const;
    const missed = [
      "https://musee.example/expo#lastdays:3@2026-10-18",
      `${visite("17", "")}#remind:1d@${paris("2026-10-17", "+02:00")}`,
    ];
    const down = (index: number) => {
      const time = START + index * 30 * MINUTE;
      return time >= outage[0] && time < outage[1];
    };
    const { states } = await checkMonth(down, missed);
    expect(states.page?.done[missed[0] ?? ""]).toEqual({
      status: "failed",
      at: "2026-10-17T06:00:00.000Z",
      reason:
        "not posted: the reminder was due at 2026-10-16T07:00:00.000Z and no run came in time",
    });
    expect(states.calendrier?.done[missed[1] ?? ""]).toMatchObject({ status: "failed" });
  }, 180_000);

  it("still does when X's answer to every fourth post is lost (re-sent, refused as a copy)", async () => {
    const { runs, recordedLater } = await checkMonth(() => false, [], 4);
    expect(runs).toHaveLength(31 * 48);
    expect(recordedLater).toBe(Math.floor(expectedPosts().length / 4));
  }, 180_000);

  it("still does when a third of the runs are skipped", async () => {
    const { runs, delayed } = await checkMonth((index) => index % 3 === 1);
    expect(runs.length).toBeLessThan(31 * 48 * 0.7);
    expect(delayed).toBeGreaterThan(3);
  }, 180_000);
});
