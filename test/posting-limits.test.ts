/**
 * Budgets, fairness, maxAge, posting hours, cost and feed health over many simulated runs: the
 * real orchestrator, the real state files in a temp directory and the real parser, with the clock
 * injected and the two network edges (the feed download and the publisher) passed in as RunDeps.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Config } from "../src/config/defaults.js";
import { parseConfig } from "../src/config/load.js";
import type { Post, Publisher } from "../src/publishers/publisher.js";
import type { Log } from "../src/report/log.js";
import { exitCodeOf, type RunReport, summaryHtml } from "../src/report/report.js";
import { run } from "../src/run.js";
import type { FetchResult } from "../src/sources/fetch.js";
import { createStateStore, type StateStore } from "../src/state/store.js";
import { makeItem } from "./support/items.js";

const HOUR = 3_600_000;
const quiet: Log = {
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_name, body) => body(),
};

interface Sim {
  now: Date;
  store: StateStore;
  /** Items each feed lists: [number, published]. */
  feeds: Map<string, { n: number; at: Date }[]>;
  failing: Set<string>;
  posts: { feed: string; n: number; at: Date; text: string }[];
}

let dir: string;
let sim: Sim;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "crieur-limits-"));
  sim = {
    now: new Date("2026-03-02T10:00:00Z"),
    store: createStateStore(dir),
    feeds: new Map(),
    failing: new Set(),
    posts: [],
  };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function rss(feed: string, items: readonly { n: number; at: Date }[]): string {
  const entries = [...items]
    .reverse()
    .map(
      ({ n, at }) =>
        `<item><title>${feed} ${n}</title><link>https://example.org/${feed}/${n}</link>` +
        `<guid>${feed}-${n}</guid><pubDate>${at.toUTCString()}</pubDate></item>`,
    )
    .join("");
  return `<rss version="2.0"><channel><title>${feed}</title><link>https://example.org/</link><description>d</description>${entries}</channel></rss>`;
}

const publisher: Publisher = {
  network: "x",
  async publish(text): Promise<Post> {
    const [feed = "", n = "0"] = text.split(" ");
    sim.posts.push({ feed, n: Number(n), at: sim.now, text });
    const id = String(sim.posts.length);
    return { id, url: `https://x.com/i/web/status/${id}` };
  },
};

function config(lines: readonly string[], feedIds: readonly string[]): Config {
  return parseConfig(
    [
      ...lines,
      "feeds:",
      ...feedIds.flatMap((id) => [`  - id: ${id}`, `    url: https://example.org/${id}.xml`]),
    ].join("\n"),
    "feeds.yml",
  );
}

function step(cfg: Config, live = true): Promise<RunReport> {
  return run(cfg, {
    fetchFeed: async (url): Promise<FetchResult> => {
      const id = url.split("/").pop()?.replace(".xml", "") ?? "";
      if (sim.failing.has(id)) throw new Error(`HTTP 503 from ${url}`);
      const text = rss(id, sim.feeds.get(id) ?? []);
      return {
        kind: "fetched",
        text,
        url,
        validators: {},
        bytes: text.length,
        encoding: "utf-8",
        notes: [],
      };
    },
    store: sim.store,
    publisher: live ? publisher : undefined,
    now: () => sim.now,
    log: quiet,
  });
}

function add(feed: string, count: number, at = sim.now): void {
  const list = sim.feeds.get(feed) ?? [];
  for (let k = 0; k < count; k++) list.push({ n: list.length + 1, at: new Date(at.getTime() + k) });
  sim.feeds.set(feed, list);
}

const advance = (ms: number) => {
  sim.now = new Date(sim.now.getTime() + ms);
};

