import { describe, expect, it } from "vitest";
import { emptyState } from "../state/feed-state.js";
import { recordFailure, recordSuccess } from "./feed-health.js";

const DAY = 24 * 3_600_000;
const now = new Date("2026-11-25T12:00:00Z");

describe("feed health", () => {
  it("a first failure starts failingSince; later ones keep the same state object (no write)", () => {
    const first = recordFailure(emptyState("a"), "a", now, DAY);
    expect(first.state.failingSince).toBe(now.toISOString());
    expect(first.health).toEqual({
      kind: "failing",
      failingSince: now.toISOString(),
      alert: false,
    });
    const later = recordFailure(first.state, "a", new Date(now.getTime() + DAY / 2), DAY);
    expect(later.state).toBe(first.state);
  });

  it.each([
    [DAY - 1, false],
    [DAY, true],
    [3 * DAY, true],
  ])("failing for %i ms alerts: %s", (elapsed, alert) => {
    const since = recordFailure(emptyState("a"), "a", now, DAY).state;
    const verdict = recordFailure(since, "a", new Date(now.getTime() + elapsed), DAY);
    expect(verdict.health).toMatchObject({ alert });
  });

  it("a feed never fetched gets a state marked neverFetched, so its first fetch is a first sight", () => {
    expect(recordFailure(undefined, "a", now, DAY).state).toMatchObject({
      feedId: "a",
      neverFetched: true,
      failingSince: now.toISOString(),
    });
  });

  it("recovery is reported once", () => {
    const failing = recordFailure(emptyState("a"), "a", now, DAY).state;
    const back = recordSuccess(failing);
    expect(back.health).toEqual({ kind: "recovered", failingSince: now.toISOString() });
    expect(back.state?.failingSince).toBeUndefined();
    expect(recordSuccess(back.state).health).toEqual({ kind: "ok" });
    expect(recordSuccess(undefined)).toEqual({ state: undefined, health: { kind: "ok" } });
  });
});
