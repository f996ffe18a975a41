/**
 * End to end: a state file that is valid JSON but damaged inside is its feed's error — named with
 * the file and the first bad entry, the file left as it is — while the other feeds run and post,
 * and the run is red; commit-state, meeting one on the remote, keeps the sound version. The
 * compiled CLI, feeds from a local server, the local fake X, git with a bare remote.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const credentials = fakeXCredentials();

let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let env: Record<string, string>;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-damage-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
  env = { ...credentialsEnv(credentials), CRIEUR_X_API_URL: fakeX.url };
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

function rss(feed: string, days: readonly number[]): string {
  const items = days
    .map(
      (
        day,
      ) => `<item><title>${feed} ${day}</title><link>https://museum.example/${feed}/${day}</link>
        <guid isPermaLink="false">${feed}-${day}</guid>
        <pubDate>${new Date(Date.UTC(2026, 10, day, 9)).toUTCString()}</pubDate></item>`,
    )
    .join("\n");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${feed}</title>
    <link>https://museum.example/</link><description>d</description>${items}</channel></rss>`;
}

function serve(days: readonly number[], version: string): void {
  for (const feed of ["agenda", "news"]) {
    feeds.route(`/${feed}.xml`, { body: rss(feed, days), etag: `"${feed}-${version}"` });
  }
}

/** Both feeds seen once (nothing posted on first sight), then each has one new item. */
async function twoFeedsSeenOnce(): Promise<void> {
  await writeFile(
    join(work, "feeds.yml"),
    [
      "feeds:",
      ...["agenda", "news"].flatMap((id) => [
        `  - id: ${id}`,
        `    url: ${feeds.url(`/${id}.xml`)}`,
        '    template: "{title}"',
      ]),
      "",
    ].join("\n"),
  );
  serve([1, 2], "v1");
  const first = await runCli(["run"], { cwd: work, env });
  expect(first.code, first.stderr).toBe(0);
  serve([1, 2, 3], "v2");
}

const at = "2026-11-20T10:00:00.000Z";
const item = {
  key: "agenda-9",
  title: "agenda 9",
  link: "https://museum.example/agenda/9",
  summary: "",
  categories: [],
};
type Json = Record<string, unknown>;

describe("a damaged state file", () => {
  it.each<[string, (state: Json) => void, string]>([
    [
      "a done entry is null",
      (state) => {
        (state.done as Json)["agenda-1"] = null;
      },
      'done."agenda-1": expected an object, got null',
    ],
    [
      "a queue entry has no item",
      (state) => {
        state.queue = [{ queuedAt: at }];
      },
      "queue[0].item: missing; expected an object (the item)",
    ],
    [
      "the pending post has no text",
      (state) => {
        state.pending = { item, queuedAt: at, network: "x", at };
      },
      "pending.text: missing; expected a string",
    ],
    [
      "a month's count is a string",
      (state) => {
        state.months = { "2026-11": { posts: "2", postsWithUrl: 0 } };
      },
      'months."2026-11".posts: expected a whole number, got "2"',
    ],
    [
      "validators is not an object",
      (state) => {
        state.validators = '"agenda-v1"';
      },
      'validators: expected an object, got "\\"agenda-v1\\""',
    ],
    [
      "a number is a string",
      (state) => {
        state.maxItemsSeen = "2";
      },
      'maxItemsSeen: expected a whole number, got "2"',
    ],
  ])("is that feed's error when %s; the other feed posts", async (_, damage, problem) => {
    await twoFeedsSeenOnce();
    const file = join(work, "state", "agenda.json");
    const state = JSON.parse(await readFile(file, "utf8")) as Json;
    damage(state);
    const damaged = JSON.stringify(state, null, 2);
    await writeFile(file, damaged);

    const result = await runCli(["run"], { cwd: work, env });
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(1);
    expect(output).not.toContain("crashed");
    expect(output).toContain(`state/agenda.json: ${problem}`);
    expect(output).toContain("git log -p -- state/agenda.json");
    expect(fakeX.posts.map((post) => post.text)).toEqual(["news 3"]);
    expect(await readFile(file, "utf8")).toBe(damaged);
  });

  it("_account.json damaged inside stops posting, saying which entry, and is kept", async () => {
    await twoFeedsSeenOnce();
    const file = join(work, "state", "_account.json");
    const damaged = JSON.stringify({ version: 1, postingPausedUntil: 1798000000000 });
    await writeFile(file, damaged);

    const result = await runCli(["run"], { cwd: work, env });
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(1);
    expect(output).not.toContain("crashed");
    expect(output).toContain(
      'state/_account.json: postingPausedUntil: expected a date such as "2026-11-25T12:00:00.000Z", got 1798000000000',
    );
    expect(fakeX.posts).toEqual([]);
    expect(await readFile(file, "utf8")).toBe(damaged);
  });
});

describe("commit-state meeting a damaged state file on the remote", () => {
  const exec = promisify(execFile);
  const git = async (cwd: string, ...args: string[]) =>
    (await exec("git", args, { cwd })).stdout.trim();
  const identity = ["-c", "user.name=Someone", "-c", "user.email=someone@example.org"];

  async function writeState(repo: string, state: Json): Promise<string> {
    await mkdir(join(repo, "state"), { recursive: true });
    const text = `${JSON.stringify(state, null, 2)}\n`;
    await writeFile(join(repo, "state", "agenda.json"), text);
    return text;
  }

  it("keeps this run's version instead of crashing on the other one, and says why", async () => {
    const remote = join(work, "remote.git");
    await git(work, "init", "--quiet", "--bare", "--initial-branch=main", remote);
    const seen = { status: "seen", at };
    const start = { version: 1, feedId: "agenda", validators: {}, queue: [], done: { a: seen } };
    await git(work, "clone", "--quiet", remote, "human");
    const human = join(work, "human");
    await writeState(human, start);
    await git(human, "add", ".");
    await git(human, ...identity, "commit", "--quiet", "-m", "start");
    await git(human, "push", "--quiet", "origin", "HEAD:main");
    await git(work, "clone", "--quiet", remote, "bot");
    const bot = join(work, "bot");

    // Meanwhile a hand edit reached main: valid JSON, but a queue entry lost its item.
    await writeState(human, { ...start, queue: [{ queuedAt: at }] });
    await git(human, ...identity, "commit", "--quiet", "-am", "hand edit");
    await git(human, "push", "--quiet", "origin", "HEAD:main");
    const posted = { status: "posted", at, network: "x", postId: "1" };
    const ours = await writeState(bot, { ...start, done: { a: seen, b: posted } });

    const result = await runCli(["commit-state", "--push"], {
      cwd: bot,
      env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    });
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(0);
    expect(output).not.toContain("crashed");
    expect(output).toContain(
      "state/agenda.json changed on both sides and the other version is damaged; keeping this " +
        "run's version. state/agenda.json: queue[0].item: missing; expected an object (the item).",
    );
    expect(await git(remote, "show", "main:state/agenda.json")).toBe(ours.trim());
  });
});