describe("budgets and fairness over many runs", () => {
  it("a busy feed never starves a quiet one, and caps hold every run and every 24 hours", async () => {
    const cfg = config(
      [
        "defaults:",
        "  maxPostsPerRun: 2",
        "  maxPostsPerDay: 10",
        "limits:",
        "  maxPostsPerRun: 2",
        "  maxPostsPerDay: 18",
      ],
      ["busy", "museum", "blog"],
    );
    for (const feed of ["busy", "museum", "blog"]) add(feed, 1);
    await step(cfg); // first sight: recorded only
    add("busy", 200);
    const museumAdded: Date[] = [];
    // Two days of runs every 30 minutes; the museum adds an event every 4 hours, the blog once a day.
    for (let i = 0; i < 96; i++) {
      if (i % 8 === 0) {
        add("museum", 1);
        museumAdded.push(sim.now);
      }
      if (i % 48 === 5) add("blog", 1);
      const before = sim.posts.length;
      await step(cfg);
      expect(sim.posts.length - before).toBeLessThanOrEqual(2);
      const dayAgo = sim.now.getTime() - 24 * HOUR;
      const lastDay = sim.posts.filter((post) => post.at.getTime() > dayAgo);
      expect(lastDay.length).toBeLessThanOrEqual(18);
      for (const feed of ["busy", "museum", "blog"]) {
        expect(lastDay.filter((post) => post.feed === feed).length).toBeLessThanOrEqual(10);
      }
      advance(30 * 60_000);
    }
    // Every museum and blog item went out within one run of its arrival, despite 200 busy items.
    const museum = sim.posts.filter((post) => post.feed === "museum");
    expect(museum).toHaveLength(museumAdded.length);
    museum.forEach((post, index) => {
      expect(post.n).toBe(index + 2);
      expect(post.at.getTime() - (museumAdded[index]?.getTime() ?? 0)).toBeLessThanOrEqual(
        30 * 60_000,
      );
    });
    expect(sim.posts.filter((post) => post.feed === "blog")).toHaveLength(2);
    // The busy feed goes oldest first, and is held to its daily cap.
    const busy = sim.posts.filter((post) => post.feed === "busy").map((post) => post.n);
    expect(busy).toEqual(busy.map((_, index) => index + 2));
    expect(busy.length).toBeGreaterThanOrEqual(16);
  });

  it("says in the summary when a daily limit holds items back and when posting resumes", async () => {
    const cfg = config(["limits:", "  maxPostsPerRun: 5", "  maxPostsPerDay: 2"], ["agenda"]);
    add("agenda", 1);
    await step(cfg);
    add("agenda", 4);
    const first = await step(cfg);
    expect(sim.posts).toHaveLength(2);
    advance(HOUR);
    const held = await step(cfg);
    expect(sim.posts).toHaveLength(2);
    expect(held.stoppedPosting).toMatchObject({
      kind: "daily-limit",
      resumeAt: new Date(sim.now.getTime() - HOUR + 24 * HOUR).toISOString(),
    });
    expect(summaryHtml(held)).toContain(
      "maxPostsPerDay (2 posts in 24 hours, all feeds) is reached",
    );
    expect(first.stoppedPosting).toBeUndefined();
    advance(23 * HOUR);
    await step(cfg);
    expect(sim.posts).toHaveLength(4);
  });
});

describe("feeds removed from feeds.yml", () => {
  it("still count toward the daily limit and the month's cost", async () => {
    const limits = ["limits:", "  maxPostsPerRun: 5", "  maxPostsPerDay: 2"];
    add("agenda", 1);
    await step(config(limits, ["agenda"]));
    add("agenda", 2);
    await step(config(limits, ["agenda"]));
    expect(sim.posts).toHaveLength(2);

    // The owner replaces the feed: the new one's first items wait for the rolling 24 hours.
    const replaced = config(limits, ["news"]);
    add("news", 1);
    await step(replaced);
    add("news", 1);
    advance(HOUR);
    const held = await step(replaced);
    expect(sim.posts).toHaveLength(2);
    expect(held.stoppedPosting?.kind).toBe("daily-limit");
    expect(held.cost?.posts).toBe(2);
  });
});

describe("maxAge", () => {
  it("drops items older than maxAge when their turn comes, with a reason, and posts the rest", async () => {
    const cfg = config(["defaults:", "  maxPostsPerRun: 1", '  maxAge: "2d"'], ["agenda"]);
    add("agenda", 1);
    await step(cfg);
    add("agenda", 1, new Date(sim.now.getTime() - 3 * 24 * HOUR)); // already too old
    add("agenda", 2);
    const report = await step(cfg);
    expect(report.feeds[0]?.dropped.map((entry) => entry.title)).toEqual(["agenda 2"]);
    expect(report.feeds[0]?.dropped[0]?.reason).toMatch(/older than maxAge \(48 hours\)/);
    expect(sim.posts.map((post) => post.n)).toEqual([3]);
    // The last one waits (1 per run) and has turned too old by the time its turn comes.
    advance(3 * 24 * HOUR);
    const later = await step(cfg);
    expect(later.feeds[0]?.dropped.map((entry) => entry.title)).toEqual(["agenda 4"]);
    expect(sim.posts.map((post) => post.n)).toEqual([3]);
    const state = await sim.store.load("agenda");
    expect(state?.done["agenda-4"]).toMatchObject({ status: "failed" });
    expect(state?.queue).toEqual([]);
  });
});

describe("posting hours", () => {
  it("holds items outside 08:00–21:00 Europe/Paris and posts them inside", async () => {
    const cfg = config(
      [
        "limits:",
        "  postingHours:",
        '    from: "08:00"',
        '    to: "21:00"',
        "    timeZone: Europe/Paris",
      ],
      ["agenda"],
    );
    sim.now = new Date("2026-07-01T19:30:00Z"); // 21:30 in Paris (summer time)
    add("agenda", 1);
    await step(cfg);
    add("agenda", 1);
    const night = await step(cfg);
    expect(sim.posts).toEqual([]);
    expect(night.stoppedPosting).toMatchObject({
      kind: "posting-hours",
      resumeAt: "2026-07-02T06:00:00.000Z",
    });
    expect(summaryHtml(night)).toContain("08:00–21:00 Europe/Paris");
    sim.now = new Date("2026-07-02T06:00:00Z"); // 08:00 in Paris
    await step(cfg);
    expect(sim.posts.map((post) => post.n)).toEqual([2]);
  });
});

