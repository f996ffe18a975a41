/**
 * Posts in flight, end to end: the compiled CLI as a child process, a feed from a local server,
 * the fake X scripted to lose answers and refuse re-sends. Once a text may have reached X it stays
 * in flight, unchanged, until X says "posted" or "duplicate" (or the re-send window closes); a
 * duplicate answer proves a post only for a text this item already sent.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, startCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  type FakeXFault,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

interface TestItem {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly day: number;
}

function rss(items: readonly TestItem[]): string {
  const entries = [...items]
    .sort((a, b) => b.day - a.day)
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${item.link}</link>` +
        `<guid isPermaLink="false">${item.id}</guid>` +
        `<pubDate>${new Date(Date.UTC(2026, 10, item.day, 9)).toUTCString()}</pubDate></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Agenda</title><link>https://museum.example/</link><description>d</description>${entries}</channel></rss>`;
}

const credentials = fakeXCredentials();
const secrets = credentialsEnv(credentials);
const event = (n: number, title = `Event ${n}`): TestItem => ({
  id: `event-${n}`,
  title,
  link: `https://museum.example/e/event-${n}`,
  day: n,
});
const TEXT_2 = "Event 2 https://museum.example/e/event-2";

let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let env: Record<string, string>;
let summary: string;

const serve = (items: readonly TestItem[]) => feeds.route("/agenda.xml", { body: rss(items) });
const run = () => runCli(["run"], { cwd: work, env: { ...env, GITHUB_STEP_SUMMARY: summary } });
const statePath = () => join(work, "state", "agenda.json");
const readState = async () => JSON.parse(await readFile(statePath(), "utf8"));
const queuedKeys = async () =>
  (await readState()).queue.map((queued: { item: { key: string } }) => queued.item.key);

async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("condition not met in time");
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-in-flight-"));
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
      '    template: "{title} {link}"',
    ].join("\n"),
    "utf8",
  );
  // First sight: recorded, nothing posted.
  serve([event(1)]);
  expect((await run()).code).toBe(0);
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

/** Run 1 posts event 2, but X's answer is lost and the retries get 503: it stays in flight. */
async function postWithLostAnswer(): Promise<{ text: string; at: string }> {
  serve([event(1), event(2)]);
  fakeX.failNext(
    { kind: "drop", afterAccepting: true },
    { kind: "server-error", status: 503 },
    { kind: "server-error", status: 503 },
  );
  const lost = await run();
  expect(lost.code, lost.stderr).toBe(0);
  return inFlight();
}

/** Run 1 is killed while X holds its request, and X then accepts it: it stays in flight. */
async function postThenDie(): Promise<{ text: string; at: string }> {
  serve([event(1), event(2)]);
  fakeX.failNext({ kind: "delay", ms: 300 });
  const running = startCli(["run"], { cwd: work, env });
  await waitFor(() => fakeX.tweetRequestsReceived === 1);
  running.child.kill("SIGKILL");
  expect((await running.done).signal).toBe("SIGKILL");
  await waitFor(() => fakeX.posts.length === 1);
  return inFlight();
}

async function inFlight(): Promise<{ text: string; at: string }> {
  expect(fakeX.posts.map((post) => post.text)).toEqual([TEXT_2]);
  const pending = (await readState()).pending;
  expect(pending).toMatchObject({ text: TEXT_2 });
  return pending;
}

