/**
 * The pull request preview: the same command check.yml runs (`crieur preview --base-config`),
 * compiled, as a child process, against feeds served on loopback; and its pure parts.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/load.js";
import { diffFeeds, previewHtml } from "../src/report/preview.js";
import { emptyState } from "../src/state/feed-state.js";
import { serializeState } from "../src/state/store.js";
import { runCli } from "./support/cli.js";
import { curationRss } from "./support/curation-feed.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

let work: string;
let feeds: FeedServer;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-preview-"));
  feeds = await startFeedServer();
});

afterEach(async () => {
  await feeds.close();
  await rm(work, { recursive: true, force: true });
});

function rss(ids: readonly number[]): string {
  const items = ids
    .map(
      (n) => `<item><title>Event ${n}</title><link>https://museum.example.org/e/${n}</link>
      <guid isPermaLink="false">event-${n}</guid>
      <pubDate>${new Date(Date.UTC(2026, 10, n, 9)).toUTCString()}</pubDate></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://museum.example/</link><description>d</description>${items}</channel></rss>`;
}

function feedsFile(agendaTemplate: string, withExpo: boolean): string {
  return [
    "feeds:",
    "  - id: agenda",
    `    url: ${feeds.url("/agenda.xml")}`,
    `    template: "${agendaTemplate}"`,
    "    maxPostsPerRun: 1",
    "  - id: blog",
    `    url: ${feeds.url("/blog.xml")}`,
    ...(withExpo ? ["  - id: expo", `    url: ${feeds.url("/expo.xml")}`] : []),
    "",
  ].join("\n");
}

describe("crieur preview --base-config (what check.yml runs)", () => {
  it("shows only added and changed feeds: exact next texts, lengths, waits, first runs", async () => {
    await writeFile(join(work, "base.yml"), feedsFile("{title} {link}", false));
    await writeFile(join(work, "feeds.yml"), feedsFile("Nouveau : {title} {link}", true));
    await mkdir(join(work, "state"));
    await writeFile(
      join(work, "state", "agenda.json"),
      serializeState({
        ...emptyState("agenda"),
        done: { "event-1": { status: "seen", at: "2026-11-01T00:00:00.000Z" } },
      }),
    );
    feeds.route("/agenda.xml", { body: rss([1, 2, 3]) });
    feeds.route("/blog.xml", { body: rss([1]) });
    feeds.route("/expo.xml", { body: rss([4, 5]) });
    const summaryFile = join(work, "summary.html");
    await writeFile(summaryFile, "");

    const result = await runCli(["preview", "--base-config", "base.yml"], {
      cwd: work,
      env: { GITHUB_STEP_SUMMARY: summaryFile },
    });

    expect(result.code, result.stderr).toBe(0);
    const summary = await readFile(summaryFile, "utf8");
    expect(summary).toContain("Added: <code>expo</code>");
    expect(summary).toContain("Changed: <code>agenda</code>");
    // "Nouveau : Event 2 " is 18, any URL weighs 23 for X.
    expect(summary).toContain(
      "<pre>Nouveau : Event 2 https://museum.example.org/e/2</pre></td><td>41/280</td>",
    );
    expect(summary).toContain("1 more item would wait for later runs (maxPostsPerRun 1");
    expect(summary).toContain(
      "First run: 2 items found now will be recorded as already seen and never posted; " +
        "nothing is posted (firstRunPosts: 0).",
    );
    expect(summary).not.toContain("<code>blog</code>");
    expect(feeds.requests.some((request) => request.path.includes("blog"))).toBe(false);
    expect(await readdir(join(work, "state"))).toEqual(["agenda.json"]);
  });

  it("with several targets, shows each network's own text and count", async () => {
    const longTitle = `${"Visite guidée des réserves du musée ".repeat(4).trim()}`;
    const link = `https://agenda.museum/${"visite-guidee-des-reserves-".repeat(6)}samedi`;
    const yml = (template: string) =>
      [
        "targets:",
        "  x: { network: x }",
        "  toot: { network: mastodon }",
        "  sky: { network: bluesky }",
        "feeds:",
        "  - id: agenda",
        `    url: ${feeds.url("/agenda.xml")}`,
        `    template: "${template}"`,
        "",
      ].join("\n");
    await writeFile(join(work, "base.yml"), yml("{title} {link}"));
    await writeFile(join(work, "feeds.yml"), yml("Nouveau : {title} {link}"));
    await mkdir(join(work, "state"));
    await writeFile(
      join(work, "state", "agenda.json"),
      serializeState({
        ...emptyState("agenda"),
        done: { old: { status: "seen", at: "2026-11-01T00:00:00.000Z" } },
      }),
    );
    feeds.route("/agenda.xml", {
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://museum.example/</link><description>d</description><item><title>${longTitle}</title><link>${link}</link><guid>new</guid></item><item><title>Old</title><guid>old</guid></item></channel></rss>`,
    });
    const summaryFile = join(work, "summary.html");
    await writeFile(summaryFile, "");
    const result = await runCli(["preview", "--base-config", "base.yml"], {
      cwd: work,
      env: { GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(result.code, result.stderr).toBe(0);
    const summary = await readFile(summaryFile, "utf8");
    const whole = `Nouveau : ${longTitle} ${link}`;
    // X counts the link as 23 and takes the text whole; Bluesky counts it in full and shortens.
    expect(summary).toContain(
      `<td>x</td><td><pre>${whole}</pre></td><td>${10 + longTitle.length + 1 + 23}/280</td>`,
    );
    expect(summary).toContain(`<td>toot</td><td><pre>${whole}</pre></td>`);
    const sky =
      /<td>sky<\/td><td><pre>Nouveau : (.*?)… (\S+)<\/pre><\/td><td>(\d+)\/300 characters \(graphemes\) as Bluesky counts them<\/td>/.exec(
        summary,
      );
    expect(sky?.[2]).toBe(link);
    expect(longTitle.startsWith(sky?.[1] ?? "?")).toBe(true);
    expect(Number(sky?.[3])).toBeLessThanOrEqual(300);
    expect(await readFile(join(work, "state", "agenda.json"), "utf8")).not.toContain('"targets"');
  });

  it("says when nothing changed, and treats a missing base file as all new", async () => {
    await writeFile(join(work, "feeds.yml"), feedsFile("{title} {link}", false));
    await writeFile(join(work, "base.yml"), feedsFile("{title} {link}", false));
    feeds.route("/agenda.xml", { body: rss([1]) });
    feeds.route("/blog.xml", { body: rss([1]) });
    const summaryFile = join(work, "summary.html");

    const same = await runCli(["preview", "--base-config", "base.yml"], {
      cwd: work,
      env: { GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(same.code, same.stderr).toBe(0);
    expect(await readFile(summaryFile, "utf8")).toContain("No feed added or changed");

    await rm(summaryFile);
    const noBase = await runCli(["preview", "--base-config", "missing.yml"], {
      cwd: work,
      env: { GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(noBase.code, noBase.stderr).toBe(0);
    const summary = await readFile(summaryFile, "utf8");
    expect(summary).toContain("The base branch has no feeds.yml: every feed is new.");
    expect(summary).toContain("Added: <code>agenda</code>, <code>blog</code>");
  });

  it("lists what a curation feed's filters skip, with the reasons, and what it would post", async () => {
    await writeFile(join(work, "base.yml"), feedsFile("{title} {link}", false));
    await writeFile(
      join(work, "feeds.yml"),
      [
        feedsFile("{title} {link}", false),
        "  - id: veille",
        `    url: ${feeds.url("/veille.xml")}`,
        "    firstRunPosts: 2",
        "    include: [ergonom*, UX, '\"troubles musculo-squelettiques\"']",
        "    exclude: [annulé, /webinaires?\\s+gratuits?/i]",
        "    minLength: 20",
        "  - id: revue",
        `    url: ${feeds.url("/revue.xml")}`,
        "    firstRunPosts: 5",
        "    categories: [santé au travail]",
        "    exclude: [promo*]",
        "    fields: [link]",
      ].join("\n"),
    );
    feeds.route("/revue.xml", {
      body: curationRss([
        {
          id: "r-1",
          title: "Sport",
          link: "https://revue.example/1",
          day: 1,
          categories: ["Sport"],
        },
        {
          id: "r-2",
          title: "Promotion des TMS",
          link: "https://revue.example/2",
          day: 2,
          categories: ["Santé au travail"],
        },
        {
          id: "r-3",
          title: "Bureaux",
          link: "https://revue.example/promotions/3",
          day: 3,
          categories: ["Santé au travail", "Bureaux"],
        },
      ]),
    });
    const item = (day: number, title: string, summary?: string) => ({
      id: `v-${day}`,
      title,
      link: `https://veille.example/${day}`,
      day,
      ...(summary === undefined ? {} : { summary }),
    });
    feeds.route("/veille.xml", {
      body: curationRss([
        item(1, "Ergonomie : atelier ANNULE"),
        item(2, "Ergonomie : annulé pour cause de grève"),
        item(3, "Le luxe au bureau"),
        item(4, "Design UX des logiciels métier"),
        item(5, "Un WEBINAIRE gratuit sur l'ergonomie"),
        item(6, "Les troubles musculo-squelettiques en hausse"),
        item(7, "Ergonomie", "Lire la suite"),
      ]),
    });
    const summaryFile = join(work, "summary.html");

    const result = await runCli(["preview", "--base-config", "base.yml"], {
      cwd: work,
      env: { GITHUB_STEP_SUMMARY: summaryFile },
    });

    expect(result.code, result.stderr).toBe(0);
    const summary = await readFile(summaryFile, "utf8");
    const skipped = [...summary.matchAll(/<li>Skipped: (.*?)<\/li>/g)].map((match) => match[1]);
    expect(skipped.slice(0, 5)).toEqual([
      "«Ergonomie : atelier ANNULE» — excluded: matched &quot;annulé&quot; in title",
      "«Ergonomie : annulé pour cause de grève» — excluded: matched &quot;annulé&quot; in title",
      "«Le luxe au bureau» — not included: none of ergonom*, UX, &quot;troubles musculo-squelettiques&quot;",
      "«Un WEBINAIRE gratuit sur l&#39;ergonomie» — excluded: matched /webinaires?\\s+gratuits?/i in title",
      "«Ergonomie» — too short: the summary has 13 characters, minLength is 20",
    ]);
    expect(skipped).toContain(
      "«Sport» — not in categories: santé au travail (its categories: Sport)",
    );
    expect(skipped).toContain("«Bureaux» — excluded: matched &quot;promo*&quot; in link");
    expect(summary).toContain("<pre>Promotion des TMS https://revue.example/2</pre>");
    // The newest two items that pass the filters are what the first run posts.
    expect(summary).toContain("<pre>Design UX des logiciels métier https://veille.example/4</pre>");
    expect(summary).toContain(
      "<pre>Les troubles musculo-squelettiques en hausse https://veille.example/6</pre>",
    );
  });

  it("refuses --base-config outside preview", async () => {
    await writeFile(join(work, "feeds.yml"), feedsFile("{title} {link}", false));
    const result = await runCli(["run", "--base-config", "x.yml"], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--base-config is an option of preview only.");
  });
});

describe("diffFeeds", () => {
  const config = (body: string) => parseConfig(body, "feeds.yml");
  const a = "  - id: a\n    url: https://a.example/feed\n";
  const b = "  - id: b\n    url: https://b.example/feed\n";
  const bChanged = "  - id: b\n    url: https://b.example/other\n";

  it.each([
    {
      name: "no base: all added",
      base: undefined,
      head: `feeds:\n${a}${b}`,
      added: ["a", "b"],
      changed: [],
      removed: [],
    },
    {
      name: "one added",
      base: `feeds:\n${a}`,
      head: `feeds:\n${a}${b}`,
      added: ["b"],
      changed: [],
      removed: [],
    },
    {
      name: "one changed",
      base: `feeds:\n${a}${b}`,
      head: `feeds:\n${a}${bChanged}`,
      added: [],
      changed: ["b"],
      removed: [],
    },
    {
      name: "one removed",
      base: `feeds:\n${a}${b}`,
      head: `feeds:\n${a}`,
      added: [],
      changed: [],
      removed: ["b"],
    },
    {
      name: "a default changes every feed",
      base: `feeds:\n${a}`,
      head: `defaults:\n  maxPostsPerRun: 5\nfeeds:\n${a}`,
      added: [],
      changed: ["a"],
      removed: [],
    },
  ])("$name", ({ base, head, added, changed, removed }) => {
    const changes = diffFeeds(base ? config(base) : undefined, config(head));
    expect(changes).toMatchObject({ added, changed, removed });
  });

  it("escapes feed text in the summary", () => {
    const head = config(`feeds:\n${a}`);
    const html = previewHtml(diffFeeds(undefined, head), head, {
      dryRun: true,
      startedAt: "2026-11-25T00:00:00Z",
      problems: [],
      feeds: [
        {
          feedId: "a",
          name: "<b>A</b>",
          url: "https://a.example/feed",
          fetch: "fetched",
          firstSight: false,
          newItems: 1,
          recordedAsSeen: 0,
          notes: [],
          posted: [{ title: "t", text: "<script>x</script>" }],
          failed: [],
          dropped: [],
          skipped: [{ title: "<i>s</i>", reason: 'excluded: matched "<b>"' }],
          queued: 1,
        },
      ],
    } as unknown as Parameters<typeof previewHtml>[2]);
    expect(html).toContain("&lt;b&gt;A&lt;/b&gt;");
    expect(html).toContain("<pre>&lt;script&gt;x&lt;/script&gt;</pre>");
    expect(html).not.toContain("<script>");
    expect(html).toContain(
      "<li>Skipped: «&lt;i&gt;s&lt;/i&gt;» — excluded: matched &quot;&lt;b&gt;&quot;</li>",
    );
  });
});
