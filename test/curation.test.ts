/**
 * Curation end to end: the compiled CLI against feeds served on loopback and the local fake X,
 * over several runs — filters with their reasons, one article posted once across feeds whatever
 * their tracking parameters, skip:, pause: and repost: each taking effect exactly once.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { type CurationItem, curationRss } from "./support/curation-feed.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const credentials = fakeXCredentials();
let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let env: Record<string, string>;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-curation-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
  env = { ...credentialsEnv(credentials), CRIEUR_X_API_URL: fakeX.url };
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

const old: CurationItem = {
  id: "p-0",
  title: "Archives : l'ergonomie en 1990",
  link: "https://presse.example/archives",
  day: 1,
};
const oldPost: CurationItem = {
  id: "b-0",
  title: "Bienvenue sur le blog",
  link: "https://blog.example/bienvenue",
  day: 1,
};
const chair: CurationItem = {
  id: "p-1",
  title: "Ergonomie : des sièges qui corrigent la posture",
  link: "https://news.example/2026/sieges?utm_source=rss&utm_medium=presse",
  day: 3,
};
const sameChair: CurationItem = {
  id: "b-1",
  title: "Les sièges qui corrigent votre posture",
  link: "https://www.news.example/2026/sieges/?fbclid=IwAR0xyz",
  day: 3,
};
const cancelled: CurationItem = {
  id: "p-2",
  title: "Atelier posture au travail ANNULÉ",
  link: "https://presse.example/atelier",
  day: 4,
};
const luxury: CurationItem = {
  id: "b-2",
  title: "Le luxe du bureau d'angle",
  link: "https://blog.example/luxe",
  day: 4,
};
const sponsored: CurationItem = {
  id: "b-3",
  title: "Un clavier ergonomique à gagner",
  link: "https://blog.example/concours",
  day: 5,
};
const desk: CurationItem = {
  id: "b-4",
  title: "Bureau assis-debout : ce que dit l'ergonome",
  link: "https://blog.example/assis-debout",
  day: 5,
};

async function config(options: { presse?: string[]; blog?: string[] } = {}): Promise<void> {
  await writeFile(
    join(work, "feeds.yml"),
    [
      "defaults:",
      '  template: "{title} {link}"',
      "  include: [ergonom*, posture]",
      "  exclude: [annulé]",
      "  maxPostsPerRun: 5",
      "limits:",
      "  maxPostsPerRun: 10",
      "feeds:",
      "  - id: presse",
      `    url: ${feeds.url("/presse.xml")}`,
      ...(options.presse ?? []),
      "  - id: blog",
      `    url: ${feeds.url("/blog.xml")}`,
      ...(options.blog ?? []),
      "",
    ].join("\n"),
  );
}

function serve(presse: readonly CurationItem[], blog: readonly CurationItem[]): void {
  feeds.route("/presse.xml", { body: curationRss(presse) });
  feeds.route("/blog.xml", { body: curationRss(blog) });
}

async function run(): Promise<string> {
  const summaryFile = join(work, "summary.html");
  await writeFile(summaryFile, "");
  const result = await runCli(["run"], {
    cwd: work,
    env: { ...env, GITHUB_STEP_SUMMARY: summaryFile },
  });
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  return `${result.stdout}\n${result.stderr}\n${await readFile(summaryFile, "utf8")}`;
}

const texts = () => fakeX.posts.map((post) => post.text);

describe("curation", () => {
  it("posts what the filters let through, one article once across feeds, and says why it skipped the rest", async () => {
    await config({ blog: ['    skip: ["https://blog.example/concours"]'] });
    serve([old], [oldPost]);
    await run(); // first sight: recorded, not posted

    serve([old, chair, cancelled], [oldPost, sameChair, luxury, sponsored, desk]);
    // presse answers last: what one run queues ties, and feeds.yml's order decides, whichever
    // feed answered first.
    feeds.route("/presse.xml", { body: curationRss([old, chair, cancelled]), delayMs: 400 });
    const output = await run();
    expect(texts()).toEqual([
      "Ergonomie : des sièges qui corrigent la posture https://news.example/2026/sieges?utm_source=rss&utm_medium=presse",
      "Bureau assis-debout : ce que dit l'ergonome https://blog.example/assis-debout",
    ]);
    expect(output).toContain(
      'Skipped: "Atelier posture au travail ANNULÉ" — excluded: matched "annulé" in title.',
    );
    expect(output).toContain(
      'Skipped: "Le luxe du bureau d\'angle" — not included: none of ergonom*, posture.',
    );
    expect(output).toContain(
      'Skipped: "Un clavier ergonomique à gagner" — listed under skip: in feeds.yml.',
    );
    expect(output).toContain(
      `Feed 'blog': Skipped: "Les sièges qui corrigent votre posture" — duplicate: the same article as "Ergonomie : des sièges qui corrigent la posture", queued first by 'presse'.`,
    );
    // The job summary counts them per feed, with the reasons.
    expect(output).toContain(
      "<td>1<br>«Atelier posture au travail ANNULÉ» — excluded: matched &quot;annulé&quot; in title</td>",
    );
    expect(output).toContain("2 posted, 0 queued, 0 failed, 0 dropped, 4 skipped");

    const blog = JSON.parse(await readFile(join(work, "state", "blog.json"), "utf8"));
    expect(blog.done["b-1"]).toMatchObject({ status: "skipped" });
    const presse = JSON.parse(await readFile(join(work, "state", "presse.json"), "utf8"));
    expect(presse.done["p-1"]).toMatchObject({
      status: "posted",
      canonical: "//news.example/2026/sieges",
      title: chair.title,
    });

    // Later runs post none of them, even once the filters are loosened: they are recorded.
    await config({ blog: ["    include: []"] });
    await run();
    await run();
    expect(fakeX.posts).toHaveLength(2);
  });

  it("pauses a feed, reposts an item once, and keeps both across runs", async () => {
    await config();
    serve([old], [desk]);
    await run();
    serve([old, chair], [desk]);
    await run();
    expect(texts()).toEqual([`${chair.title} ${chair.link}`]);

    // Paused: the blog's new item is recorded, never posted — not even after the pause.
    await config({ blog: ["    pause: true"] });
    serve([old, chair], [desk, { ...sponsored, id: "b-9" }]);
    const paused = await run();
    expect(paused).toContain("⏸️ paused: read and recorded, nothing posted");
    expect(paused).toContain("the feed is paused (pause: true in feeds.yml)");
    await config();
    await run();
    expect(fakeX.posts).toHaveLength(1);

    // A repost goes out once, with a changed text (X refuses an exact duplicate of a recent post).
    await config({ presse: ["    repost: [p-1]", '    template: "Rappel : {title} {link}"'] });
    const reposted = await run();
    expect(reposted).toContain(`Repost: "${chair.title}" queued again`);
    await run();
    await run();
    expect(texts()).toEqual([
      `${chair.title} ${chair.link}`,
      `Rappel : ${chair.title} ${chair.link}`,
    ]);
    const presse = JSON.parse(await readFile(join(work, "state", "presse.json"), "utf8"));
    expect(Object.keys(presse.reposts)).toEqual(["p-1"]);

    // An item that left the feed cannot be reposted: said, nothing posted.
    await config({ presse: ["    repost: [p-1, p-gone]"] });
    const gone = await run();
    expect(gone).toContain('repost: "p-gone" is not in the feed any more');
    expect(fakeX.posts).toHaveLength(2);
  });
});
