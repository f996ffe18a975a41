import { describe, expect, it } from "vitest";
import { makeDraft, makeItem } from "../../test/support/items.js";
import type { Item } from "../sources/item.js";
import { assignKeys, type DraftItem } from "../sources/normalize.js";
import type { FeedState } from "../state/feed-state.js";
import {
  dedupeItems,
  oldestFirst,
  REKEYED_FEED_MIN_ITEMS,
  RETAINED_RECORDS_BEYOND_FEED,
} from "./dedupe.js";

const now = new Date("2026-11-25T12:00:00Z");
const later = new Date("2026-11-25T12:30:00Z");
const settings = { feedId: "agenda", firstRunPosts: 0 };
// Feeds list newest first.
const feed = [
  makeItem({ key: "c", published: "2026-11-03T00:00:00Z" }),
  makeItem({ key: "b", published: "2026-11-02T00:00:00Z" }),
  makeItem({ key: "a", published: "2026-11-01T00:00:00Z" }),
];
const fetched = (items: readonly Item[]) => ({ items });
/** The state after a first sight that recorded one unrelated item: later fetches are not first sight. */
const seenOnce = () =>
  dedupeItems(undefined, settings, fetched([makeItem({ key: "old" })]), {}, now).state;

describe("dedupeItems", () => {
  it("records every item as seen on first sight and posts nothing", () => {
    const result = dedupeItems(undefined, settings, fetched(feed), { etag: '"v1"' }, now);
    expect(result.firstSight).toBe(true);
    expect(result.queued).toEqual([]);
    expect(Object.keys(result.state.done).sort()).toEqual(["a", "b", "c"]);
    expect(result.state.validators).toEqual({ etag: '"v1"', contentHash: expect.any(String) });
    expect(result.state.neverFetched).toBeUndefined();
  });

  it("queues only the newest firstRunPosts items on first sight, oldest first", () => {
    const first = dedupeItems(undefined, { ...settings, firstRunPosts: 2 }, fetched(feed), {}, now);
    expect(first.queued.map((item) => item.key)).toEqual(["b", "c"]);
    expect(first.recordedAsSeen.map((item) => item.key)).toEqual(["a"]);
  });

  it("keeps first sight until a fetch lists an item, so an empty feed's backlog is not posted", () => {
    const empty = dedupeItems(undefined, settings, fetched([]), {}, now);
    expect(empty.state.neverFetched).toBe(true);
    const backlog = dedupeItems(empty.state, settings, fetched(feed), {}, later);
    expect(backlog.firstSight).toBe(true);
    expect(backlog.queued).toEqual([]);
    expect(backlog.state.neverFetched).toBeUndefined();
    expect(dedupeItems(backlog.state, settings, fetched([]), {}, later).state.neverFetched).toBe(
      undefined,
    );
  });

  it("queues only items it has never seen, and nothing on an unchanged feed", () => {
    const first = dedupeItems(undefined, settings, fetched(feed.slice(1)), {}, now).state;
    const second = dedupeItems(first, settings, fetched(feed), {}, later);
    expect(second.queued.map((item) => item.key)).toEqual(["c"]);
    const third = dedupeItems(second.state, settings, fetched(feed), {}, later);
    expect(third.queued).toEqual([]);
    expect(third.state.queue.map((entry) => entry.item.key)).toEqual(["c"]);
  });

  it("keeps the old validators while the items stay the same, so the state does not change", () => {
    const v1 = {
      etag: '"v1"',
      lastModified: "Sun, 01 Nov 2026 09:01:00 GMT",
      url: "https://m.org/",
    };
    const first = dedupeItems(undefined, settings, fetched(feed), v1, now).state;
    const v2 = { etag: '"v2"', lastModified: "Sun, 01 Nov 2026 09:02:00 GMT", url: v1.url };
    const same = dedupeItems(first, settings, fetched(feed), v2, later).state;
    expect(same).toEqual(first);
    const edited = [makeItem({ key: "c", title: "Corrected" }), ...feed.slice(1)];
    expect(dedupeItems(same, settings, fetched(edited), v2, later).state.validators).toMatchObject(
      v2,
    );
    const moved = { ...v2, url: "https://new.m.org/" };
    expect(dedupeItems(same, settings, fetched(feed), moved, later).state.validators).toMatchObject(
      moved,
    );
  });

  it("does not requeue an item whose post is in flight", () => {
    const inFlight: FeedState = {
      ...seenOnce(),
      pending: {
        item: feed[0] as Item,
        queuedAt: now.toISOString(),
        text: "t",
        network: "x",
        at: now.toISOString(),
      },
    };
    expect(dedupeItems(inFlight, settings, fetched(feed.slice(0, 1)), {}, later).queued).toEqual(
      [],
    );
  });

  it("refreshes a queued item from the feed, so corrections are posted", () => {
    const queued = dedupeItems(seenOnce(), settings, fetched(feed.slice(0, 1)), {}, now).state;
    const corrected = makeItem({ key: "c", title: "Corrected", published: "2026-11-03T00:00:00Z" });
    const refreshed = dedupeItems(queued, settings, fetched([corrected]), {}, later).state;
    expect(refreshed.queue.map((entry) => entry.item.title)).toEqual(["Corrected"]);
  });

  it("keeps a queued item even when the feed drops it", () => {
    const queued = dedupeItems(seenOnce(), settings, fetched(feed), {}, now).state;
    expect(dedupeItems(queued, settings, fetched([]), {}, later).state.queue).toHaveLength(3);
  });

  it.each([
    ["its key", { key: "x" }],
    ["an alternative key", { key: "new", altKeys: ["x"] }],
    ["its key without guid", { key: "guid", keyWithoutGuid: "x" }],
  ])("treats an item as known by %s", (_case, identity) => {
    const state = dedupeItems(undefined, settings, fetched([makeItem({ key: "x" })]), {}, now);
    const next = dedupeItems(state.state, settings, fetched([makeItem(identity)]), {}, later);
    expect(next.queued).toEqual([]);
  });

  it("bounds the records of items the feed no longer lists, keeping the newest", () => {
    const total = RETAINED_RECORDS_BEYOND_FEED + 50;
    const done = Object.fromEntries(
      Array.from({ length: total }, (_, index) => [
        `k${index}`,
        { status: "seen" as const, at: new Date(now.getTime() + index * 60_000).toISOString() },
      ]),
    );
    const state: FeedState = { ...seenOnce(), done };
    const final = dedupeItems(state, settings, fetched([makeItem({ key: "k0" })]), {}, later).state;
    const keys = Object.keys(final.done);
    expect(keys).toHaveLength(RETAINED_RECORDS_BEYOND_FEED + 1);
    expect(keys).toContain("k0"); // still in the feed: never forgotten
    expect(keys).toContain(`k${total - 1}`);
    expect(keys).not.toContain("k1");
  });

  it("keeps twice the most items a fetch listed, so a short fetch forgets nothing", () => {
    const size = RETAINED_RECORDS_BEYOND_FEED + 50;
    const all = Array.from({ length: size }, (_, index) => makeItem({ key: `e${index}` }));
    const full = dedupeItems(undefined, settings, fetched(all), {}, now).state;
    expect(full.maxItemsSeen).toBe(size);
    const short = dedupeItems(full, settings, fetched(all.slice(0, 10)), {}, later).state;
    expect(Object.keys(short.done)).toHaveLength(size);
    expect(short.maxItemsSeen).toBe(size);
    expect(dedupeItems(short, settings, fetched(all), {}, later).queued).toEqual([]);
  });

  it("records, without posting and with a warning, a known feed whose items all look new", () => {
    const listed = (prefix: string) =>
      Array.from({ length: REKEYED_FEED_MIN_ITEMS }, (_, index) =>
        makeItem({ key: `${prefix}${index}` }),
      );
    const known = dedupeItems(undefined, settings, fetched(listed("old")), {}, now).state;
    const rekeyed = dedupeItems(known, settings, fetched(listed("new")), {}, later);
    expect(rekeyed.queued).toEqual([]);
    expect(rekeyed.recordedAsSeen).toHaveLength(REKEYED_FEED_MIN_ITEMS);
    expect(rekeyed.warning).toMatch(/All 10 items of the feed look new/);
    expect(dedupeItems(rekeyed.state, settings, fetched(listed("new")), {}, later).queued).toEqual(
      [],
    );
    // One known item among them is enough to trust the rest as new.
    const mixed = [...listed("new2").slice(1), makeItem({ key: "old0" })];
    const posted = dedupeItems(known, settings, fetched(mixed), {}, later);
    expect(posted.queued).toHaveLength(REKEYED_FEED_MIN_ITEMS - 1);
    expect(posted.warning).toBeUndefined();
  });
});

