/**
 * End to end: a run that learns nothing new leaves the state files untouched, so the repository's
 * history only records what changed. The compiled CLI against a local feed server and the fake X.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const BODY = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Agenda</title>
  <link>https://museum.example/</link><description>d</description>
  <item><title>Expo</title><link>https://museum.example/expo</link><guid>expo</guid></item>
  </channel></rss>`;

const credentials = fakeXCredentials();
let work: string;
let feeds: FeedServer;
let fakeX: FakeX;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-quiet-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
  const feedsFile = ["feeds:", "  - id: agenda", `    url: ${feeds.url("/agenda.xml")}`, ""];
  await writeFile(join(work, "feeds.yml"), feedsFile.join("\n"), "utf8");
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

/** Serves the same body under validators that change with every answer, and runs crieur once. */
async function runWithFreshValidators(answer: number): Promise<void> {
  feeds.route("/agenda.xml", {
    body: BODY,
    etag: `"answer-${answer}"`,
    lastModified: new Date(Date.UTC(2026, 10, 1, 9, answer)).toUTCString(),
  });
  const env = { ...credentialsEnv(credentials), CRIEUR_X_API_URL: fakeX.url };
  const result = await runCli(["run"], { cwd: work, env });
  expect(result.code, result.stderr).toBe(0);
}

it("does not rewrite a feed's state when only its ETag and Last-Modified changed", async () => {
  const file = join(work, "state", "agenda.json");
  await runWithFreshValidators(1);
  const before = { text: await readFile(file, "utf8"), inode: (await stat(file)).ino };
  await runWithFreshValidators(2);
  await runWithFreshValidators(3);
  // The server really answered in full each time: the validators it was sent were stale.
  expect(feeds.requests.map((request) => request.status)).toEqual([200, 200, 200]);
  expect(await readFile(file, "utf8")).toBe(before.text);
  // Written atomically (a new file renamed over the old one): the same inode means no write at all.
  expect((await stat(file)).ino).toBe(before.inode);
  expect(fakeX.posts).toEqual([]);
});
