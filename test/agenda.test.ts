/**
 * Calendars and agenda pages end to end: the compiled CLI reads an .ics and an HTML page from a
 * local server, posts new events to the local fake X, and never announces a cancelled one.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Item, WrittenEvent } from "../src/sources/item.js";
import { runCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const DAY = 86_400_000;
/** An iCalendar UTC time some days from now (the CLI runs on the real clock). */
const inDays = (days: number) =>
  new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + 18 * 3_600_000)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

function vevent(uid: string, summary: string, start: string, ...extra: string[]): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTART:${start}`,
    `SUMMARY:${summary}`,
    ...extra,
    "END:VEVENT",
  ];
}

function ics(...events: string[][]): string {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "X-WR-CALNAME:Agenda",
    ...events.flat(),
    "END:VCALENDAR",
  ].join("\r\n");
}

const credentials = fakeXCredentials();
let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let env: Record<string, string>;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-agenda-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
  env = { ...credentialsEnv(credentials), CRIEUR_X_API_URL: fakeX.url };
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

async function configure(path: string): Promise<void> {
  const lines = [
    "feeds:",
    "  - id: agenda",
    `    url: ${feeds.url(path)}`,
    '    template: "{title} {link}"',
  ];
  await writeFile(join(work, "feeds.yml"), `${lines.join("\n")}\n`, "utf8");
}

describe("a calendar as a feed", () => {
  it("posts a new event once, never a cancelled one, and skips a broken event with a warning", async () => {
    await configure("/agenda.ics");
    const known = vevent("known", "Visite guidée", inDays(3), "URL:https://museum.example/visite");
    feeds.route("/agenda.ics", { body: ics(known) });
    const first = await runCli(["run"], { cwd: work, env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Skipped (first run): "Visite guidée".');

    feeds.route("/agenda.ics", {
      body: ics(
        known,
        vevent("concert", "Concert", inDays(10), "URL:https://museum.example/concert"),
        vevent("atelier", "Atelier", inDays(12), "STATUS:CANCELLED"),
        vevent("broken", "Cassé", "2026XX01T100000Z"),
      ),
    });
    const second = await runCli(["run"], { cwd: work, env });
    expect(second.code, second.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "Concert https://museum.example/concert",
    ]);
    expect(second.stdout).toContain('"Atelier" dropped, not posted: the event is cancelled.');
    expect(second.stderr + second.stdout).toMatch(/event "Cassé" skipped \(line \d+: its DTSTART/);

    const state = JSON.parse(await readFile(join(work, "state", "agenda.json"), "utf8"));
    expect(state.done.atelier).toMatchObject({
      status: "failed",
      reason: "not posted: the event is cancelled",
    });
    expect(state.done.concert).toMatchObject({ status: "posted" });

    await runCli(["run"], { cwd: work, env });
    expect(fakeX.posts).toHaveLength(1);
  });
});

describe("an agenda page as a feed", () => {
  it("posts the page's new schema.org events", async () => {
    await configure("/agenda/");
    const page = (events: unknown[]) =>
      `<!doctype html><html><head><title>Agenda</title><script type="application/ld+json">${JSON.stringify(events)}</script></head><body></body></html>`;
    const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
    const expo = {
      "@type": "ExhibitionEvent",
      name: "Expo",
      startDate: day(-5),
      endDate: day(30),
      url: "/expo",
    };
    feeds.route("/agenda/", { body: page([expo]), headers: { "content-type": "text/html" } });
    expect((await runCli(["run"], { cwd: work, env })).code).toBe(0);

    const talk = { "@type": "Event", name: "Conférence", startDate: day(7), url: "/talk" };
    feeds.route("/agenda/", { body: page([expo, talk]), headers: { "content-type": "text/html" } });
    const second = await runCli(["run"], { cwd: work, env });
    expect(second.code, second.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([`Conférence ${feeds.url("/talk")}`]);
  });
});

describe("crieur items on a calendar", () => {
  const text = ics(
    vevent("weekly", "Atelier", inDays(1), "RRULE:FREQ=WEEKLY;COUNT=3", "LOCATION:Salle 2"),
    vevent("weekly", "Atelier annulé", inDays(8), `RECURRENCE-ID:${inDays(8)}`, "STATUS:CANCELLED"),
    vevent("later", "Dans six mois", inDays(180)),
  );

  it("lists the events as written, one per VEVENT, with start, location, recurrence and status", async () => {
    await writeFile(join(work, "agenda.ics"), text, "utf8");
    const run = await runCli(["items", "agenda.ics", "--json"], { cwd: work });
    expect(run.stderr).toBe("");
    const events = JSON.parse(run.stdout) as WrittenEvent[];
    expect(events.map((event) => [event.title, event.event.status])).toEqual([
      ["Atelier", "confirmed"],
      ["Atelier annulé", "cancelled"],
      ["Dans six mois", "confirmed"],
    ]);
    expect(events[0]).toMatchObject({
      event: { location: "Salle 2", allDay: false },
      recurrence: { rules: ["FREQ=WEEKLY;COUNT=3"] },
    });
  });

  it("lists with --occurrences what crieur considers within the horizon", async () => {
    await writeFile(join(work, "agenda.ics"), text, "utf8");
    const run = await runCli(["items", "agenda.ics", "--json", "--occurrences"], { cwd: work });
    const items = JSON.parse(run.stdout) as Item[];
    expect(items.map((item) => [item.key, item.event?.status])).toEqual([
      [`weekly#${inDays(15)}`, "confirmed"],
      [`weekly#${inDays(8)}`, "cancelled"],
      [`weekly#${inDays(1)}`, "confirmed"],
    ]);
    const listing = await runCli(["items", "agenda.ics", "--occurrences"], { cwd: work });
    expect(listing.stdout).toContain("Agenda — 3 items");
    expect(listing.stdout).toContain("Atelier annulé [cancelled]");
  });
});