describe("dedupeItems: items that changed identity", () => {
  const day = (n: number) => `2026-11-0${n}T18:30:00.000Z`;
  const agenda = (site: string, titles: readonly string[]) =>
    titles.map((title, index) =>
      makeItem({ key: `https://${site}/${index}`, title, published: day(index + 1) }),
    );
  const known = (items: readonly Item[]) =>
    dedupeItems(undefined, settings, fetched(items), {}, now).state;

  it("records a small feed's items under their new keys, posts nothing, and says so once", () => {
    const before = agenda("old.m.org", ["Expo Monet", "Visite guidée", "Concert", "Atelier"]);
    const after = agenda("new.m.org", ["EXPO  MONET", "Visite guidee !", "Concert.", "atelier"]);
    const moved = dedupeItems(known(before), settings, fetched(after), {}, later);
    expect(moved.queued).toEqual([]);
    expect(moved.recordedAsSeen).toHaveLength(4);
    expect(moved.warning).toBe(
      "4 items changed identity (new guid or link, same title and date): recorded, not posted.",
    );
    expect(Object.keys(moved.state.done)).toEqual(expect.arrayContaining(after.map((i) => i.key)));
    const again = dedupeItems(moved.state, settings, fetched(after), {}, later);
    expect(again.queued).toEqual([]);
    expect(again.warning).toBeUndefined();
  });

  it("posts a new item that replaces the only one, and a recurring event on another date", () => {
    const [expo] = agenda("m.org", ["Expo"]);
    const state = known([expo as Item]);
    const other = makeItem({ key: "https://m.org/x", title: "Concert", published: day(1) });
    expect(dedupeItems(state, settings, fetched([other]), {}, later).queued).toEqual([other]);
    const again = makeItem({ key: "https://m.org/y", title: "Expo", published: day(8) });
    expect(dedupeItems(state, settings, fetched([again]), {}, later).queued).toEqual([again]);
  });

  it("posts an item with the title and date of one the feed still lists", () => {
    const [tour] = agenda("m.org", ["Visite guidée"]);
    const second = { ...(tour as Item), key: "https://m.org/second-session" };
    const result = dedupeItems(
      known([tour as Item]),
      settings,
      fetched([second, tour as Item]),
      {},
      later,
    );
    expect(result.queued).toEqual([second]);
  });

  it("recognises one item whose link changed while the others kept theirs", () => {
    const before = agenda("m.org", ["Expo", "Concert"]);
    const renamed = { ...(before[0] as Item), key: "https://m.org/expo-monet" };
    const result = dedupeItems(
      known(before),
      settings,
      fetched([renamed, before[1] as Item]),
      {},
      later,
    );
    expect(result.queued).toEqual([]);
    expect(result.warning).toMatch(/^1 item changed identity/);
  });

  it("does not queue again an item waiting under its old key", () => {
    const before = agenda("old.m.org", ["Expo", "Concert"]);
    const waiting = dedupeItems(seenOnce(), settings, fetched(before), {}, now).state;
    expect(waiting.queue).toHaveLength(2);
    const after = agenda("new.m.org", ["Expo", "Concert"]);
    const result = dedupeItems(waiting, settings, fetched(after), {}, later);
    expect(result.queued).toEqual([]);
    expect(result.state.queue).toHaveLength(2);
  });

  describe("without dates", () => {
    const undated = (site: string, titles: readonly string[]) =>
      titles.map((title, index) => makeItem({ key: `https://${site}/${index}`, title }));

    it("recognises a whole feed that came back with the same titles, one new key per record", () => {
      const titles = ["Concert", "Concert", "Expo", "Atelier"];
      const state = known(undated("old.m.org", titles));
      const result = dedupeItems(
        state,
        settings,
        fetched(undated("new.m.org", ["Concert", ...titles])),
        {},
        later,
      );
      // Three "Concert" for two recorded: one of them is new.
      expect(result.queued.map((item) => item.title)).toEqual(["Concert"]);
      expect(result.recordedAsSeen).toHaveLength(4);
    });

    it.each([
      ["a lone item replaced by one of the same title", ["Newsletter"]],
      ["recurring titles, all replaced at once", ["Visite guidée", "Atelier"]],
      ["one title repeated", ["Newsletter", "Newsletter", "Newsletter", "Newsletter"]],
    ])("posts %s", (_case, titles) => {
      const state = known(undated("m.org/week-1", titles));
      const next = undated("m.org/week-2", titles);
      expect(dedupeItems(state, settings, fetched(next), {}, later).queued).toEqual(
        [...next].reverse(),
      );
    });

    it("posts an item that takes the title of one that left while the rest stayed", () => {
      const before = undated("m.org", ["Visite", "Expo", "Concert", "Atelier"]);
      const next = makeItem({ key: "https://m.org/visite-2", title: "Visite" });
      const result = dedupeItems(
        known(before),
        settings,
        fetched([next, ...before.slice(1)]),
        {},
        later,
      );
      expect(result.queued).toEqual([next]);
    });
  });

  it("adds stories to records written before them, so those items are recognised later", () => {
    const before = agenda("old.m.org", ["Expo", "Concert", "Atelier"]);
    const fresh = known(before);
    const old: FeedState = {
      ...fresh,
      done: Object.fromEntries(
        Object.keys(fresh.done).map((key) => [
          key,
          { status: "seen", at: fresh.done[key]?.at ?? "" },
        ]),
      ),
    };
    const upgraded = dedupeItems(old, settings, fetched(before), {}, later).state;
    expect(upgraded.done).toEqual(fresh.done);
    const after = agenda("new.m.org", ["Expo", "Concert", "Atelier"]);
    expect(dedupeItems(old, settings, fetched(after), {}, later).queued).toHaveLength(3);
    expect(dedupeItems(upgraded, settings, fetched(after), {}, later).queued).toEqual([]);
  });

  it("keeps a recorded story when the feed stamps its items with each request's time", () => {
    const [expo] = agenda("m.org", ["Expo"]);
    const state = known([expo as Item]);
    const stamped = { ...(expo as Item), published: later.toISOString() };
    expect(dedupeItems(state, settings, fetched([stamped]), {}, later).state.done).toEqual(
      state.done,
    );
  });

  it("records a big feed that changed identity, and the items it could not match, without posting", () => {
    const titles = Array.from({ length: REKEYED_FEED_MIN_ITEMS }, (_, index) => `Event ${index}`);
    const before = titles.map((title, index) =>
      makeItem({ key: `old-${index}`, title, published: `2026-10-${10 + index}T09:00:00Z` }),
    );
    const after = before.map((item, index) => ({ ...item, key: `new-${index}` }));
    const matched = dedupeItems(known(before), settings, fetched(after), {}, later);
    expect(matched.queued).toEqual([]);
    expect(matched.warning).toMatch(/^10 items changed identity .*recorded, not posted\.$/);
    const retitled = [{ ...(after[0] as Item), title: "Renamed" }, ...after.slice(1)];
    const mixed = dedupeItems(known(before), settings, fetched(retitled), {}, later);
    expect(mixed.queued).toEqual([]);
    expect(mixed.recordedAsSeen).toHaveLength(REKEYED_FEED_MIN_ITEMS);
    expect(mixed.warning).toMatch(
      /^9 items changed identity .* The other item looks new too, .* post the ones that matter by hand/,
    );
  });
});

