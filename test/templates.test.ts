/**
 * Templates end to end: the compiled CLI reads a calendar from a local server and posts to the
 * local fake X in the feed's language and time zone, with the categories as hashtags; a weekly
 * event's occurrences get different default texts (the fake X, like X, refuses a repeat); a bad
 * template is a config error naming its file and line.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const DAY = 86_400_000;

/** The first Saturday at least `days` ahead (the CLI runs on the real clock), as "YYYYMMDD". */
function saturdayAfter(days: number): { ics: string; date: Date } {
  const date = new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + 12 * 3_600_000);
  while (date.getUTCDay() !== 6) date.setTime(date.getTime() + DAY);
  return { ics: date.toISOString().slice(0, 10).replaceAll("-", ""), date };
}

/** How French writes that day, by Intl alone, to check crieur's Luxon patterns against. */
const frenchDay = (date: Date) =>
  new Intl.DateTimeFormat("fr-FR", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "Europe/Paris",
  }).format(date);

/** An event already there on the first run, which records the feed without posting. */
const KNOWN = [
  "BEGIN:VEVENT",
  "UID:known",
  `DTSTART:${new Date(Date.now() + DAY).toISOString().replace(/[-:]|\.\d+/g, "")}`,
  "SUMMARY:Déjà connu",
  "END:VEVENT",
];

function ics(...events: string[][]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", ...KNOWN, ...events.flat(), "END:VCALENDAR"].join(
    "\r\n",
  );
}

const credentials = fakeXCredentials();
let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let env: Record<string, string>;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-templates-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
  env = { ...credentialsEnv(credentials), CRIEUR_X_API_URL: fakeX.url };
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

async function writeFeeds(...lines: string[]): Promise<void> {
  await writeFile(join(work, "feeds.yml"), `${lines.join("\n")}\n`, "utf8");
}

describe("a French museum's calendar", () => {
  it("posts its template in French and Paris time, with its categories as hashtags", async () => {
    await writeFeeds(
      "defaults:",
      "  locale: fr",
      "  timeZone: Europe/Paris",
      "feeds:",
      "  - id: musee",
      `    url: ${feeds.url("/agenda.ics")}`,
      `    template: "{start:EEEE d MMMM, HH'h'mm} — {title}, {location} {link}"`,
      "    hashtags: [musée]",
      "    categoriesAsHashtags: true",
      "    hashtagMap:",
      "      Divers: null",
    );
    feeds.route("/agenda.ics", { body: ics() });
    expect((await runCli(["run"], { cwd: work, env })).code).toBe(0);

    const saturday = saturdayAfter(3);
    feeds.route("/agenda.ics", {
      body: ics([
        "BEGIN:VEVENT",
        "UID:visite-1",
        `DTSTART;TZID=Europe/Paris:${saturday.ics}T150000`,
        "SUMMARY:Visite guidée : les impressionnistes",
        "LOCATION:Salle 3",
        "CATEGORIES:Jeune public,Divers",
        "URL:https://museum.example/visite",
        "END:VEVENT",
      ]),
    });
    const run = await runCli(["run"], { cwd: work, env });
    expect(run.code, run.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      `${frenchDay(saturday.date)}, 15h00 — Visite guidée : les impressionnistes, Salle 3 ` +
        "https://museum.example/visite #musée #JeunePublic",
    ]);
    expect(fakeX.posts[0]?.text).toMatch(/^samedi \d{1,2} [a-zéû]+, 15h00 — /);
  });
});

describe("a weekly event with the default template", () => {
  it("posts each occurrence with its own date, which X accepts", async () => {
    await writeFeeds(
      "feeds:",
      "  - id: ateliers",
      `    url: ${feeds.url("/ateliers.ics")}`,
      "    locale: fr",
      "    timeZone: Europe/Paris",
    );
    feeds.route("/ateliers.ics", { body: ics() });
    expect((await runCli(["run"], { cwd: work, env })).code).toBe(0);

    const saturday = saturdayAfter(2);
    feeds.route("/ateliers.ics", {
      body: ics([
        "BEGIN:VEVENT",
        "UID:atelier",
        `DTSTART;TZID=Europe/Paris:${saturday.ics}T103000`,
        "RRULE:FREQ=WEEKLY;COUNT=2",
        "SUMMARY:Atelier dessin",
        "URL:https://museum.example/atelier",
        "END:VEVENT",
      ]),
    });
    const run = await runCli(["run"], { cwd: work, env });
    expect(run.code, run.stderr).toBe(0);
    const next = new Date(saturday.date.getTime() + 7 * DAY);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      `Atelier dessin — ${frenchDay(saturday.date)} à 10:30 https://museum.example/atelier`,
      `Atelier dessin — ${frenchDay(next)} à 10:30 https://museum.example/atelier`,
    ]);
  });
});

describe("a bad template", () => {
  it.each([
    ["a bad date pattern", `"{start:EEEE d MMMMMM} {title}"`, /bad date pattern/],
    ["an unknown placeholder", `"{titre} {link}"`, /unknown placeholder "\{titre\}"/],
    ["a bad fallback", `"{summary|} {link}"`, /bad fallback/],
  ])("is a config error with file and line: %s", async (_, template, message) => {
    await writeFeeds(
      "feeds:",
      "  - id: musee",
      `    url: ${feeds.url("/a.ics")}`,
      `    template: ${template}`,
    );
    const result = await runCli(["check"], { cwd: work, env });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/feeds\.yml:4: feeds\[0\]\.template: /);
    expect(result.stderr).toMatch(message);
  });
});