describe("cost", () => {
  it("counts this month's posts, survives pruning, and stops at monthlyBudgetUSD until next month", async () => {
    const cfg = config(
      [
        "limits:",
        "  maxPostsPerRun: 50",
        "cost:",
        "  monthlyBudgetUSD: 1",
        "defaults:",
        "  maxPostsPerRun: 50",
      ],
      ["agenda"],
    );
    sim.now = new Date("2026-03-30T10:00:00Z");
    add("agenda", 1);
    await step(cfg);
    add("agenda", 7);
    const report = await step(cfg);
    // $0.20 per post with a link: 5 fit in $1, the others wait for April.
    expect(sim.posts).toHaveLength(5);
    expect(report.cost).toMatchObject({
      month: "2026-03",
      posts: 5,
      postsWithUrl: 5,
      estimatedUSD: 1,
    });
    expect(report.stoppedPosting).toMatchObject({
      kind: "monthly-budget",
      resumeAt: "2026-04-01T00:00:00.000Z",
    });
    expect(summaryHtml(report)).toContain(
      "5 posts in 2026-03 (5 with a link): about $1.00 of the $1.00 monthly budget",
    );
    expect(exitCodeOf(report)).toBe(0);
    // Pruning: the feed drops every old item; the month's counter stays.
    sim.feeds.set("agenda", []);
    for (let i = 0; i < 3; i++) {
      add("agenda", 150);
      sim.feeds.set("agenda", (sim.feeds.get("agenda") ?? []).slice(-150));
    }
    advance(HOUR);
    const march = await step(cfg);
    expect(march.cost?.posts).toBe(5);
    sim.now = new Date("2026-04-01T00:30:00Z");
    const april = await step(cfg);
    expect(april.cost?.month).toBe("2026-04");
    expect(sim.posts.length).toBeGreaterThan(5);
  });
});

describe("feed health", () => {
  it("warns while a feed fails, turns red after 24 hours, says once that it recovered", async () => {
    const cfg = config([], ["agenda"]);
    add("agenda", 1);
    await step(cfg);
    sim.failing.add("agenda");
    const first = await step(cfg);
    expect(exitCodeOf(first)).toBe(0);
    expect(first.feeds[0]?.failing).toEqual({ since: sim.now.toISOString(), alert: false });
    const since = sim.now.toISOString();
    const saved = JSON.stringify(await sim.store.load("agenda"));
    advance(12 * HOUR);
    await step(cfg);
    // failingSince is written only when it changes.
    expect(JSON.stringify(await sim.store.load("agenda"))).toBe(saved);
    advance(12 * HOUR + 1);
    const red = await step(cfg);
    expect(exitCodeOf(red)).toBe(1);
    expect(red.problems[0]).toMatch(`Feed 'agenda' has been failing since ${since}`);
    expect(red.problems[0]).toContain("HTTP 503");
    sim.failing.delete("agenda");
    add("agenda", 1);
    const back = await step(cfg);
    expect(exitCodeOf(back)).toBe(0);
    expect(back.feeds[0]?.recoveredFrom).toBe(since);
    expect(summaryHtml(back)).toContain("works again");
    expect(sim.posts.map((post) => post.n)).toEqual([2]);
    const after = await step(cfg);
    expect(after.feeds[0]?.recoveredFrom).toBeUndefined();
  });

  it("a feed failing before its first fetch still gets a first sight (records, posts nothing)", async () => {
    const cfg = config([], ["agenda"]);
    add("agenda", 3);
    sim.failing.add("agenda");
    await step(cfg);
    expect((await sim.store.load("agenda"))?.failingSince).toBe(sim.now.toISOString());
    sim.failing.delete("agenda");
    const report = await step(cfg);
    expect(report.feeds[0]?.firstSight).toBe(true);
    expect(sim.posts).toEqual([]);
  });
});

describe("an unanswered post older than X's duplicate window", () => {
  it("is never re-sent: reported as uncertain and left for the owner", async () => {
    const cfg = config([], ["agenda"]);
    add("agenda", 1);
    await step(cfg);
    add("agenda", 1);
    const state = await sim.store.load("agenda");
    if (!state) throw new Error("agenda should have a state");
    // A run died after sending agenda 2, 25 hours ago.
    await sim.store.save({
      ...state,
      pending: {
        item: makeItem({ key: "agenda-2", title: "agenda 2" }),
        queuedAt: new Date(sim.now.getTime() - 26 * HOUR).toISOString(),
        text: "agenda 2 https://example.org/agenda/2",
        network: "x",
        at: new Date(sim.now.getTime() - 25 * HOUR).toISOString(),
      },
    });
    const report = await step(cfg);
    expect(sim.posts).toEqual([]);
    expect(report.feeds[0]?.failed[0]?.reason).toMatch(/too old to re-send safely.*timeline/);
    const after = await sim.store.load("agenda");
    expect(after?.pending).toBeUndefined();
    expect(after?.done["agenda-2"]).toMatchObject({ status: "failed" });
  });
});
