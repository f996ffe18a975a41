/**
 * The coming event posts as the owner reads them: `crieur preview` (the pull-request preview) and
 * a dry run's job summary list the reminders due in the next 14 days, with their due times. The
 * compiled CLI, on the real clock, reads a calendar from a local server.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** 18:00 UTC some days from now, as iCalendar writes a UTC time. */
const eventStart = (days: number) =>
  new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + 18 * HOUR);
const icsTime = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

let work: string;
let feeds: FeedServer;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-event-preview-"));
  feeds = await startFeedServer();
});

afterEach(async () => {
  await feeds.close();
  await rm(work, { recursive: true, force: true });
});

describe("coming event posts", () => {
  it("are listed with their due time by the preview and a dry run's summary", async () => {
    const start = eventStart(4);
    const calendar = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "BEGIN:VEVENT",
      "UID:concert",
      `DTSTART:${icsTime(start)}`,
      "SUMMARY:Concert d'orgue",
      "URL:https://musee.example/concert",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    feeds.route("/agenda.ics", { body: calendar });
    await writeFile(
      join(work, "feeds.yml"),
      [
        "feeds:",
        "  - id: agenda",
        `    url: ${feeds.url("/agenda.ics")}`,
        "    remind: [7d, 1d]",
        "    eventPrefixes:",
        '      tomorrow: "Demain :"',
        "",
      ].join("\n"),
    );
    const due = new Date(start.getTime() - DAY).toISOString();
    const line = `from ${due.slice(0, 10)} ${due.slice(11, 16)} UTC — reminder: Demain : Concert d&#39;orgue`;

    const summaryFile = join(work, "summary.html");
    await writeFile(summaryFile, "");
    const preview = await runCli(["preview", "--base-config", "missing.yml"], {
      cwd: work,
      env: { GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(preview.code, preview.stderr).toBe(0);
    const previewSummary = await readFile(summaryFile, "utf8");
    expect(previewSummary).toContain("Event posts coming in the next 14 days");
    expect(previewSummary).toContain(line);
    // The 7-day reminder was due before the calendar was first seen: not crieur's to make.
    expect(previewSummary).not.toContain("In 7 days");
    expect(preview.stdout).toContain(
      `Coming: reminder "Demain : Concert d'orgue", due from ${due}.`,
    );

    await writeFile(summaryFile, "");
    const dryRun = await runCli(["run", "--dry-run"], {
      cwd: work,
      env: { GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(dryRun.code, dryRun.stderr).toBe(0);
    const summary = await readFile(summaryFile, "utf8");
    expect(summary).toContain(
      `<h3>Event posts due next</h3><ul><li><code>agenda</code>: ${line}</li></ul>`,
    );
  });
});
