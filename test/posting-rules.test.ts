/**
 * Every rule for X's answers, end to end: the compiled CLI as a child process, feeds from a local
 * server, posts to the fake X API scripted to answer the way X does (429 with its real header
 * sets, 403 duplicate, 401/403/402 auth and billing, 5xx, dropped connections, 400).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  type FakeXFault,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const credentials = fakeXCredentials();
const secrets = credentialsEnv(credentials);

let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let env: Record<string, string>;
let summary: string;

function rss(feed: string, numbers: readonly number[]): string {
  const entries = [...numbers]
    .reverse()
    .map(
      (n) =>
        `<item><title>${feed} ${n}</title><link>https://museum.example/${feed}/${n}</link>` +
        `<guid isPermaLink="false">${feed}-${n}</guid>` +
        `<pubDate>${new Date(Date.UTC(2026, 10, n, 9)).toUTCString()}</pubDate></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${feed}</title><link>https://museum.example/</link><description>d</description>${entries}</channel></rss>`;
}

const serve = (feed: string, numbers: readonly number[]) =>
  feeds.route(`/${feed}.xml`, { body: rss(feed, numbers) });
const run = () => runCli(["run"], { cwd: work, env: { ...env, GITHUB_STEP_SUMMARY: summary } });
const readState = async (feed: string) =>
  JSON.parse(await readFile(join(work, "state", `${feed}.json`), "utf8"));
const tweetRequests = () => fakeX.requests.filter((request) => request.path === "/2/tweets");

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-rules-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
  env = { ...secrets, CRIEUR_X_API_URL: fakeX.url };
  summary = join(work, "summary.html");
  await writeFile(summary, "", "utf8");
  await writeFile(
    join(work, "feeds.yml"),
    [
      "feeds:",
      "  - id: agenda",
      `    url: ${feeds.url("/agenda.xml")}`,
      "  - id: blog",
      `    url: ${feeds.url("/blog.xml")}`,
    ].join("\n"),
    "utf8",
  );
  // First sight: recorded, nothing posted.
  serve("agenda", [1]);
  serve("blog", [1]);
  expect((await run()).code).toBe(0);
  serve("agenda", [1, 2, 3]);
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

describe("429 rate limits", () => {
  const inOneHour = () => new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);
  it.each<[string, (reset: Date) => FakeXFault, string]>([
    [
      "the 15-minute window (v1 body)",
      (reset) => ({ kind: "rate-limit", window: { limit: 100, remaining: 0, reset }, body: "v1" }),
      "15-minute limit",
    ],
    [
      "the account's 24-hour limit",
      (reset) => ({
        kind: "rate-limit",
        window: { limit: 100, remaining: 98, reset: new Date(Date.now() + 60_000) },
        userDay: { limit: 17, remaining: 0, reset },
      }),
      "account's 24-hour limit",
    ],
    [
      "the app's 24-hour limit",
      (reset) => ({
        kind: "rate-limit",
        window: { limit: 100, remaining: 98, reset: new Date(Date.now() + 60_000) },
        appDay: { limit: 17, remaining: 0, reset },
      }),
      "app's 24-hour limit",
    ],
  ])(
    "%s: stops, keeps the items, remembers the reset, and later runs do not try",
    async (_, fault, limitName) => {
      const reset = inOneHour();
      fakeX.failNext(fault(reset));
      serve("blog", [1, 2]);
      const limited = await run();
      expect(limited.code, limited.stderr).toBe(0);
      expect(limited.stderr).toContain(limitName);
      expect(fakeX.posts).toEqual([]);
      // The other feed was still fetched and its state saved.
      expect(
        (await readState("blog")).queue.map((q: { item: { key: string } }) => q.item.key),
      ).toEqual(["blog-2"]);
      expect((await readState("agenda")).queue).toHaveLength(2);
      const account = JSON.parse(await readFile(join(work, "state", "_account.json"), "utf8"));
      expect(account.postingPausedUntil).toBe(reset.toISOString());
      expect(await readFile(summary, "utf8")).toContain(
        `Posting resumes after ${reset.toISOString()}`,
      );

      const requestsBefore = tweetRequests().length;
      const waiting = await run();
      expect(waiting.code, waiting.stderr).toBe(0);
      expect(tweetRequests()).toHaveLength(requestsBefore);
      expect(waiting.stdout + waiting.stderr).toContain(
        `Posting resumes after ${reset.toISOString()}`,
      );
    },
  );

  it("resumes once the remembered reset time has passed", async () => {
    fakeX.failNext({
      kind: "rate-limit",
      window: { limit: 100, remaining: 0, reset: inOneHour() },
    });
    expect((await run()).code).toBe(0);
    expect(fakeX.posts).toEqual([]);
    // An hour later, as far as the state knows: X's reset time is behind us.
    const file = join(work, "state", "_account.json");
    const account = JSON.parse(await readFile(file, "utf8"));
    account.postingPausedUntil = new Date(Date.now() - 1000).toISOString();
    await writeFile(file, JSON.stringify(account), "utf8");
    const resumed = await run();
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "agenda 2 https://museum.example/agenda/2",
      "agenda 3 https://museum.example/agenda/3",
    ]);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ version: 1 });
  });
});

it("403 duplicate content to a first attempt: given up with the reason, never recorded as posted", async () => {
  fakeX.failNext({
    kind: "answer",
    status: 403,
    body: {
      detail: "You are not allowed to create a Tweet with duplicate content.",
      type: "about:blank",
      title: "Forbidden",
      status: 403,
    },
  });
  const result = await run();
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toContain("X refuses a text identical to an earlier post");
  expect((await readState("agenda")).done["agenda-2"]).toMatchObject({ status: "failed" });
  expect(fakeX.posts.map((post) => post.text)).toEqual([
    "agenda 3 https://museum.example/agenda/3",
  ]);
});

describe("401 and 403 auth, 402 billing: stop, exit 1, say exactly what to fix", () => {
  it.each<[FakeXFault, RegExp]>([
    [{ kind: "unauthorized" }, /X_API_KEY and X_API_SECRET .* X_ACCESS_TOKEN and X_ACCESS_SECRET/],
    [{ kind: "no-write-permission" }, /"Read and write".*regenerate the access token/],
    [{ kind: "no-write-permission", variant: "oauth1" }, /"Read and write"/],
    [{ kind: "client-not-enrolled" }, /attach the app to a Project/],
    [{ kind: "credits-depleted" }, /no credits left.*Add credits/],
  ])("%j", async (fault, fix) => {
    fakeX.failNext(fault);
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(fix);
    expect(await readFile(summary, "utf8")).toMatch(/Needs your attention/);
    expect(tweetRequests()).toHaveLength(1);
    // Nothing is lost: both items wait, in order.
    expect(
      (await readState("agenda")).queue.map((q: { item: { key: string } }) => q.item.key),
    ).toEqual(["agenda-2", "agenda-3"]);
  });
});

describe("5xx and network errors: short bounded retry, then the item waits", () => {
  it.each<[string, FakeXFault, RegExp]>([
    ["503", { kind: "server-error", status: 503 }, /HTTP 503.*Tried 3 times/],
    [
      "dropped connection",
      { kind: "drop" },
      /Could not reach X: .*(ECONNRESET|socket hang up).*Tried 3 times/,
    ],
  ])("%s", async (_, fault, logged) => {
    fakeX.failNext(fault, fault, fault);
    const failing = await run();
    expect(failing.code, failing.stderr).toBe(0);
    expect(failing.stderr).toMatch(logged);
    expect(fakeX.posts).toEqual([]);
    expect(tweetRequests()).toHaveLength(3);

    const next = await run();
    expect(next.code, next.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "agenda 2 https://museum.example/agenda/2",
      "agenda 3 https://museum.example/agenda/3",
    ]);
  });

  it("a slow answer is waited for and posted once", async () => {
    fakeX.failNext({ kind: "delay", ms: 800 });
    const result = await run();
    expect(result.code, result.stderr).toBe(0);
    expect(fakeX.posts).toHaveLength(2);
  });
});

it("400 invalid content: failed with the reason after 3 attempts, shown in the summary, never retried again", async () => {
  const invalid: FakeXFault = {
    kind: "answer",
    status: 400,
    body: {
      errors: [{ message: "The `text` field is invalid." }],
      title: "Invalid Request",
      detail: "One or more parameters to your request was invalid.",
      type: "https://api.twitter.com/2/problems/invalid-request",
    },
  };
  for (let attempt = 1; attempt <= 3; attempt++) {
    fakeX.failNext(invalid);
    const result = await run();
    // Giving up needs the owner: the run that gives up is red, so GitHub notifies them.
    expect(result.code, result.stderr).toBe(attempt < 3 ? 0 : 1);
    expect(result.stderr).toMatch(attempt < 3 ? `attempt ${attempt} of 3` : "given up after 3");
  }
  const state = await readState("agenda");
  expect(state.done["agenda-2"]).toMatchObject({ status: "failed" });
  expect(state.done["agenda-2"].reason).toMatch(/HTTP 400/);
  expect(await readFile(summary, "utf8")).toMatch(/agenda 2: X rejected this post \(HTTP 400/);
  // The next item went out meanwhile; the failed one is never sent again.
  const requests = tweetRequests().length;
  await run();
  expect(tweetRequests()).toHaveLength(requests);
  expect(fakeX.posts.map((post) => post.text)).toEqual([
    "agenda 3 https://museum.example/agenda/3",
  ]);
});

describe("one run at a time on a state directory", () => {
  it("refuses to run while another live run holds state.lock, and takes over a dead run's lock", async () => {
    const lock = join(work, "state.lock");
    // This test's own process is alive: its lock is respected.
    await writeFile(
      lock,
      JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }),
    );
    const refused = await run();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Another crieur run .* this run did nothing/);
    expect(tweetRequests()).toEqual([]);

    // A run killed earlier left its lock behind: its process is gone, so the lock is stale.
    await writeFile(
      lock,
      JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), startedAt: new Date().toISOString() }),
    );
    const took = await run();
    expect(took.code, took.stderr).toBe(0);
    expect(fakeX.posts).toHaveLength(2);
    await expect(readFile(lock, "utf8")).rejects.toThrow(/ENOENT/);
  });
});
