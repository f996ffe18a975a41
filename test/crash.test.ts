/**
 * The crash test: the compiled CLI as a child process, killed with SIGKILL at random moments over
 * hundreds of runs while new items keep arriving in three feeds and the museum corrects titles.
 * Moments include right after X accepted a post (before crieur could record the answer), right
 * after the intent was written (before the request), during retries, right after X refused the
 * re-send of a post left in flight (429, 401, 400, or 503 then 429), and anywhere else. From the
 * fake X server's log it checks: every item posted exactly once (whatever version of its title),
 * none lost, none out of order within its feed.
 *
 * Two independent "worlds" (own state directory, own fake X) run side by side to halve the time;
 * within a world, runs are strictly back to back, as the workflow runs them.
 *
 * A third world posts to three targets at once: X, the fake Mastodon (which also loses answers
 * to posts it accepted, or fails with 503) and a real Bluesky PDS started once for the test (a
 * second fake Mastodon when the PDS harness is not installed). It checks the same per target.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type CliResult, runCli, startCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeXFault,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import { startThreeTargets, type ThreeTargets } from "./support/three-targets.js";

const WORLDS = 2;
/** 2 × 100 runs, killed or not, plus the seeding and draining runs: over 200 in all. */
const RUNS_PER_WORLD = Number(process.env.CRASH_RUNS ?? 100);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const FEEDS = ["museum", "blog", "agenda"] as const;

const credentials = fakeXCredentials();
const secrets = credentialsEnv(credentials);

/** mulberry32: a small seeded generator, so a failure can be replayed with CRASH_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FeedItem {
  readonly feed: string;
  readonly n: number;
  readonly at: Date;
  /** How many times the museum corrected its title. */
  edits: number;
}

const keyOf = (item: FeedItem) => `${item.feed}-${item.n}`;
const titleOf = (item: FeedItem) =>
  `${item.feed} item ${item.n}${item.edits > 0 ? ` (corrected ${item.edits})` : ""}`;
/** The item a post is about, whatever version of its title was posted. */
const keyOfText = (text: string) => {
  const [feed, , n] = text.split(" ");
  return `${feed}-${n}`;
};

