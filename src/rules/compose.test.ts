import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import { ComposeError, composePost, render, weightedLength } from "./compose.js";

const base = { feedName: "Agenda", hashtags: [] as string[] };

describe("composePost", () => {
  it.each([
    ["{title} {link}", "Night at the museum https://example.org/a"],
    ["{feed}: {title}\n{link}", "Agenda: Night at the museum\nhttps://example.org/a"],
    ["{title} {summary} {link}", "Night at the museum https://example.org/a"],
    ["{title} — {date} {hashtags}", "Night at the museum — 2026-12-01 #museum #art"],
    ["{author} says {title}", "Ada says Night at the museum"],
  ])("renders %j", (template, expected) => {
    const item = makeItem({
      key: "a",
      title: "Night at the museum",
      link: "https://example.org/a",
      published: "2026-12-01T18:00:00.000Z",
      author: "Ada",
    });
    const post = composePost({ ...base, item, template, hashtags: ["museum", "#art"] });
    expect(post.text).toBe(expected);
    expect(post.shortened).toEqual([]);
  });

  it("counts a long URL as 23, as X does", () => {
    const link = `https://example.org/${"x".repeat(200)}`;
    const post = composePost({
      ...base,
      item: makeItem({ key: "a", title: "Hi", link }),
      template: "{title} {link}",
    });
    expect(post.weightedLength).toBe(2 + 1 + 23);
  });

  it("shortens the summary first, at a word boundary, and never cuts the link", () => {
    const summary = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    const link = `https://example.org/${"long-path/".repeat(20)}`;
    const post = composePost({
      ...base,
      item: makeItem({ key: "a", title: "A title", summary, link }),
      template: "{title}: {summary} {link}",
    });
    expect(post.shortened).toEqual(["summary"]);
    expect(post.text.endsWith(` ${link}`)).toBe(true);
    expect(post.text).toMatch(/^A title: word0 word1 .*word\d+… https:/);
    expect(post.weightedLength).toBeLessThanOrEqual(280);
    expect(post.weightedLength).toBeGreaterThan(260);
  });

  it("shortens the title when there is no summary to shorten", () => {
    const title = "Très ".repeat(100).trim();
    const post = composePost({
      ...base,
      item: makeItem({ key: "a", title }),
      template: "{title} {link}",
    });
    expect(post.shortened).toEqual(["summary", "title"]);
    expect(post.text).toMatch(/^(Très )+Très… https:\/\/example\.org\/a$/);
    expect(post.weightedLength).toBeLessThanOrEqual(280);
  });

  it("weighs emoji and CJK as 2 when shortening", () => {
    const title = "展覧会 ".repeat(100).trim();
    const post = composePost({
      ...base,
      item: makeItem({ key: "a", title }),
      template: "🎨 {title} {link}",
    });
    expect(weightedLength(post.text)).toBeLessThanOrEqual(280);
    expect(post.text.startsWith("🎨 展覧会 展覧会")).toBe(true);
  });

  it("cuts inside a single word longer than the room left", () => {
    const title = "x".repeat(400);
    const post = composePost({
      ...base,
      item: makeItem({ key: "a", title }),
      template: "{title} {link}",
    });
    expect(post.text).toMatch(/^x+… https:\/\/example\.org\/a$/);
    expect(post.weightedLength).toBe(280);
  });

  it("fails clearly when the template alone is too long", () => {
    const template = `${"Visit us! ".repeat(30)}{title} {link}`;
    expect(() => composePost({ ...base, item: makeItem({ key: "a" }), template })).toThrow(
      ComposeError,
    );
    expect(() => composePost({ ...base, item: makeItem({ key: "a" }), template })).toThrow(
      /shorten the template/,
    );
  });

  it("fails clearly on an empty post", () => {
    const item = makeItem({ key: "a", title: "", link: undefined });
    expect(() => composePost({ ...base, item, template: "{title} {link}" })).toThrow(/empty post/);
  });
});

describe("render", () => {
  it("keeps the template's line breaks and tidies gaps left by empty fields", () => {
    expect(render("{title}  {summary}\n\n\n\n{link}", { title: "T", summary: "", link: "L" })).toBe(
      "T\n\nL",
    );
  });
  it("leaves unknown braces alone", () => {
    expect(render("{title} {notAField}", { title: "T" })).toBe("T {notAField}");
  });
});
