/**
 * A broken event in a calendar, over several runs of the compiled CLI (calendar on loopback, local
 * fake X): the warning comes once per problem, again only once the problem changes, and the
 * preview shows it every time.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
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
const credentials = fakeXCredentials();
let work: string;
let feeds: FeedServer;
let fakeX: FakeX;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-broken-events-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
  const config = ["feeds:", "  - id: agenda", `    url: ${feeds.url("/agenda.ics")}`, ""];
  await writeFile(join(work, "feeds.yml"), config.join("\n"), "utf8");
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

const soon = new Date(Math.floor(Date.now() / DAY) * DAY + 5 * DAY)
  .toISOString()
  .replace(/[-:]/g, "")
  .replace(/\.\d+Z$/, "Z");

/** A calendar with one good event (`before` events above it) and one with this DTSTART. */
function serve(brokenStart: string, before = 0): void {
  const event = (uid: string, start: string) =>
    ["BEGIN:VEVENT", `UID:${uid}`, `DTSTART:${start}`, `SUMMARY:${uid}`, "END:VEVENT"].join("\r\n");
  const good = Array.from({ length: before + 1 }, (_, n) => event(`good-${n}`, soon));
  const body = ["BEGIN:VCALENDAR", "VERSION:2.0", ...good, event("Cassé", brokenStart)];
  feeds.route("/agenda.ics", { body: [...body, "END:VCALENDAR"].join("\r\n") });
}

async function cli(command: string) {
  const summary = join(work, "summary.html");
  await writeFile(summary, "");
  const result = await runCli([command], {
    cwd: work,
    env: {
      ...credentialsEnv(credentials),
      CRIEUR_X_API_URL: fakeX.url,
      GITHUB_STEP_SUMMARY: summary,
    },
  });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return { output: result.stdout + result.stderr, summary: await readFile(summary, "utf8") };
}

const warning = /Feed 'agenda': event "Cassé" skipped \(line \d+: its DTSTART/;

describe("a broken calendar event", () => {
  it("is a warning once, again when its problem changes, and in every preview", async () => {
    serve("2026XX01T100000Z");
    const first = await cli("run");
    expect(first.output).toMatch(warning);
    expect(first.summary).toContain("event &quot;Cassé&quot; skipped");

    // An event added above it moves its line: the same problem, not said again.
    serve("2026XX01T100000Z", 2);
    const second = await cli("run");
    expect(second.output).not.toMatch(warning);
    expect(second.output).toMatch(/event "Cassé" skipped \(line \d+: .*\)\. Warned on 20/);
    expect(second.summary).not.toContain("Cassé");

    const preview = await cli("preview");
    expect(preview.output).toMatch(warning);
    expect(preview.summary).toContain("Cassé");

    serve("soon", 2);
    const changed = await cli("run");
    expect(changed.output).toMatch(warning);
    expect((await cli("run")).output).not.toMatch(warning);
  }, 60_000);
});