function rss(items: readonly FeedItem[]): string {
  const entries = items
    .slice(-15)
    .reverse()
    .map(
      (item) =>
        `<item><title>${titleOf(item)}</title><link>https://example.org/${item.feed}/${item.n}</link>` +
        `<guid isPermaLink="false">${item.feed}-${item.n}</guid><pubDate>${item.at.toUTCString()}</pubDate></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://example.org/</link><description>d</description>${entries}</channel></rss>`;
}

type Mode =
  | "none"
  | "random"
  | "x-accepted"
  | "dropped-then-retry"
  | "intent-written"
  | "refused-resend";

/** How X refuses the re-send of a post left in flight, and the status that ends the refusal. */
const REFUSALS: readonly { readonly faults: readonly FakeXFault[]; readonly status: number }[] = [
  // A window that resets soon after the answer: the next runs wait, then the world goes on.
  {
    faults: [
      { kind: "rate-limit", window: { limit: 100, remaining: 0, reset: { afterMs: 1500 } } },
    ],
    status: 429,
  },
  { faults: [{ kind: "unauthorized" }], status: 401 },
  { faults: [{ kind: "answer", status: 400, body: { title: "Invalid Request" } }], status: 400 },
  {
    faults: [
      { kind: "server-error", status: 503 },
      { kind: "rate-limit", window: { limit: 100, remaining: 0, reset: { afterMs: 1500 } } },
    ],
    status: 429,
  },
];

interface Tally {
  runs: number;
  kills: number;
  byMode: Record<Mode, number>;
  refusedResends: number;
  corrections: number;
  posts: number;
  duplicateRefusals: number;
  perTarget: Record<string, { posts: number; duplicated: number; lost: number }>;
}

interface StateLane {
  readonly pending?: { readonly item: { readonly key: string } };
}

let server: FeedServer;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function waitUntil(condition: () => boolean | Promise<boolean>, stop: Promise<unknown>) {
  let finished = false;
  void stop.then(() => {
    finished = true;
  });
  while (!finished) {
    if (
      await Promise.resolve()
        .then(condition)
        .catch(() => false)
    )
      return true;
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  return false;
}

async function world(index: number, runs = RUNS_PER_WORLD, targets?: ThreeTargets): Promise<Tally> {
  const rand = random(SEED + index);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)] as T;
  const work = await mkdtemp(join(tmpdir(), "crieur-crash-"));
  dirs.push(work);
  // X's 15-minute limit (100 posts) is not what this test is about.
  const fakeX = await startFakeX({ credentials, windowPostLimit: 10_000 });
  const env = {
    ...secrets,
    CRIEUR_X_API_URL: fakeX.url,
    ...targets?.env,
    CRIEUR_SESSION_DIR: join(work, "sessions"),
  };
  const items = new Map<string, FeedItem[]>(FEEDS.map((feed) => [feed, []]));
  let clock = Date.UTC(2026, 0, 1);
  const path = (feed: string) => `/w${index}/${feed}.xml`;
  const publish = () => {
    for (const feed of FEEDS) server.route(path(feed), { body: rss(items.get(feed) ?? []) });
  };
  const add = (feed: string) => {
    const list = items.get(feed) ?? [];
    clock += 60_000;
    list.push({ feed, n: list.length + 1, at: new Date(clock), edits: 0 });
  };

  await writeFile(
    join(work, "feeds.yml"),
    [
      "defaults:",
      '  template: "{title} {link}"',
      "  maxPostsPerRun: 2",
      "limits:",
      "  maxPostsPerRun: 3",
      ...(targets?.config ?? []),
      "feeds:",
      ...FEEDS.flatMap((feed) => [`  - id: ${feed}`, `    url: ${server.url(path(feed))}`]),
    ].join("\n"),
    "utf8",
  );
  for (const feed of FEEDS) add(feed);
  publish();
  const seeded = await runCli(["run"], { cwd: work, env });
  expect(seeded.code, seeded.stderr).toBe(0);
  const seen = FEEDS.map((feed) => `${feed}-1`);

  const tally: Tally = {
    runs: 1,
    kills: 0,
    byMode: {
      none: 0,
      random: 0,
      "x-accepted": 0,
      "dropped-then-retry": 0,
      "intent-written": 0,
      "refused-resend": 0,
    },
    refusedResends: 0,
    corrections: 0,
    posts: 0,
    duplicateRefusals: 0,
    perTarget: {},
  };
  const stateFiles = FEEDS.map((feed) => join(work, "state", `${feed}.json`));
  /** Keys of the posts in flight on disk. */
  /** Posts in flight on any target, or on X alone (its lane is the state's top level). */
  const inFlight = async ({ xOnly = false } = {}) => {
    const keys: string[] = [];
    for (const file of stateFiles) {
      const text = await readFile(file, "utf8").catch(() => "");
      if (!text.includes('"pending"')) continue;
      const state = JSON.parse(text);
      const lanes = xOnly ? [state] : [state, ...Object.values(state.targets ?? {})];
      for (const lane of lanes as StateLane[]) {
        if (lane.pending) keys.push(lane.pending.item.key);
      }
    }
    return keys;
  };
  const anyPending = async () => (await inFlight()).length > 0;
  /** The museum fixes a typo: the title changes, the guid stays. */
  const correct = (key: string) => {
    const item = [...items.values()].flat().find((candidate) => keyOf(candidate) === key);
    if (!item) return;
    item.edits += 1;
    tally.corrections += 1;
    publish();
  };

  for (let i = 0; i < runs; i++) {
    if (rand() < 0.6) {
      const feed = pick(FEEDS);
      const count = 1 + Math.floor(rand() * 2);
      for (let k = 0; k < count; k++) add(feed);
      publish();
    }
    const pendingBefore = await inFlight();
    // With a post left in flight on X, the run's first request to X is its re-send: X's refusal
    // is scripted for that one (on another target's post in flight, it would meet a first
    // attempt instead, and a post X rejects is retried later, after the next ones).
    const mode =
      (await inFlight({ xOnly: true })).length > 0 && rand() < 0.4
        ? "refused-resend"
        : pick<Mode>([
            "none",
            "random",
            "random",
            "x-accepted",
            "dropped-then-retry",
            "intent-written",
          ]);
    tally.byMode[mode] += 1;
    const requestsBefore = fakeX.tweetRequestsReceived;
    const answersBefore = fakeX.requests.length;
    // A refusal that no request met (posting was paused) must not hit another run's post.
    fakeX.clearFaults();
    if (mode === "x-accepted") fakeX.failNext({ kind: "delay", ms: 150 });
    if (mode === "dropped-then-retry") fakeX.failNext({ kind: "drop", afterAccepting: true });
    const refusal = mode === "refused-resend" ? pick(REFUSALS) : undefined;
    if (refusal) fakeX.failNext(...refusal.faults);
    targets?.clearFaults();
    // Mastodon loses the answer to a post it accepted, or is down for the run.
    if (targets && rand() < 0.15) targets.mastodon.failNext({ kind: "drop", afterAccepting: true });
    else if (targets && rand() < 0.1) {
      targets.mastodon.failNext(
        ...Array.from({ length: 3 }, () => ({ kind: "server-error", status: 503 }) as const),
      );
    }

    const running = startCli(["run"], { cwd: work, env });
    let reached = true;
    switch (mode) {
      case "none":
        break;
      case "random":
        await Promise.race([
          new Promise((resolve) => setTimeout(resolve, rand() * 800)),
          running.done,
        ]);
        break;
      case "x-accepted":
        // Killed as soon as X holds the request: X accepts it 150 ms later, answerless.
        reached = await waitUntil(() => fakeX.tweetRequestsReceived > requestsBefore, running.done);
        break;
      case "dropped-then-retry":
        reached = await waitUntil(() => fakeX.tweetRequestsReceived > requestsBefore, running.done);
        await new Promise((resolve) => setTimeout(resolve, rand() * 1300));
        break;
      case "intent-written":
        // Killed once an intent is on disk: usually before its request leaves.
        reached = pendingBefore.length > 0 ? true : await waitUntil(anyPending, running.done);
        break;
      case "refused-resend": {
        // Killed right after X's refusal arrived, while crieur records it; or left to finish.
        const refused = () =>
          fakeX.requests.slice(answersBefore).some((request) => request.status === refusal?.status);
        reached = (await waitUntil(refused, running.done)) || refused();
        if (reached) tally.refusedResends += 1;
        if (rand() < 0.4) reached = false;
        else await new Promise((resolve) => setTimeout(resolve, rand() * 40));
        break;
      }
    }
    const killed = reached && running.child.exitCode === null && running.child.kill("SIGKILL");
    const result: CliResult = await running.done;
    tally.runs += 1;
    if (killed && result.signal === "SIGKILL") tally.kills += 1;
    else {
      // Refused credentials need the owner: that run is red.
      const code = refusal?.status === 401 && result.code === 1 ? 1 : 0;
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(code);
    }
    // The museum corrects a title now and then, often the one of the post in flight: a text
    // composed anew would be a second post.
    const [inFlightKey] = pendingBefore;
    if (inFlightKey && rand() < (mode === "refused-resend" ? 0.7 : 0.2)) correct(inFlightKey);
    else if (rand() < 0.1) {
      const recent = (items.get(pick(FEEDS)) ?? []).slice(-4);
      const item = recent[Math.floor(rand() * recent.length)];
      if (item) correct(keyOf(item));
    }
    // Let a delayed request land before the next run, as X would.
    await new Promise((resolve) => setTimeout(resolve, mode === "x-accepted" ? 170 : 0));
  }

  // Drain: no more faults, runs until nothing is queued or in flight.
  fakeX.clearFaults();
  for (let drain = 0; drain < 40; drain++) {
    const result = await runCli(["run"], { cwd: work, env });
    tally.runs += 1;
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    const states = await Promise.all(
      stateFiles.map(async (file) => JSON.parse(await readFile(file, "utf8"))),
    );
    const lanes = states.flatMap((state) => [state, ...Object.values(state.targets ?? {})]);
    if (lanes.every((lane) => lane.queue.length === 0 && lane.pending === undefined)) break;
  }

  const expected = FEEDS.flatMap((feed) =>
    (items.get(feed) ?? []).map(keyOf).filter((key) => !seen.includes(key)),
  );
  const posted = fakeX.posts.map((post) => post.text);
  const byTarget: Record<string, readonly string[]> = {
    x: posted,
    ...(targets ? await targets.posts() : {}),
  };
  for (const [target, texts] of Object.entries(byTarget)) {
    // Exactly once, none lost: each expected item has one post, whatever version of its title.
    const posts = new Map<string, string[]>();
    for (const text of texts)
      posts.set(keyOfText(text), [...(posts.get(keyOfText(text)) ?? []), text]);
    const duplicated = [...posts.values()].filter((list) => list.length > 1);
    const lost = expected.filter((key) => !posts.has(key));
    const unexpected = [...posts.keys()].filter((key) => !expected.includes(key));
    tally.perTarget[target] = {
      posts: texts.length,
      duplicated: duplicated.length,
      lost: lost.length,
    };
    expect({ target, duplicated, lost, unexpected }).toEqual({
      target,
      duplicated: [],
      lost: [],
      unexpected: [],
    });
    // In order within each feed (X and Mastodon keep arrival order).
    if (target === "sky" && targets?.blueskyIsReal) continue;
    for (const feed of FEEDS) {
      const order = texts
        .filter((text) => text.startsWith(`${feed} `))
        .map((text) => Number(text.split(" ")[2]));
      expect(order, `${target}: the posts of ${feed}, in order`).toEqual(
        [...order].sort((a, b) => a - b),
      );
    }
  }
  tally.posts = posted.length;
  // A refused duplicate is only ever the proof of an earlier, answerless post.
  tally.duplicateRefusals = fakeX.requests.filter((request) => request.status === 403).length;
  expect(tally.duplicateRefusals).toBeLessThanOrEqual(
    tally.kills + tally.byMode["dropped-then-retry"],
  );
  await fakeX.close();
  return tally;
}

