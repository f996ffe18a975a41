/**
 * A calendar posted to X and Mastodon, end to end (compiled CLI, local calendar server, local fake
 * X and fake Mastodon): an event cancelled while it still waits for one target's turn is dropped
 * from that target's queue too, with its reason, and never announced there.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { type FakeMastodon, startFakeMastodon } from "./support/fake-mastodon-server.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const DAY = 86_400_000;
const TOKEN = "mastodon-token";
const xCredentials = fakeXCredentials();

/** An iCalendar UTC time some days from now (the CLI runs on the real clock). */
const inDays = (days: number) =>
  new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + 18 * 3_600_000)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

function ics(...events: { uid: string; summary: string; days: number; extra?: string }[]): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "X-WR-CALNAME:Agenda"];
  for (const event of events) {
    lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTART:${inDays(event.days)}`);
    lines.push(`SUMMARY:${event.summary}`, `URL:https://museum.example/${event.uid}`);
    if (event.extra) lines.push(event.extra);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.join("\r\n");
}

let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let mastodon: FakeMastodon;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-event-targets-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials: xCredentials });
  mastodon = await startFakeMastodon({ token: TOKEN });
  const config = [
    "targets:",
    "  x:",
    "    network: x",
    "  toot:",
    "    network: mastodon",
    "feeds:",
    "  - id: agenda",
    `    url: ${feeds.url("/agenda.ics")}`,
    '    template: "{title} {link}"',
    "",
  ];
  await writeFile(join(work, "feeds.yml"), config.join("\n"), "utf8");
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close(), mastodon.close()]);
  await rm(work, { recursive: true, force: true });
});

const run = () =>
  runCli(["run"], {
    cwd: work,
    env: {
      ...credentialsEnv(xCredentials),
      CRIEUR_X_API_URL: fakeX.url,
      MASTODON_URL: mastodon.url,
      MASTODON_TOKEN: TOKEN,
    },
  });

describe("a cancelled event waiting for one target", () => {
  it("is dropped from Mastodon's queue too, with the reason, and never posted there", async () => {
    const known = { uid: "known", summary: "Visite guidée", days: 3 };
    const concert = { uid: "concert", summary: "Concert", days: 10 };
    feeds.route("/agenda.ics", { body: ics(known) });
    expect((await run()).code).toBe(0); // first sight: recorded, not posted

    feeds.route("/agenda.ics", { body: ics(known, concert) });
    // Mastodon refuses for a second (rate limit): the announcement waits in its queue.
    mastodon.failNext({ kind: "rate-limit", reset: new Date(Date.now() + 1_000) });
    await run();
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "Concert https://museum.example/concert",
    ]);
    expect(mastodon.statuses).toEqual([]);
    const waiting = JSON.parse(await readFile(join(work, "state", "agenda.json"), "utf8"));
    expect(waiting.targets.toot.queue.map((q: { item: { key: string } }) => q.item.key)).toEqual([
      "concert",
    ]);

    await new Promise((resolve) => setTimeout(resolve, 1_200));
    feeds.route("/agenda.ics", { body: ics(known, { ...concert, extra: "STATUS:CANCELLED" }) });
    const cancelled = await run();
    expect(cancelled.code, cancelled.stdout + cancelled.stderr).toBe(0);
    expect(cancelled.stdout).toContain(
      '"Concert" dropped (toot), not posted: the event is cancelled.',
    );
    expect(mastodon.statuses).toEqual([]);
    expect(fakeX.posts).toHaveLength(1);

    const state = JSON.parse(await readFile(join(work, "state", "agenda.json"), "utf8"));
    expect(state.done.concert).toMatchObject({ status: "posted", network: "x" });
    expect(state.targets.toot.queue).toEqual([]);
    expect(state.targets.toot.done.concert).toMatchObject({
      status: "failed",
      reason: "not posted: the event is cancelled",
    });

    await run();
    expect(mastodon.statuses).toEqual([]);
  }, 60_000);
});