describe("a re-sent post that X refuses stays in flight, unchanged", () => {
  it.each<[string, FakeXFault, number]>([
    // A window that resets within two seconds, so the next run may post again.
    [
      "429 rate limit",
      { kind: "rate-limit", window: { limit: 100, remaining: 0, reset: { afterMs: 1500 } } },
      0,
    ],
    ["401 credentials", { kind: "unauthorized" }, 1],
    ["402 no credits", { kind: "credits-depleted" }, 1],
    ["403 no write permission", { kind: "no-write-permission" }, 1],
    [
      "400 invalid request",
      { kind: "answer", status: 400, body: { title: "Invalid Request", detail: "invalid" } },
      0,
    ],
  ])("%s: nothing is requeued or recomposed, and the item is on X once", async (_, fault, code) => {
    const before = await postThenDie();

    // Run 2 re-sends the recorded text and X refuses it.
    fakeX.failNext(fault);
    const refused = await run();
    expect((await readState()).pending).toEqual(before);
    expect(await queuedKeys()).toEqual([]);
    expect(refused.code, refused.stderr).toBe(code);
    expect(refused.stderr).toContain("stays in flight");

    // The museum fixes a typo in the title; the next run re-sends the same text: X's duplicate
    // answer proves the first post, nothing new is composed.
    serve([event(1), event(2, "Event 2 (corrected)")]);
    await waitFor(async () => {
      const account = await readFile(join(work, "state", "_account.json"), "utf8").catch(
        () => "{}",
      );
      const until = JSON.parse(account).postingPausedUntil;
      return until === undefined || Date.parse(until) < Date.now();
    });
    const next = await run();
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain("already on X");
    expect(fakeX.posts.map((post) => post.text)).toEqual([TEXT_2]);
    const state = await readState();
    expect(state.pending).toBeUndefined();
    expect(state.done["event-2"]).toMatchObject({ status: "posted" });
  });

  it("a re-send that is refused keeps its feed's next items waiting behind it, in order", async () => {
    await postWithLostAnswer();
    serve([event(1), event(2), event(3)]);
    fakeX.failNext({ kind: "answer", status: 400, body: { title: "Invalid Request" } });
    const refused = await run();
    expect(refused.code, refused.stderr).toBe(0);
    // Event 3 did not overwrite the post in flight, and did not jump ahead of it.
    expect((await readState()).pending).toMatchObject({ text: TEXT_2 });
    expect(await queuedKeys()).toEqual(["event-3"]);
    expect(fakeX.posts.map((post) => post.text)).toEqual([TEXT_2]);

    expect((await run()).code).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      TEXT_2,
      "Event 3 https://museum.example/e/event-3",
    ]);
  });
});

describe("X's duplicate answer", () => {
  it("to a new item's first text is a refusal with its reason, not a post", async () => {
    // A weekly event keeps its title and link: each week composes the same text.
    const week = (n: number): TestItem => ({
      id: `tour-${n}`,
      title: "Guided tour",
      link: "https://museum.example/tour",
      day: n,
    });
    serve([event(1), week(2)]);
    expect((await run()).code).toBe(0);
    serve([event(1), week(2), week(9)]);
    const second = await run();
    expect(second.code, second.stderr).toBe(1);
    expect(second.stderr).toContain("add {date} to the template");
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "Guided tour https://museum.example/tour",
    ]);
    const state = await readState();
    expect(state.done["tour-9"]).toMatchObject({ status: "failed" });
    expect(state.done["tour-9"].reason).toMatch(/identical to an earlier post; add \{date\}/);
    expect(await readFile(summary, "utf8")).toMatch(
      /Guided tour: X refuses a text identical to an earlier post; add \{date\} to the template/,
    );
  });

  it("after a lost answer in the same run proves the post went out", async () => {
    serve([event(1), event(2)]);
    fakeX.failNext({ kind: "drop", afterAccepting: true });
    const result = await run();
    expect(result.code, result.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([TEXT_2]);
    expect((await readState()).done["event-2"]).toMatchObject({ status: "posted" });
  });
});

describe("writing the state fails right after X accepted a post", () => {
  it("is not a failed post: the run says so, the text stays in flight and X's duplicate settles it", async () => {
    serve([event(1), event(2)]);
    fakeX.failNext({ kind: "delay", ms: 1000 });
    const running = startCli(["run"], {
      cwd: work,
      env: { ...env, GITHUB_STEP_SUMMARY: summary },
    });
    await waitFor(() => fakeX.tweetRequestsReceived === 1);
    // The store writes a temporary file then renames it: a directory in its place makes every
    // write of this feed's state fail, as a full or read-only disk would.
    const blocker = `${statePath()}.${running.child.pid}.tmp`;
    await mkdir(blocker);
    await writeFile(join(blocker, "x"), "", "utf8");
    const failed = await running.done;
    await rm(blocker, { recursive: true });

    expect(fakeX.posts.map((post) => post.text)).toEqual([TEXT_2]);
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stderr).not.toContain("crashed");
    expect(failed.stderr).toMatch(/posted on X .* but writing state\/agenda\.json failed/);
    expect(await readFile(summary, "utf8")).toMatch(/writing state\/agenda\.json failed/);
    expect((await readState()).pending).toMatchObject({ text: TEXT_2 });

    const next = await run();
    expect(next.code, next.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([TEXT_2]);
    expect((await readState()).done["event-2"]).toMatchObject({ status: "posted" });
  });
});