it("posts every item exactly once, in order, whatever the moment crieur is killed", async () => {
  const tallies = await Promise.all(Array.from({ length: WORLDS }, (_, index) => world(index)));
  const sum = (pick: (tally: Tally) => number) => tallies.reduce((n, t) => n + pick(t), 0);
  const modes = Object.keys(tallies[0]?.byMode ?? {}) as Mode[];
  console.log(
    `crash test (CRASH_SEED=${SEED}): ${sum((t) => t.runs)} runs, ${sum((t) => t.kills)} killed with SIGKILL, ` +
      `${sum((t) => t.posts)} posts, ${sum((t) => t.duplicateRefusals)} duplicates refused by X (proofs of answerless posts), ` +
      `${sum((t) => t.refusedResends)} re-sends refused, ${sum((t) => t.corrections)} titles corrected; ` +
      `moments: ${modes.map((mode) => `${mode} ${sum((t) => t.byMode[mode])}`).join(", ")}`,
  );
  expect(sum((t) => t.runs)).toBeGreaterThanOrEqual(WORLDS * RUNS_PER_WORLD);
  expect(sum((t) => t.kills)).toBeGreaterThan((WORLDS * RUNS_PER_WORLD) / 4);
  expect(sum((t) => t.refusedResends)).toBeGreaterThan((WORLDS * RUNS_PER_WORLD) / 20);
}, 600_000);

it("holds with three targets at once: per target, 0 duplicates and 0 lost", async () => {
  const targets = await startThreeTargets();
  try {
    const tally = await world(WORLDS, Number(process.env.CRASH_RUNS_TARGETS ?? 50), targets);
    const lines = Object.entries(tally.perTarget).map(
      ([target, t]) => `${target} ${t.posts} posts, ${t.duplicated} duplicates, ${t.lost} lost`,
    );
    console.log(
      `crash test, three targets (CRASH_SEED=${SEED}, Bluesky ${targets.blueskyIsReal ? "a real PDS" : "a second fake Mastodon"}): ` +
        `${tally.runs} runs, ${tally.kills} killed; ${lines.join("; ")}`,
    );
    expect(Object.keys(tally.perTarget)).toEqual(["x", "toot", "sky"]);
    expect(tally.kills).toBeGreaterThan(5);
  } finally {
    await targets.close();
  }
}, 600_000);
