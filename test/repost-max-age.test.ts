/**
 * repost: under maxAge, end to end (compiled CLI, feed on loopback, local fake X): a repost of an
 * item older than maxAge is dropped with the reason, the record that the item was posted stays,
 * and the repost counts as done (not queued again on later runs).
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
  work = await mkdtemp(join(tmpdir(), "crieur-repost-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

/** Items published some days ago (the CLI runs on the real clock). */
function serve(...items: { id: string; daysAgo: number }[]): void {
  const entries = items.map(
    ({ id, daysAgo }) =>
      `<item><title>Article ${id}</title><link>https://blog.example/${id}</link>
      <guid isPermaLink="false">${id}</guid>
      <pubDate>${new Date(Date.now() - daysAgo * DAY).toUTCString()}</pubDate></item>`,
  );
  feeds.route("/feed.xml", {
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>
      <link>https://blog.example/</link><description>d</description>${entries.join("")}</channel></rss>`,
  });
}

async function configure(...extra: string[]): Promise<void> {
  const lines = ["feeds:", "  - id: blog", `    url: ${feeds.url("/feed.xml")}`, ...extra, ""];
  await writeFile(join(work, "feeds.yml"), lines.join("\n"), "utf8");
}

const run = async () => {
  const result = await runCli(["run"], {
    cwd: work,
    env: { ...credentialsEnv(credentials), CRIEUR_X_API_URL: fakeX.url },
  });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result.stdout;
};

const state = async () => JSON.parse(await readFile(join(work, "state", "blog.json"), "utf8"));

describe("a repost older than maxAge", () => {
  it("is dropped with the reason, keeps the item's posted record, and is not tried again", async () => {
    await configure();
    serve({ id: "a", daysAgo: 5 });
    await run(); // first sight: recorded, not posted
    serve({ id: "a", daysAgo: 5 }, { id: "b", daysAgo: 3 });
    await run();
    expect(fakeX.posts).toHaveLength(1);
    const posted = (await state()).done.b;
    expect(posted).toMatchObject({ status: "posted", network: "x" });

    await configure('    maxAge: "1d"', "    repost: [b]", '    template: "Rappel : {title}"');
    const dropped = await run();
    expect(dropped).toContain('Repost: "Article b" queued again');
    expect(dropped).toMatch(/"Article b" dropped, not posted: older than maxAge \(24 hours\)/);
    expect(fakeX.posts).toHaveLength(1);
    const after = await state();
    expect(after.done.b).toEqual(posted);
    expect(after.queue).toEqual([]);
    expect(Object.keys(after.reposts)).toEqual(["b"]);

    const later = await run();
    expect(later).not.toContain("Repost:");
    expect(later).not.toContain('"Article b" dropped');
    expect(fakeX.posts).toHaveLength(1);
    expect((await state()).done.b).toEqual(posted);
  }, 60_000);
});