describe("dedupeItems with keys from the parser", () => {
  const draft = (fields: Partial<DraftItem>): DraftItem => makeDraft({ title: "T", ...fields });
  /** Runs the drafts through the parser's key rules, then dedupe, returning titles queued. */
  const run = (state: FeedState | undefined, drafts: readonly DraftItem[]) => {
    const result = dedupeItems(state, settings, assignKeys(drafts), {}, later);
    return { state: result.state, queued: result.queued.map((item) => item.title) };
  };
  const a = draft({ guid: "https://m.org/", title: "A", link: "https://m.org/a" });
  const b = draft({ guid: "https://m.org/", title: "B", link: "https://m.org/b" });
  const c = draft({ guid: "https://m.org/", title: "C", link: "https://m.org/c" });

  it("remembers a feed that repeats one guid, so a lone item is not reposted and new ones are", () => {
    const first = run(undefined, [a, b]);
    expect(first.state.unreliableGuids).toBe(true);
    const lone = run(first.state, [a]);
    expect(lone.queued).toEqual([]);
    const next = run(lone.state, [c]);
    expect(next.queued).toEqual(["C"]);
  });

  it("moves records to the link when guids prove unreliable, so nothing is reposted", () => {
    const unique = [
      draft({ guid: "g1", title: "One", link: "https://m.org/1" }),
      draft({ guid: "g2", title: "Two", link: "https://m.org/2" }),
    ];
    const first = run(undefined, unique);
    expect(Object.keys(first.state.done).sort()).toEqual(["g1", "g2"]);
    const glitch = run(first.state, [
      draft({ guid: "g3", title: "New", link: "https://m.org/3" }),
      draft({ guid: "g3", title: "Newer", link: "https://m.org/4" }),
      ...unique,
    ]);
    expect(glitch.queued).toEqual(["Newer", "New"]);
    expect(glitch.state.unreliableGuids).toBe(true);
    expect(run(glitch.state, unique).queued).toEqual([]);
  });

  it("does not repost items sharing a link when a summary changes or a sibling leaves", () => {
    const expo = draft({ title: "Expo", link: "https://m.org/agenda", summary: "Du 3 au 5" });
    const concert = draft({ title: "Concert", link: "https://m.org/agenda", summary: "Le 4" });
    const first = run(undefined, [expo, concert]);
    expect(
      run(first.state, [{ ...expo, summary: "Du 3 au 6 (prolongée)" }, concert]).queued,
    ).toEqual([]);
    const alone = run(first.state, [concert]);
    expect(alone.queued).toEqual([]);
    expect(run(alone.state, [expo, concert]).queued).toEqual([]);
  });
});

describe("oldestFirst", () => {
  it("sorts by date when every item has one", () => {
    const shuffled = [feed[1], feed[2], feed[0]].map((item) => item as (typeof feed)[number]);
    expect(oldestFirst(shuffled).map((item) => item.key)).toEqual(["a", "b", "c"]);
  });
  it("reverses document order when a date is missing", () => {
    const undated = [
      makeItem({ key: "z" }),
      makeItem({ key: "y", published: "2026-01-01T00:00:00Z" }),
    ];
    expect(oldestFirst(undated).map((item) => item.key)).toEqual(["y", "z"]);
  });
});
