/**
 * End to end: the compiled CLI as a child process, feeds from a local HTTP server, posts to the
 * local fake X API through the real twitter-api-v2 client, state in a temp directory.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, startCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

interface TestItem {
  readonly id: string;
  readonly title: string;
  readonly day: number;
}

function rss(items: readonly TestItem[]): string {
  const entries = [...items]
    .sort((a, b) => b.day - a.day)
    .map(
      (item) => `<item><title>${item.title}</title><link>https://museum.example/e/${item.id}</link>
        <guid isPermaLink="false">${item.id}</guid>
        <pubDate>${new Date(Date.UTC(2026, 10, item.day, 9)).toUTCString()}</pubDate>
        <description>About ${item.title}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Agenda</title>
    <link>https://museum.example/</link><description>d</description>${entries}</channel></rss>`;
}

const credentials = fakeXCredentials();
const secrets = credentialsEnv(credentials);

let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let env: Record<string, string>;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-e2e-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
  env = { ...secrets, CRIEUR_X_API_URL: fakeX.url };
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

async function writeFeedsFile(lines: readonly string[]): Promise<void> {
  await writeFile(join(work, "feeds.yml"), `${lines.join("\n")}\n`, "utf8");
}

async function agendaConfig(extra: readonly string[] = []): Promise<void> {
  await writeFeedsFile([
    "feeds:",
    "  - id: agenda",
    `    url: ${feeds.url("/agenda.xml")}`,
    '    template: "{title} {link}"',
    ...extra,
  ]);
}

function serveAgenda(items: readonly TestItem[], version: string): void {
  feeds.route("/agenda.xml", { body: rss(items), etag: `"${version}"` });
}

const item = (n: number): TestItem => ({ id: `event-${n}`, title: `Event ${n}`, day: n });

describe("crieur run", () => {
  it("records a new feed without posting, then posts only new items, oldest first, once", async () => {
    await agendaConfig();
    serveAgenda([item(1), item(2)], "v1");

    const first = await runCli(["run"], { cwd: work, env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("2 items recorded as seen without posting");
    expect(first.stdout).toContain('Skipped (first run): "Event 2".');
    expect(first.stdout).toContain('Skipped (first run): "Event 1".');
    expect(fakeX.posts).toEqual([]);

    serveAgenda([item(1), item(2), item(3), item(4)], "v2");
    const second = await runCli(["run"], { cwd: work, env });
    expect(second.code, second.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "Event 3 https://museum.example/e/event-3",
      "Event 4 https://museum.example/e/event-4",
    ]);

    const third = await runCli(["run"], { cwd: work, env });
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain("Not modified");
    expect(fakeX.posts).toHaveLength(2);
    const conditional = feeds.requests.at(-1);
    expect(conditional?.headers["if-none-match"]).toBe('"v2"');
    expect(conditional?.status).toBe(304);

    const state = JSON.parse(await readFile(join(work, "state", "agenda.json"), "utf8"));
    expect(state.done["event-3"]).toMatchObject({
      status: "posted",
      network: "x",
      postId: fakeX.posts[0]?.id,
    });
    expect(state.done["event-1"]).toMatchObject({ status: "seen" });
  });

  it("a second run over an unchanged feed without validators posts nothing", async () => {
    await agendaConfig();
    feeds.route("/agenda.xml", { body: rss([item(1)]) });
    await runCli(["run"], { cwd: work, env });
    feeds.route("/agenda.xml", { body: rss([item(1), item(2)]) });
    await runCli(["run"], { cwd: work, env });
    const again = await runCli(["run"], { cwd: work, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("No new items.");
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "Event 2 https://museum.example/e/event-2",
    ]);
  });

  it("fetches a feed in full after its url changes, without the old address's validators", async () => {
    await agendaConfig();
    serveAgenda([item(1)], "same-etag");
    await runCli(["run"], { cwd: work, env });

    // The same CMS now answers at another address, with the same ETag but new content.
    feeds.route("/moved.xml", { body: rss([item(1), item(2)]), etag: '"same-etag"' });
    await writeFeedsFile(["feeds:", "  - id: agenda", `    url: ${feeds.url("/moved.xml")}`]);
    const moved = await runCli(["run"], { cwd: work, env });
    expect(moved.code, moved.stderr).toBe(0);
    const request = feeds.requests.find((entry) => entry.path === "/moved.xml");
    expect(request?.headers["if-none-match"]).toBeUndefined();
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "Event 2 https://museum.example/e/event-2",
    ]);
  });

  it("keeps items over the per-run cap queued for later runs", async () => {
    await agendaConfig(["    maxPostsPerRun: 2"]);
    serveAgenda([item(1)], "v1");
    await runCli(["run"], { cwd: work, env });
    serveAgenda([1, 2, 3, 4, 5, 6].map(item), "v2");

    await runCli(["run"], { cwd: work, env });
    expect(fakeX.posts).toHaveLength(2);
    const state = JSON.parse(await readFile(join(work, "state", "agenda.json"), "utf8"));
    expect(state.queue.map((entry: { item: { key: string } }) => entry.item.key)).toEqual([
      "event-4",
      "event-5",
      "event-6",
    ]);

    // The feed drops the queued items: they still go out, since they are in the state's queue.
    serveAgenda([item(6)], "v3");
    await runCli(["run"], { cwd: work, env });
    await runCli(["run"], { cwd: work, env });
    expect(fakeX.posts.map((post) => post.text.split(" ").slice(0, 2).join(" "))).toEqual([
      "Event 2",
      "Event 3",
      "Event 4",
      "Event 5",
      "Event 6",
    ]);
  });

  it("posts the newest firstRunPosts items when a feed is first seen", async () => {
    await agendaConfig(["    firstRunPosts: 1"]);
    serveAgenda([item(1), item(2), item(3)], "v1");
    const result = await runCli(["run"], { cwd: work, env });
    expect(result.code, result.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "Event 3 https://museum.example/e/event-3",
    ]);
  });

  it("never reposts when X's answers were lost, even after the item's title changes", async () => {
    await agendaConfig();
    serveAgenda([item(1)], "v1");
    await runCli(["run"], { cwd: work, env });
    serveAgenda([item(1), item(2)], "v2");

    // X accepts the post but the answer is lost, then fails every retry: it may have gone out.
    fakeX.failNext(
      { kind: "drop", afterAccepting: true },
      { kind: "server-error", status: 503 },
      { kind: "server-error", status: 503 },
    );
    const failing = await runCli(["run"], { cwd: work, env });
    expect(failing.stderr).toContain("may or may not have reached X");
    expect(fakeX.posts).toHaveLength(1);
    const statePath = join(work, "state", "agenda.json");
    expect(JSON.parse(await readFile(statePath, "utf8")).pending?.text).toBe(
      "Event 2 https://museum.example/e/event-2",
    );

    // The museum corrects the title meanwhile: the same text is re-sent, X refuses the duplicate.
    serveAgenda([item(1), { ...item(2), title: "Event 2 (updated)" }], "v3");
    const next = await runCli(["run"], { cwd: work, env });
    expect(next.code, next.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "Event 2 https://museum.example/e/event-2",
    ]);
    expect(JSON.parse(await readFile(statePath, "utf8")).done["event-2"]).toMatchObject({
      status: "posted",
    });
  });

  it("never reposts after being killed while X was answering", async () => {
    await agendaConfig();
    serveAgenda([item(1)], "v1");
    await runCli(["run"], { cwd: work, env });
    serveAgenda([item(1), item(2)], "v2");

    // X accepts the post after a delay; the process is killed before it records the answer.
    fakeX.failNext({ kind: "delay", ms: 1500 });
    const running = startCli(["run"], { cwd: work, env });
    const statePath = join(work, "state", "agenda.json");
    await waitFor(() => fakeX.tweetRequestsReceived === 1);
    running.child.kill("SIGKILL");
    const killed = await running.done;
    expect(killed.signal).toBe("SIGKILL");
    await waitFor(async () => fakeX.posts.length === 1);

    const recovery = await runCli(["run"], { cwd: work, env });
    expect(recovery.code, recovery.stderr).toBe(0);
    expect(recovery.stderr).toContain("already on X");
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "Event 2 https://museum.example/e/event-2",
    ]);
    const state = JSON.parse(await readFile(statePath, "utf8"));
    expect(state.pending).toBeUndefined();
    expect(state.done["event-2"]).toMatchObject({ status: "posted" });

    const after = await runCli(["run"], { cwd: work, env });
    expect(after.code).toBe(0);
    expect(fakeX.posts).toHaveLength(1);
  });

  it("counts a re-sent post against the run's cap", async () => {
    await agendaConfig(["    maxPostsPerRun: 1"]);
    serveAgenda([item(1)], "v1");
    await runCli(["run"], { cwd: work, env });
    serveAgenda([1, 2, 3].map(item), "v2");

    fakeX.failNext({ kind: "delay", ms: 1500 });
    const running = startCli(["run"], { cwd: work, env });
    await waitFor(() => fakeX.tweetRequestsReceived === 1);
    running.child.kill("SIGKILL");
    await running.done;
    await waitFor(() => fakeX.posts.length === 1);

    // The recovery run re-sends event 2 (refused as a duplicate): that is its one request.
    const recovery = await runCli(["run"], { cwd: work, env });
    expect(recovery.code, recovery.stderr).toBe(0);
    expect(fakeX.tweetRequestsReceived).toBe(2);
    const after = await runCli(["run"], { cwd: work, env });
    expect(after.code, after.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text.split(" ").slice(0, 2).join(" "))).toEqual([
      "Event 2",
      "Event 3",
    ]);
  });

  it("re-sends a post that was killed before it reached X, exactly once", async () => {
    await agendaConfig();
    serveAgenda([item(1)], "v1");
    await runCli(["run"], { cwd: work, env });
    serveAgenda([item(1), item(2)], "v2");

    // The connection drops before X accepts anything, and the process dies right after.
    fakeX.failNext({ kind: "delay", ms: 5000 });
    const running = startCli(["run"], { cwd: work, env });
    const statePath = join(work, "state", "agenda.json");
    await waitFor(async () => (await readFile(statePath, "utf8")).includes('"pending"'));
    running.child.kill("SIGKILL");
    await running.done;
    await fakeX.close();
    fakeX = await startFakeX({ credentials });
    env = { ...env, CRIEUR_X_API_URL: fakeX.url };

    const recovery = await runCli(["run"], { cwd: work, env });
    expect(recovery.code, recovery.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "Event 2 https://museum.example/e/event-2",
    ]);
  });

  it("skips a broken feed with a warning and runs the others (a fresh failure is not red)", async () => {
    await writeFeedsFile([
      "feeds:",
      "  - id: gone",
      `    url: ${feeds.url("/missing.xml")}`,
      "  - id: agenda",
      `    url: ${feeds.url("/agenda.xml")}`,
    ]);
    serveAgenda([item(1)], "v1");
    await runCli(["run"], { cwd: work, env });
    serveAgenda([item(1), item(2)], "v2");
    const result = await runCli(["run"], { cwd: work, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Feed 'gone' skipped: .*404/);
    expect(fakeX.posts).toHaveLength(1);
  });

  it("refuses an unreadable state file for that feed instead of reposting everything", async () => {
    await agendaConfig();
    serveAgenda([item(1), item(2)], "v1");
    await runCli(["run"], { cwd: work, env });
    await writeFile(join(work, "state", "agenda.json"), "{ truncated", "utf8");
    const result = await runCli(["run"], { cwd: work, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("not valid JSON");
    expect(fakeX.posts).toEqual([]);
    expect(await readFile(join(work, "state", "agenda.json"), "utf8")).toBe("{ truncated");
  });

  it("does a loud dry run without the X secrets and writes nothing", async () => {
    await agendaConfig(["    firstRunPosts: 1"]);
    serveAgenda([item(1), item(2)], "v1");
    const result = await runCli(["run"], { cwd: work, env: { CRIEUR_X_API_URL: fakeX.url } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("DRY RUN");
    expect(result.stdout).toContain("Would post (");
    expect(result.stdout).toContain("Event 2 https://museum.example/e/event-2");
    expect(fakeX.requests).toEqual([]);
    await expect(readFile(join(work, "state", "agenda.json"), "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("writes an escaped job summary and masks secrets in Actions", async () => {
    await agendaConfig();
    serveAgenda([item(1)], "v1");
    await runCli(["run"], { cwd: work, env });
    serveAgenda([item(1), { id: "x", title: "Is 1 &lt; 2 &amp; &quot;why&quot;?", day: 3 }], "v2");
    const summary = join(work, "summary.html");
    await writeFile(summary, "", "utf8");
    const result = await runCli(["run"], {
      cwd: work,
      env: { ...env, GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("::group::Feed 'agenda'");
    const html = await readFile(summary, "utf8");
    expect(html).toContain("<table>");
    expect(html).toContain("Is 1 &lt; 2 &amp; &quot;why&quot;?");
    expect(html).toContain(`https://x.com/i/web/status/${fakeX.posts[0]?.id}`);
    for (const secret of Object.values(secrets)) {
      const lines = (result.stdout + result.stderr)
        .split("\n")
        .filter((line) => line.includes(secret));
      expect(lines.every((line) => line.startsWith("::add-mask::"))).toBe(true);
    }
  });

  it("rejects a broken feeds.yml before fetching anything", async () => {
    await writeFeedsFile([
      "feeds:",
      "  - id: agenda",
      "    url: example.com/rss",
      "    templat: x",
    ]);
    const result = await runCli(["run"], { cwd: work, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("feeds.yml:3: feeds[0].url:");
    expect(result.stderr).toContain("feeds.yml:4: feeds[0].templat:");
    expect(feeds.requests).toEqual([]);
  });
});

describe("crieur check, items, help", () => {
  it("check lists every problem with its line and exits 1", async () => {
    await writeFeedsFile([
      "feeds:",
      "  - id: agenda",
      "    url: ftp://example.org/feed",
      "  - id: agenda",
      "    url: https://example.org/feed",
      "    template: '{titel}'",
    ]);
    const result = await runCli(["check"], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/feeds\.yml:3: feeds\[0\]\.url:/);
    expect(result.stderr).toMatch(/feeds\.yml:4: feeds\[1\]\.id:/);
    expect(result.stderr).toMatch(/feeds\.yml:6: feeds\[1\]\.template:/);
  });

  it("check accepts the repository's own feeds.yml", async () => {
    const result = await runCli(
      ["check", "--config", join(import.meta.dirname, "..", "feeds.yml")],
      { cwd: work },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("is valid");
  });

  it("items --json prints normalized items from a URL and from a file", async () => {
    serveAgenda([item(1), item(2)], "v1");
    const fromUrl = await runCli(["items", feeds.url("/agenda.xml"), "--json"], { cwd: work });
    expect(fromUrl.code, fromUrl.stderr).toBe(0);
    const items = JSON.parse(fromUrl.stdout);
    expect(items.map((entry: { key: string }) => entry.key)).toEqual(["event-2", "event-1"]);
    expect(items[0]).toMatchObject({ title: "Event 2", link: "https://museum.example/e/event-2" });
    expect(items[0].published).toBe("2026-11-02T09:00:00.000Z");

    await writeFile(join(work, "feed.xml"), rss([item(5)]), "utf8");
    const fromFile = await runCli(["items", "feed.xml"], { cwd: work });
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toContain("Event 5");
  });

  it.each([
    [["--help"], 0, /Usage:/],
    [["run", "--help"], 0, /Usage:/],
    [["--version"], 0, /^\d+\.\d+\.\d+/],
    [["frobnicate"], 2, /Unknown command/],
    [["run", "--bogus"], 2, /bogus/],
    [["items"], 2, /Usage: crieur items/],
  ])("crieur %j exits %i", async (args, code, output) => {
    const result = await runCli(args, { cwd: work });
    expect(result.code).toBe(code);
    expect(result.stdout + result.stderr).toMatch(output);
  });
});

async function waitFor(
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await condition()) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
