import { describe, expect, it } from "vitest";
import { BLUESKY_LENGTH } from "../rules/length.js";
import { lazyPublisher } from "./lazy.js";
import type { Publisher } from "./publisher.js";

describe("lazyPublisher", () => {
  it("loads the publisher on first use only, once, and forwards every call", async () => {
    const calls: string[] = [];
    let loads = 0;
    const real: Publisher = {
      network: "bluesky",
      publish: async (text, options) => {
        calls.push(`publish ${text} ${options?.idempotencyKey}`);
        return { id: "at://1", url: "https://bsky.app/1" };
      },
      limits: async () => ({ length: BLUESKY_LENGTH, maxImages: 1 }),
      lookup: async (key) => (key === "k" ? { id: "at://1", url: "u" } : undefined),
    };
    const lazy = lazyPublisher({ network: "bluesky", resendWindowMs: 5 }, async () => {
      loads++;
      return real;
    });
    expect(lazy.network).toBe("bluesky");
    expect(lazy.resendWindowMs).toBe(5);
    expect(loads).toBe(0);
    expect(await lazy.publish("hi", { idempotencyKey: "k" })).toEqual({
      id: "at://1",
      url: "https://bsky.app/1",
    });
    expect(await lazy.limits?.()).toEqual({ length: BLUESKY_LENGTH, maxImages: 1 });
    expect(await lazy.lookup?.("k")).toEqual({ id: "at://1", url: "u" });
    expect(await lazy.lookup?.("other")).toBeUndefined();
    expect(loads).toBe(1);
    expect(calls).toEqual(["publish hi k"]);
  });

  it("tries loading again after a failed load", async () => {
    let loads = 0;
    const lazy = lazyPublisher({ network: "x" }, async () => {
      loads++;
      if (loads === 1) throw new Error("not yet");
      return { network: "x", publish: async () => ({ id: "1", url: "u" }) };
    });
    await expect(lazy.publish("a")).rejects.toThrow("not yet");
    expect(await lazy.publish("a")).toEqual({ id: "1", url: "u" });
  });
});
