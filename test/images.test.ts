/**
 * Images end to end: the compiled CLI reads a feed served on 127.0.0.1 whose items name images,
 * downloads each image once, uploads it through the fake X's v2 media flow (initialize, append,
 * finalize, status, alt text) and the fake Mastodon's media API, and attaches it. An image that
 * fails is left out with a warning; the post still goes out.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { type FakeMastodon, startFakeMastodon } from "./support/fake-mastodon-server.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import { pngBytes } from "./support/images.js";

const credentials = fakeXCredentials();
const TOKEN = "mastodon-token-images";
// Over 1 MiB, so twitter-api-v2 appends it in two segments.
const HALL = pngBytes(1_300_000, 3);
let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let mastodon: FakeMastodon;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-images-"));
  feeds = await startFeedServer();
  mastodon = await startFakeMastodon({ token: TOKEN, processingPolls: 0 });
  feeds.route("/img/hall.png", { headers: { "content-type": "image/png" }, body: HALL });
  feeds.route("/img/page.png", { headers: { "content-type": "text/html" }, body: "<html></html>" });
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close(), mastodon.close()]);
  await rm(work, { recursive: true, force: true });
});

async function setUp(xOptions: Parameters<typeof startFakeX>[0]["media"] = {}) {
  fakeX = await startFakeX({ credentials, media: xOptions });
  await writeFile(
    join(work, "feeds.yml"),
    [
      "limits: { maxPostsPerRun: 10 }",
      "targets:",
      "  x: { network: x }",
      "  toot: { network: mastodon }",
      "feeds:",
      "  - id: musee",
      `    url: ${feeds.url("/musee.xml")}`,
      "    image: true",
      "  - id: textes",
      `    url: ${feeds.url("/textes.xml")}`,
      "",
    ].join("\n"),
  );
}

const env = () => ({
  ...credentialsEnv(credentials),
  CRIEUR_X_API_URL: fakeX.url,
  MASTODON_URL: mastodon.url,
  MASTODON_TOKEN: TOKEN,
  GITHUB_STEP_SUMMARY: join(work, "summary.html"),
});

function rss(items: readonly string[]): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
    <channel><title>Musée</title><link>https://musee.example/</link><description>d</description>
    ${items.join("\n")}</channel></rss>`;
}

const seen = "<item><title>Déjà vu</title><link>https://musee.example/vu</link></item>";
const hall = `<item><title>La grande salle rouvre</title><link>https://musee.example/salle</link>
  <media:content url="/img/hall.png" type="image/png">
    <media:description>La grande salle au lever du jour</media:description>
  </media:content></item>`;
const broken = `<item><title>Nouvel accrochage</title><link>https://musee.example/accrochage</link>
  <enclosure url="${"/img/page.png"}" type="image/png" length="1"/></item>`;
const missing = `<item><title>Visite nocturne</title><link>https://musee.example/nuit</link>
  <description><![CDATA[<p><img src="/img/none.jpg" alt="Torches"> Ce soir.</p>]]></description></item>`;
const textOnly = `<item><title>Un texte</title><link>https://textes.example/1</link>
  <media:thumbnail url="/img/hall.png"/></item>`;

async function firstSight(): Promise<void> {
  feeds.route("/musee.xml", { body: rss([seen]) });
  feeds.route("/textes.xml", { body: rss([seen]) });
  expect((await runCli(["run"], { cwd: work, env: env() })).code).toBe(0);
}

describe("images", () => {
  it("uploads an item's image with its alt text to X and Mastodon; a failed image leaves the post without it", async () => {
    await setUp();
    await firstSight();
    feeds.route("/musee.xml", { body: rss([hall, broken, missing, seen]) });
    feeds.route("/textes.xml", { body: rss([textOnly, seen]) });
    const result = await runCli(["run"], { cwd: work, env: env() });
    expect(result.code, result.stdout + result.stderr).toBe(0);

    const xPost = (title: string) => fakeX.posts.find((post) => post.text.startsWith(title));
    const [uploaded] = xPost("La grande salle rouvre")?.media ?? [];
    expect(uploaded?.bytes.equals(Buffer.from(HALL))).toBe(true);
    expect(uploaded).toMatchObject({
      mediaType: "image/png",
      category: "tweet_image",
      alt: "La grande salle au lever du jour",
    });
    const toot = mastodon.statuses.find((status) => status.text.startsWith("La grande salle"));
    expect(toot?.media).toEqual([
      expect.objectContaining({
        description: "La grande salle au lever du jour",
        type: "image/png",
        bytes: HALL.length,
      }),
    ]);
    // Each image is downloaded once for both targets.
    expect(feeds.requests.filter((r) => r.path === "/img/hall.png")).toHaveLength(1);

    // Images that cannot be had: the posts go out without them, and the owner is told why.
    for (const title of ["Nouvel accrochage", "Visite nocturne"]) {
      expect(xPost(title)).toBeDefined();
      expect(xPost(title)?.media).toBeUndefined();
      expect(mastodon.statuses.find((s) => s.text.startsWith(title))?.media).toEqual([]);
    }
    expect(result.stdout + result.stderr).toMatch(
      /The image of "Nouvel accrochage" was left out to 'x': .*is not an image \(text\/html\)/,
    );
    expect(result.stdout + result.stderr).toMatch(
      /The image of "Visite nocturne" was left out to 'x': .*none\.jpg answered HTTP 404/,
    );
    const summary = await readFile(join(work, "summary.html"), "utf8");
    expect(summary).toContain("The image of &quot;Nouvel accrochage&quot; was left out");
    // A feed without image: true posts text only, though its item has an image.
    expect(xPost("Un texte")).toBeDefined();
    expect(xPost("Un texte")?.media).toBeUndefined();
    expect(mastodon.statuses.find((s) => s.text.startsWith("Un texte"))?.media).toEqual([]);

    const again = await runCli(["run"], { cwd: work, env: env() });
    expect(again.code).toBe(0);
    expect(fakeX.posts).toHaveLength(4);
    expect(mastodon.statuses).toHaveLength(4);
  }, 60_000);

  it("a dry run names the image each post would carry", async () => {
    await setUp();
    await firstSight();
    feeds.route("/musee.xml", { body: rss([hall, seen]) });
    feeds.route("/textes.xml", { body: rss([textOnly, seen]) });
    const preview = await runCli(["run", "--dry-run"], { cwd: work, env: env() });
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(
      /Would post .*La grande salle rouvre .* \[image: http:\/\/127\.0\.0\.1:\d+\/img\/hall\.png\]/,
    );
    expect(preview.stdout).not.toMatch(/Un texte.*\[image/);
    expect(feeds.requests.some((r) => r.path.startsWith("/img/"))).toBe(false);
    expect(fakeX.posts).toEqual([]);
  }, 60_000);

  it("X refusing a post for its image (400) sends it once more without the image", async () => {
    await setUp();
    await firstSight();
    feeds.route("/musee.xml", { body: rss([hall, seen]) });
    fakeX.failNext({
      kind: "answer",
      status: 400,
      body: {
        errors: [{ message: "Your media IDs are invalid." }],
        title: "Invalid Request",
        detail: "One or more parameters to your request was invalid.",
        type: "https://api.twitter.com/2/problems/invalid-request",
      },
    });
    const result = await runCli(["run"], { cwd: work, env: env() });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(fakeX.posts.map((post) => [post.text, post.media])).toEqual([
      ["La grande salle rouvre https://musee.example/salle", undefined],
    ]);
    expect(result.stderr).toMatch(
      /The image was left out: X refused the post with it \(X rejected this post \(HTTP 400/,
    );
    const state = JSON.parse(await readFile(join(work, "state", "musee.json"), "utf8"));
    expect(state.done["https://musee.example/salle"]).toMatchObject({ status: "posted" });
  }, 60_000);

  it("X refusing the upload still posts, without the image; X's processing status is waited for", async () => {
    await setUp({ processing: true });
    await firstSight();
    feeds.route("/musee.xml", { body: rss([hall, seen]) });
    fakeX.failNextMedia({ status: 503, detail: "Service Unavailable" });
    const refused = await runCli(["run"], { cwd: work, env: env() });
    expect(refused.code, refused.stdout + refused.stderr).toBe(0);
    expect(fakeX.posts.map((post) => [post.text, post.media])).toEqual([
      ["La grande salle rouvre https://musee.example/salle", undefined],
    ]);
    expect(refused.stdout + refused.stderr).toMatch(
      /The image was left out: X did not take it \(X failed with HTTP 503/,
    );
    expect(mastodon.statuses[0]?.media).toHaveLength(1);

    // The next item's upload goes through X's processing: finalize says "pending", status "succeeded".
    feeds.route("/musee.xml", {
      body: rss([hall.replace("rouvre", "en images").replace("/salle", "/salle-2"), hall, seen]),
    });
    const processed = await runCli(["run"], { cwd: work, env: env() });
    expect(processed.code, processed.stdout + processed.stderr).toBe(0);
    expect(fakeX.posts[1]?.media?.[0]?.alt).toBe("La grande salle au lever du jour");
    expect(
      fakeX.requests.some((r) => r.method === "GET" && r.path.includes("command=STATUS")),
    ).toBe(true);
  }, 60_000);
});
