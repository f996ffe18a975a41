/**
 * One feed, three targets, end to end: the compiled CLI posts to the local fake X (real
 * twitter-api-v2 client), the local fake Mastodon (our client) and a real Bluesky PDS started in
 * this process (real @atproto/api client). Each target keeps its own records, so a failure on one
 * network never blocks or repeats the others. Without the PDS harness (test/bluesky-pds), the
 * third target is a second Mastodon account, and the test says so.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { INSTALL_HINT, pdsInstalled, startPds, type TestPds } from "./bluesky-pds/harness.js";
import { runCli } from "./support/cli.js";
import { type FakeMastodon, startFakeMastodon } from "./support/fake-mastodon-server.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import { createBlueskyAccount } from "./support/three-targets.js";

const withPds = pdsInstalled();
if (!withPds)
  console.warn(`Targets test: Bluesky replaced by a second Mastodon account; ${INSTALL_HINT}.`);

const xCredentials = fakeXCredentials();
const TOKEN = "mastodon-token-1";
const TOKEN_2 = "mastodon-token-2";

let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let mastodon: FakeMastodon;
let third: { posts(): Promise<string[]>; env: Record<string, string>; target: string[] };
let pds: TestPds | undefined;
let accounts = 0;
let closeThird: () => Promise<void>;

beforeAll(async () => {
  if (withPds) pds = await startPds();
}, 120_000);
afterAll(async () => {
  await pds?.close();
});

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-targets-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials: xCredentials });
  mastodon = await startFakeMastodon({ token: TOKEN });
  if (pds) {
    const account = await createBlueskyAccount(pds.url, `news${++accounts}.test`);
    const pdsUrl = pds.url;
    third = {
      env: {
        BLUESKY_HANDLE: account.handle,
        BLUESKY_APP_PASSWORD: account.appPassword,
        BLUESKY_SERVICE: pdsUrl,
      },
      target: ["  sky:", "    network: bluesky"],
      posts: async () => {
        const answer = await fetch(
          `${pdsUrl}/xrpc/com.atproto.repo.listRecords?repo=${account.did}&collection=app.bsky.feed.post&limit=100`,
        );
        const body = (await answer.json()) as {
          records: { value: { text: string; createdAt: string } }[];
        };
        // Records come in record-key order; posting order is their creation time.
        return body.records
          .map((record) => record.value)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .map((value) => value.text);
      },
    };
    closeThird = async () => {};
  } else {
    const second = await startFakeMastodon({ token: TOKEN_2 });
    third = {
      env: { OTHER_URL: second.url, OTHER_TOKEN: TOKEN_2 },
      target: [
        "  sky:",
        "    network: mastodon",
        "    secrets: { instanceUrl: OTHER_URL, accessToken: OTHER_TOKEN }",
      ],
      posts: async () => second.statuses.map((status) => status.text),
    };
    closeThird = () => second.close();
  }
  await writeFile(
    join(work, "feeds.yml"),
    [
      "targets:",
      "  x:",
      "    network: x",
      "  toot:",
      "    network: mastodon",
      ...third.target,
      "feeds:",
      "  - id: agenda",
      `    url: ${feeds.url("/agenda.xml")}`,
      '    template: "{title} {link}"',
      "",
    ].join("\n"),
  );
}, 60_000);

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close(), mastodon.close(), closeThird()]);
  await rm(work, { recursive: true, force: true });
});

const env = () => ({
  ...credentialsEnv(xCredentials),
  CRIEUR_X_API_URL: fakeX.url,
  MASTODON_URL: mastodon.url,
  MASTODON_TOKEN: TOKEN,
  CRIEUR_SESSION_DIR: join(work, "sessions"),
  ...third.env,
});

function rss(ids: readonly number[]): string {
  const entries = ids
    .map(
      (n) => `<item><title>Event ${n}</title><link>https://museum.example/e/${n}</link>
        <guid isPermaLink="false">event-${n}</guid>
        <pubDate>${new Date(Date.UTC(2026, 10, n, 9)).toUTCString()}</pubDate></item>`,
    )
    .join("\n");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Agenda</title>
    <link>https://museum.example/</link><description>d</description>${entries}</channel></rss>`;
}

function serve(ids: readonly number[]): void {
  feeds.route("/agenda.xml", { body: rss(ids), etag: `"v${ids.join("-")}"` });
}

async function run() {
  const result = await runCli(["run"], { cwd: work, env: env() });
  return result;
}

const text = (n: number) => `Event ${n} https://museum.example/e/${n}`;

async function posts() {
  return {
    x: fakeX.posts.map((post) => post.text),
    toot: mastodon.statuses.map((status) => status.text),
    sky: await third.posts(),
  };
}

describe("one feed, three targets", () => {
  it("posts each new item once to X, Mastodon and Bluesky, and never again", async () => {
    serve([1]);
    expect((await run()).code).toBe(0); // first sight: recorded, not posted
    serve([1, 2, 3]);
    const second = await run();
    expect(second.code, second.stderr).toBe(0);
    serve([1, 2, 3]);
    expect((await run()).code).toBe(0);
    expect(await posts()).toEqual({
      x: [text(2), text(3)],
      toot: [text(2), text(3)],
      sky: [text(2), text(3)],
    });
    const state = JSON.parse(await readFile(join(work, "state", "agenda.json"), "utf8"));
    expect(state.done["event-2"]).toMatchObject({ status: "posted", network: "x" });
    expect(state.targets.toot.done["event-2"]).toMatchObject({
      status: "posted",
      network: "mastodon",
    });
    expect(state.targets.sky.done["event-2"]).toMatchObject({ status: "posted" });
    expect(second.stdout).toMatch(/Target 'toot' \(mastodon\): 2 posts/);
  }, 120_000);

  it("lays one template out by each network's count: shortened where it is too long, not refused", async () => {
    // X counts a link as 23 and takes this post whole; Bluesky counts the link in full (300 in
    // all) and this Mastodon instance takes 120 characters: each shortens the title by its count.
    await mastodon.close();
    mastodon = await startFakeMastodon({ token: TOKEN, limits: { maxCharacters: 120 } });
    const title = `${"Visite guidée des réserves du musée ".repeat(5).trim()} ce samedi`;
    const link = `https://agenda.museum/${"visite-guidee-des-reserves-".repeat(5)}samedi`;
    const feed = (items: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Agenda</title>
      <link>https://museum.example/</link><description>d</description>${items}</channel></rss>`;
    const seen = "<item><title>Seen</title><link>https://museum.example/s</link></item>";
    feeds.route("/agenda.xml", { body: feed(seen), etag: '"seen"' });
    expect((await run()).code).toBe(0);
    feeds.route("/agenda.xml", {
      body: feed(`<item><title>${title}</title><link>${link}</link></item>${seen}`),
      etag: '"long"',
    });
    const result = await run();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const sent = await posts();
    expect(sent.x).toEqual([`${title} ${link}`]);
    expect(sent.toot).toHaveLength(1);
    expect(sent.sky).toHaveLength(1);
    // Without the PDS the third target is a Mastodon account of 500 characters: the post fits.
    if (!withPds) expect(sent.sky).toEqual([`${title} ${link}`]);
    const shortened = [[sent.toot[0] as string, 120 - 23] as const];
    if (withPds) shortened.push([sent.sky[0] as string, 300 - link.length]);
    for (const [text, limit] of shortened) {
      expect(text.endsWith(`… ${link}`)).toBe(true);
      const kept = text.slice(0, -(link.length + 2));
      expect(title.startsWith(kept)).toBe(true);
      // Cut at a word boundary, as long as the network's count allows.
      expect([...kept].length + 2).toBeLessThanOrEqual(limit);
      expect([...kept].length + 2).toBeGreaterThan(limit - 12);
    }
  }, 120_000);

  it("a dry run counts each target's waiting text as its network does", async () => {
    serve([1]);
    await run();
    serve([1, 2]);
    // Mastodon asks to wait: the item stays in its queue (X and Bluesky post it).
    mastodon.failNext({ kind: "rate-limit", reset: new Date(Date.now() + 3_600_000) });
    expect((await run()).code).toBe(0);
    const dry = await runCli(["run", "--dry-run"], { cwd: work, env: env() });
    expect(dry.code, dry.stderr).toBe(0);
    // ".example" is no top-level domain twitter-text knows: the link counts in full here.
    expect(dry.stdout).toContain(
      `Would post to 'toot' (${text(2).length}/500 characters as Mastodon counts them (a link counts 23)): ${text(2)}`,
    );
    expect((await posts()).toot).toEqual([]);
  }, 120_000);

  it("repost: sends the item once more to every target, then never again", async () => {
    serve([1]);
    await run();
    serve([1, 2]);
    expect((await run()).code).toBe(0);
    const feedsYml = join(work, "feeds.yml");
    const yml = await readFile(feedsYml, "utf8");
    await writeFile(
      feedsYml,
      yml.replace(
        '    template: "{title} {link}"',
        '    template: "Rappel : {title} {link}"\n    repost: [event-2]',
      ),
    );
    const reposted = await run();
    expect(reposted.code, reposted.stdout + reposted.stderr).toBe(0);
    expect((await run()).code).toBe(0);
    const again = `Rappel : ${text(2)}`;
    expect(await posts()).toEqual({
      x: [text(2), again],
      toot: [text(2), again],
      sky: [text(2), again],
    });
  }, 120_000);

  it("Mastodon down: X and Bluesky post; Mastodon gets it next run, X never again", async () => {
    serve([1]);
    await run();
    serve([1, 2]);
    // Three 503s: the first attempt and both retries.
    mastodon.failNext(
      { kind: "server-error", status: 503 },
      { kind: "server-error", status: 503 },
      { kind: "server-error", status: 503 },
    );
    const down = await run();
    expect(await posts()).toEqual({ x: [text(2)], toot: [], sky: [text(2)] });
    expect(down.stdout + down.stderr).toMatch(/toot/);
    const next = await run();
    expect(next.code, next.stdout + next.stderr).toBe(0);

    expect(await posts()).toEqual({ x: [text(2)], toot: [text(2)], sky: [text(2)] });
    // The re-send carried the first attempt's idempotency key.
    const keys = mastodon.requests
      .filter((request) => request.path === "/api/v1/statuses")
      .map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
  }, 120_000);

  it("X rate-limited: Mastodon and Bluesky post; X posts after its pause, once", async () => {
    serve([1]);
    await run();
    serve([1, 2]);
    fakeX.failNext({
      kind: "rate-limit",
      window: { limit: 100, remaining: 0, reset: { afterMs: 1_000 } },
    });
    const limited = await run();
    expect(limited.code, limited.stderr).toBe(0);
    expect(await posts()).toEqual({ x: [], toot: [text(2)], sky: [text(2)] });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await run();
    await run();
    expect(await posts()).toEqual({ x: [text(2)], toot: [text(2)], sky: [text(2)] });
  }, 120_000);

  it("reads a state file from before targets as posted to x, and floods no new target", async () => {
    await mkdir(join(work, "state"), { recursive: true });
    await writeFile(
      join(work, "state", "agenda.json"),
      JSON.stringify({
        version: 1,
        feedId: "agenda",
        validators: {},
        queue: [],
        done: {
          "event-1": { status: "seen", at: "2026-11-01T10:00:00.000Z" },
          "event-2": {
            status: "posted",
            at: "2026-11-02T10:00:00.000Z",
            network: "x",
            postId: "1",
          },
        },
      }),
    );
    serve([1, 2, 3]);
    const result = await run();
    expect(result.code, result.stderr).toBe(0);
    // Event 2 went to X before Mastodon and Bluesky were added: it is not sent to them.
    expect(await posts()).toEqual({ x: [text(3)], toot: [text(3)], sky: [text(3)] });
  }, 120_000);

  it("a target whose secrets are missing is skipped with a warning; the others post", async () => {
    serve([1]);
    await run();
    serve([1, 2]);
    const { MASTODON_TOKEN: _token, MASTODON_URL: _url, ...rest } = env();
    const result = await runCli(["run"], { cwd: work, env: rest });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "Target 'toot' is skipped: its secrets (MASTODON_URL, MASTODON_TOKEN) are not set",
    );
    expect(await posts()).toEqual({ x: [text(2)], toot: [], sky: [text(2)] });
  }, 120_000);
});
