import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeItem } from "../test/support/items.js";
import { emptyState, type FeedState, type Outcome, StateError } from "./state.js";
import { mergeFeedStates } from "./state-merge.js";

const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();
const seen = (day: number): Outcome => ({ status: "seen", at: at(day) });
const failed = (day: number): Outcome => ({ status: "failed", at: at(day), reason: "too long" });
const posted = (day: number, postId = `p${day}`): Outcome => ({
  status: "posted",
  at: at(day),
  network: "x",
  postId,
});
const queued = (key: string, day: number, attempts?: number) => ({
  item: makeItem({ key }),
  queuedAt: at(day),
  ...(attempts ? { attempts } : {}),
});
const pending = (key: string, day: number) => ({
  ...queued(key, day),
  text: `text ${key}`,
  network: "x",
  at: at(day),
});

function state(parts: Partial<FeedState>): FeedState {
  return { ...emptyState("agenda"), ...parts };
}

describe("mergeFeedStates: done", () => {
  it.each([
    ["posted beats seen", posted(2), seen(1), "posted"],
    ["posted beats seen (other side)", seen(1), posted(2), "posted"],
    ["posted beats failed", failed(3), posted(2), "posted"],
    ["failed beats seen", seen(1), failed(2), "failed"],
  ] as const)("%s", (_name, theirs, ours, status) => {
    const merged = mergeFeedStates(state({ done: { k: theirs } }), state({ done: { k: ours } }));
    expect(merged.state.done.k?.status).toBe(status);
  });

  it("keeps the first post when both sides posted the same item", () => {
    const merged = mergeFeedStates(
      state({ done: { k: posted(3, "late") } }),
      state({ done: { k: posted(2, "early") } }),
    );
    expect(merged.state.done.k).toEqual(posted(2, "early"));
  });

  it("is the union of both sides' records", () => {
    const merged = mergeFeedStates(
      state({ done: { a: posted(1), b: seen(1) } }),
      state({ done: { c: posted(2) } }),
    );
    expect(Object.keys(merged.state.done).sort()).toEqual(["a", "b", "c"]);
  });
});

describe("mergeFeedStates: queue and pending", () => {
  it("queues the union minus what either side settled, oldest first", () => {
    const merged = mergeFeedStates(
      state({ queue: [queued("b", 2), queued("c", 3)], done: { a: posted(4) } }),
      state({ queue: [queued("a", 1), queued("d", 1), queued("b", 2, 2)], done: { c: seen(4) } }),
    );
    expect(merged.state.queue).toEqual([queued("d", 1), queued("b", 2, 2)]);
  });

  it.each([
    ["only ours is in flight", pending("p", 5), undefined, "p"],
    ["only theirs is in flight", undefined, pending("p", 5), "p"],
  ] as const)("keeps pending when %s", (_name, ours, theirs, key) => {
    const merged = mergeFeedStates(
      state(theirs ? { pending: theirs } : { queue: [queued("p", 1)] }),
      state(ours ? { pending: ours } : { queue: [queued("p", 1)] }),
    );
    expect(merged.state.pending?.item.key).toBe(key);
    expect(merged.state.queue).toEqual([]);
  });

  it("drops pending when the other side recorded its outcome", () => {
    const merged = mergeFeedStates(
      state({ done: { p: posted(6) } }),
      state({ pending: pending("p", 5) }),
    );
    expect(merged.state.pending).toBeUndefined();
    expect(merged.state.done.p?.status).toBe("posted");
  });

  it("keeps the newer of two different posts in flight, records the other as uncertain", () => {
    const merged = mergeFeedStates(
      state({ pending: pending("old", 4) }),
      state({ pending: pending("new", 5) }),
    );
    expect(merged.state.pending?.item.key).toBe("new");
    expect(merged.state.done.old).toMatchObject({ status: "failed" });
    expect(merged.notes).toHaveLength(1);
    expect(merged.notes[0]).toMatch(/"Title of old" uncertain/);
  });
});

describe("mergeFeedStates: the rest", () => {
  it("takes validators and other fields from ours, the newer run", () => {
    const merged = mergeFeedStates(
      { ...state({ validators: { etag: "old" } }), extra: 1 } as FeedState,
      state({ validators: { etag: "new" } }),
    );
    expect(merged.state.validators).toEqual({ etag: "new" });
    expect((merged.state as unknown as { extra: number }).extra).toBe(1);
  });

  it("refuses two different feeds", () => {
    expect(() => mergeFeedStates(emptyState("a"), emptyState("b"))).toThrow(StateError);
  });
});

describe("mergeFeedStates: properties", () => {
  const key = fc.constantFrom("a", "b", "c", "d", "e");
  const outcome = fc
    .tuple(fc.constantFrom("seen", "failed", "posted"), fc.integer({ min: 1, max: 9 }))
    .map(([status, day]) =>
      status === "seen" ? seen(day) : status === "failed" ? failed(day) : posted(day),
    );
  const feedState = fc
    .record({
      done: fc.dictionary(key, outcome),
      queue: fc.uniqueArray(key).map((keys) => keys.map((k, i) => queued(k, i + 1))),
      pending: fc.option(
        key.map((k) => pending(k, 5)),
        { nil: undefined },
      ),
    })
    .map(({ done, queue, pending: inFlight }) => {
      const taken = new Set([...Object.keys(done), ...(inFlight ? [inFlight.item.key] : [])]);
      return state({
        done,
        queue: queue.filter((entry) => !taken.has(entry.item.key)),
        ...(inFlight && !Object.hasOwn(done, inFlight.item.key) ? { pending: inFlight } : {}),
      });
    });

  it("never loses a posted record, and every key stays known exactly once", () => {
    fc.assert(
      fc.property(feedState, feedState, (theirs, ours) => {
        const merged = mergeFeedStates(theirs, ours).state;
        for (const side of [theirs, ours]) {
          for (const [k, record] of Object.entries(side.done)) {
            if (record.status === "posted") expect(merged.done[k]?.status).toBe("posted");
            else expect(merged.done[k]).toBeDefined();
          }
        }
        const queuedKeys = merged.queue.map((entry) => entry.item.key);
        const known = [...Object.keys(merged.done), ...queuedKeys];
        if (merged.pending) known.push(merged.pending.item.key);
        expect(new Set(known).size).toBe(known.length);
        for (const side of [theirs, ours]) {
          for (const entry of side.queue) expect(known).toContain(entry.item.key);
          if (side.pending) expect(known).toContain(side.pending.item.key);
        }
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(feedState, feedState, (theirs, ours) => {
        const once = mergeFeedStates(theirs, ours).state;
        expect(mergeFeedStates(once, once).state).toEqual(once);
      }),
    );
  });
});
