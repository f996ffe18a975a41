import { describe, expect, it } from "vitest";
import { storyOf, storyRecord } from "./story.js";

const at = "2026-11-04T18:30:00.000Z";

describe("storyOf", () => {
  it("ignores letter case, accents, spacing and punctuation in the title", () => {
    const story = storyOf({ title: "Visite guidée : « Monet »", published: at });
    for (const title of [
      "VISITE GUIDEE MONET",
      "visite  guidée – Monet !",
      "Visite\u00a0guide\u0301e: Monet",
    ]) {
      expect(storyOf({ title, published: at })).toBe(story);
    }
    expect(story).toMatch(/^[0-9a-f]{12}$/);
  });

  it("tells different titles, and the same title on another date or minute, apart", () => {
    const story = storyOf({ title: "Concert", published: at });
    expect(storyOf({ title: "Concerts", published: at })).not.toBe(story);
    expect(storyOf({ title: "Concert", published: "2026-11-11T18:30:00.000Z" })).not.toBe(story);
    expect(storyOf({ title: "Concert", published: "2026-11-04T18:31:00.000Z" })).not.toBe(story);
    expect(storyOf({ title: "Concert", published: "2026-11-04T18:30:59.000Z" })).toBe(story);
    expect(storyOf({ title: "Concert", published: undefined })).not.toBe(story);
  });

  it("has no story for an item without a title", () => {
    expect(storyOf({ title: "", published: at })).toBeUndefined();
    expect(storyOf({ title: " … ", published: at })).toBeUndefined();
    expect(storyRecord({ title: "", published: at })).toEqual({});
    expect(storyRecord({ title: "Expo", published: at })).toEqual({ story: expect.any(String) });
  });
});
