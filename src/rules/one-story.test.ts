import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import type { Item } from "../sources/item.js";
import { emptyState, type FeedState, finishPost, startPost } from "../state/feed-state.js";
import { type FeedQueue, oneStoryOnce } from "./one-story.js";

const now = new Date("2026-11-25T12:00:00.000Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

function feed(feedId: string, queue: readonly [Item, number][], extra: Partial<FeedState> = {}) {
  const state: FeedState = {
    ...emptyState(feedId),
    queue: queue.map(([item, hours]) => ({ item, queuedAt: hoursAgo(hours) })),
    ...extra,
  };
  return { feedId, state, inRun: true } satisfies FeedQueue;
}

const article = (key: string, link: string, title = `Title of ${key}`) =>
  makeItem({ key, link, title });

describe("oneStoryOnce", () => {
  it("posts one article once across feeds, whatever their tracking parameters: the first queued wins", () => {
    const a = feed("presse", [
      [article("p1", "https://news.example/2026/desk?utm_source=rss&utm_medium=feed"), 1],
    ]);
    const b = feed("blog", [
      [article("b1", "https://www.news.example/2026/desk/?fbclid=xyz#top"), 2],
      [article("b2", "https://news.example/other"), 1],
    ]);
    const result = oneStoryOnce([a, b], now);
    expect(result.states.has("blog")).toBe(false);
    expect(result.skipped.get("presse")).toEqual([
      {
        item: a.state.queue[0]?.item,
        reason: `duplicate: the same article as "Title of b1", queued first by 'blog'`,
      },
    ]);
    const presse = result.states.get("presse");
    expect(presse?.queue).toEqual([]);
    expect(presse?.done.p1).toMatchObject({ status: "skipped", at: now.toISOString() });
  });

  it("breaks a tie by feeds.yml's order", () => {
    const link = "https://news.example/a";
    const result = oneStoryOnce(
      [feed("first", [[article("x", link), 1]]), feed("second", [[article("y", link), 1]])],
      now,
    );
    expect([...result.skipped.keys()]).toEqual(["second"]);
  });

  it("skips an article another feed posted, or is posting, using the canonical link the feed gives", () => {
    const posted = finishPost(
      startPost(
        feed("blog", [[article("b1", "https://news.example/a?ref=home"), 5]]).state,
        "b1",
        "t",
        "x",
        new Date(hoursAgo(4)),
      ),
      new Date(hoursAgo(4)),
      {},
    );
    const proxied = makeItem({
      key: "p1",
      link: "https://proxy.example/~r/abc",
      canonical: "https://news.example/a",
    });
    const inFlight = {
      item: article("f1", "https://news.example/b"),
      queuedAt: hoursAgo(3),
      text: "t",
      network: "x",
      at: hoursAgo(1),
    };
    const result = oneStoryOnce(
      [
        { feedId: "blog", state: { ...posted, pending: inFlight }, inRun: false },
        feed("presse", [
          [proxied, 1],
          [article("p2", "https://news.example/b"), 1],
        ]),
      ],
      now,
    );
    expect(result.skipped.get("presse")?.map((entry) => entry.reason)).toEqual([
      `duplicate: the same article as "Title of b1", posted by 'blog' on ${hoursAgo(4)}`,
      `duplicate: the same article as "Title of f1", being posted by 'blog' on ${hoursAgo(1)}`,
    ]);
    expect(result.states.has("blog")).toBe(false);
  });

  it("leaves feeds outside the run as they are, and never skips a repost", () => {
    const link = "https://news.example/a";
    const outside = { ...feed("outside", [[article("o", link), 3]]), inRun: false };
    const reposted = feed("veille", [[article("v", link), 1]], { reposts: { v: hoursAgo(1) } });
    const result = oneStoryOnce([outside, reposted], now);
    expect(result.skipped.size).toBe(0);
  });

  it("with sameStoryWithin, skips a rewrite of a story posted within the window, not before it", () => {
    const wire = "Télétravail : une étude de l'Inserm pointe les risques pour le dos";
    const rewrite =
      "Le télétravail augmente les risques de mal de dos, selon une étude de l'Inserm";
    const posted = (hours: number) =>
      finishPost(
        startPost(
          feed("presse", [[article("w", "https://a.example/w", wire), hours + 1]]).state,
          "w",
          "t",
          "x",
          new Date(hoursAgo(hours)),
        ),
        new Date(hoursAgo(hours)),
        {},
      );
    const candidate = () => ({
      ...feed("blog", [[article("r", "https://b.example/r", rewrite), 1]]),
      sameStoryWithinMs: 72 * 3_600_000,
    });
    const recent = oneStoryOnce(
      [{ feedId: "presse", state: posted(48), inRun: true }, candidate()],
      now,
    );
    expect(recent.skipped.get("blog")?.[0]?.reason).toBe(
      `same story as "${wire}", posted by 'presse' on ${hoursAgo(48)} (sameStoryWithin: 3d)`,
    );
    const old = oneStoryOnce(
      [{ feedId: "presse", state: posted(80), inRun: true }, candidate()],
      now,
    );
    expect(old.skipped.size).toBe(0);
    // Without the setting, only the same article is one story.
    const off = oneStoryOnce(
      [
        { feedId: "presse", state: posted(48), inRun: true },
        feed("blog", [[article("r", "https://b.example/r", rewrite), 1]]),
      ],
      now,
    );
    expect(off.skipped.size).toBe(0);
  });
});
