/**
 * End to end: item identity and pruning never repost. The compiled CLI against a local feed server
 * and the fake X API, state in a temp directory, feeds that change shape between runs.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CliResult, runCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

interface Entry {
  readonly title: string;
  readonly link: string;
  readonly guid?: string;
  readonly summary?: string;
  readonly published?: string;
}

function rss(entries: readonly Entry[]): string {
  const items = entries
    .map(
      (entry) => `<item><title>${entry.title}</title><link>${entry.link}</link>
        ${entry.guid ? `<guid isPermaLink="false">${entry.guid}</guid>` : ""}
        ${entry.published ? `<pubDate>${entry.published}</pubDate>` : ""}
        <description>${entry.summary ?? `About ${entry.title}`}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Agenda</title>
    <link>https://museum.example/</link><description>d</description>${items}</channel></rss>`;
}

const credentials = fakeXCredentials();
let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let env: Record<string, string>;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-identity-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
  env = {
    ...credentialsEnv(credentials),
    CRIEUR_X_API_URL: fakeX.url,
  };
  await writeFile(
    join(work, "feeds.yml"),
    [
      "feeds:",
      "  - id: agenda",
      `    url: ${feeds.url("/agenda.xml")}`,
      '    template: "{title} {link}"',
      "    maxPostsPerRun: 50",
      "    maxPostsPerDay: 50",
      "",
    ].join("\n"),
    "utf8",
  );
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

/** Serves the entries (newest first) and runs crieur once. */
async function runWith(entries: readonly Entry[], path = "/agenda.xml"): Promise<CliResult> {
  feeds.route(path, { body: rss(entries) });
  const result = await runCli(["run"], { cwd: work, env });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

const posted = () => fakeX.posts.map((post) => post.text);
const event = (n: number, extra: Partial<Entry> = {}): Entry => ({
  title: `Event ${n}`,
  link: `https://museum.example/e/${n}`,
  ...extra,
});

describe("item identity across runs", () => {
  it("does not repost when a feed repeating one guid shrinks to one item, and posts new ones", async () => {
    const guid = "https://museum.example/";
    await runWith([event(2, { guid }), event(1, { guid })]);
    await runWith([event(1, { guid })]);
    expect(posted()).toEqual([]);
    await runWith([event(3, { guid })]);
    expect(posted()).toEqual(["Event 3 https://museum.example/e/3"]);
    const state = JSON.parse(await readFile(join(work, "state", "agenda.json"), "utf8"));
    expect(state.unreliableGuids).toBe(true);
  });

  it("does not repost items sharing one link when a summary is edited or a sibling leaves", async () => {
    const agenda = "https://museum.example/agenda";
    const expo = { title: "Expo", link: agenda, summary: "Du 3 au 5" };
    const concert = { title: "Concert", link: agenda, summary: "Le 4" };
    await runWith([expo, concert]);
    await runWith([{ ...expo, summary: "Du 3 au 6 (prolongée)" }, concert]);
    await runWith([concert]);
    await runWith([expo, concert]);
    expect(posted()).toEqual([]);
    await runWith([{ title: "Visite", link: agenda }, expo, concert]);
    expect(posted()).toEqual([`Visite ${agenda}`]);
  });

  it("does not repost what a temporarily short fetch left out", async () => {
    const all = Array.from({ length: 250 }, (_, index) => event(250 - index));
    await runWith(all);
    await runWith(all.slice(0, 10));
    await runWith(all);
    expect(posted()).toEqual([]);
  });

  it("keeps first sight through an empty first fetch: the backlog is recorded, not posted", async () => {
    const empty = await runWith([]);
    expect(empty.stdout).toContain("First time crieur sees this feed");
    const backlog = await runWith([event(3), event(2), event(1)]);
    expect(backlog.stdout).toContain("3 items recorded as seen without posting");
    expect(posted()).toEqual([]);
  });

  it("records, without posting and with a warning, a feed whose items all changed identity", async () => {
    const before = Array.from({ length: 12 }, (_, index) => event(index, { guid: `old-${index}` }));
    await runWith(before);
    const rekeyed = await runWith(
      Array.from({ length: 12 }, (_, index) => ({
        title: `Moved ${index}`,
        link: `https://new-cms.example/${index}`,
        guid: `new-${index}`,
      })),
    );
    expect(posted()).toEqual([]);
    expect(rekeyed.stderr).toMatch(/warning: .*All 12 items of the feed look new/);
    expect(rekeyed.stdout).not.toContain("No new items");
  });

  it("recognises a small agenda that moved to a new site: nothing reposted, one warning", async () => {
    const dated = (n: number, site: string): Entry => ({
      title: n === 2 ? "Visite guidée" : `Event ${n}`,
      link: `https://${site}/e/${n}`,
      guid: `${site}-${n}`,
      published: new Date(Date.UTC(2026, 10, n, 18, 30)).toUTCString(),
    });
    const agenda = (site: string, count: number) =>
      Array.from({ length: count }, (_, index) => dated(count - index, site));
    await runWith(agenda("museum.example", 3));
    await runWith(agenda("museum.example", 4));
    expect(posted()).toEqual(["Event 4 https://museum.example/e/4"]);
    // The museum's new CMS, at a new address: every guid and link changes, titles and dates stay.
    const config = await readFile(join(work, "feeds.yml"), "utf8");
    await writeFile(join(work, "feeds.yml"), config.replace("/agenda.xml", "/new.xml"), "utf8");
    env.GITHUB_STEP_SUMMARY = join(work, "summary.md");
    const moved = await runWith(
      agenda("new-cms.example", 4).map((entry) => ({ ...entry, title: entry.title.toUpperCase() })),
      "/new.xml",
    );
    expect(posted()).toHaveLength(1);
    expect(moved.stderr).toMatch(
      /warning: .*4 items changed identity \(new guid or link, same title and date\): recorded, not posted\./,
    );
    expect(moved.stdout).toContain('Skipped (recorded, not posted): "VISITE GUIDÉE".');
    // The owner reads it in the run's summary too, not only in the log.
    expect(await readFile(join(work, "summary.md"), "utf8")).toMatch(
      /<h3>Notes<\/h3><ul><li><code>agenda<\/code>: 4 items changed identity/,
    );
    delete env.GITHUB_STEP_SUMMARY;
    const next = await runWith(
      [dated(5, "new-cms.example"), ...agenda("new-cms.example", 4)],
      "/new.xml",
    );
    expect(next.stderr).not.toContain("changed identity");
    expect(posted()).toEqual([
      "Event 4 https://museum.example/e/4",
      "Event 5 https://new-cms.example/e/5",
    ]);
  });

  it("posts a new item that replaces the only one, and a recurring event's next date", async () => {
    const on = (day: number) => new Date(Date.UTC(2026, 10, day, 18, 30)).toUTCString();
    await runWith([{ ...event(1), title: "Visite guidée", published: on(4) }]);
    await runWith([{ ...event(2), title: "Concert", published: on(4) }]);
    await runWith([{ ...event(3), title: "Visite guidée", published: on(11) }]);
    expect(posted()).toEqual([
      "Concert https://museum.example/e/2",
      "Visite guidée https://museum.example/e/3",
    ]);
  });
});
