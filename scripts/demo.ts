/**
 * `npm run demo`: the whole job end to end, offline. Serves the sample feeds in demo/feeds from a
 * local feed server, starts the local fake X API and fake Mastodon, and a real Bluesky PDS when
 * test/bluesky-pds is installed (otherwise a second fake Mastodon account stands in for
 * Bluesky, and the demo says so), and runs the real crieur CLI in a scratch git repository with
 * three targets: the first run records the feeds without posting, then new items appear and the
 * second run posts them to all three. Prints the posts and the state diff.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDist } from "../test/support/build-once.js";
import { runCli } from "../test/support/cli.js";
import { credentialsEnv, fakeXCredentials, startFakeX } from "../test/support/fake-x-server.js";
import { startFeedServer } from "../test/support/feed-server.js";
import { pngBytes } from "../test/support/images.js";
import { startThreeTargets } from "../test/support/three-targets.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const sample = (name: string) => readFile(join(root, "demo", "feeds", name));

function banner(text: string): void {
  console.log(`\n━━━ ${text} ${"━".repeat(Math.max(0, 70 - text.length))}`);
}

async function main(): Promise<void> {
  const build = await buildDist();
  if (!build.ok) throw new Error(`The build failed:\n${build.output}`);
  const credentials = fakeXCredentials();
  const fakeX = await startFakeX({ credentials });
  const targets = await startThreeTargets();
  const feeds = await startFeedServer({
    "/agenda.xml": {
      body: await sample("agenda-before.xml"),
      etag: '"agenda-1"',
      headers: { "content-type": "application/rss+xml; charset=utf-8" },
    },
    // The nocturne's image (a relative <img> in its description): a stand-in PNG.
    "/img/carillon.png": { body: pngBytes(30_000), headers: { "content-type": "image/png" } },
    "/ergonomics.atom": {
      body: await sample("ergonomics-before.atom"),
      etag: '"ergo-1"',
      headers: { "content-type": "application/atom+xml" },
    },
  });
  const work = await mkdtemp(join(tmpdir(), "crieur-demo-"));
  try {
    await mkdir(join(work, "state"));
    await writeFile(
      join(work, "feeds.yml"),
      [
        ...targets.config,
        "feeds:",
        "  - id: agenda",
        "    name: Musée des Horloges",
        `    url: ${feeds.url("/agenda.xml")}`,
        '    template: "{title}\\n{summary}\\n{link}"',
        "    hashtags: [musée]",
        "    image: true",
        "  - id: ergonomics",
        "    name: Good Posture Reads",
        `    url: ${feeds.url("/ergonomics.atom")}`,
        '    template: "{title} — {summary} {link}"',
        "",
      ].join("\n"),
    );
    const git = (...args: string[]) => execFileSync("git", args, { cwd: work, encoding: "utf8" });
    const commit = (...args: string[]) =>
      git("-c", "user.name=demo", "-c", "user.email=demo@example.org", "commit", "-q", ...args);
    git("init", "-q");
    commit("--allow-empty", "-m", "start");
    const env = {
      ...credentialsEnv(credentials),
      CRIEUR_X_API_URL: fakeX.url,
      ...targets.env,
      CRIEUR_SESSION_DIR: join(work, ".sessions"),
    };
    console.log(
      targets.blueskyIsReal
        ? "Targets: x (fake X), toot (fake Mastodon), sky (a real Bluesky PDS on this machine)."
        : "Targets: x (fake X), toot (fake Mastodon), sky (Bluesky stood in for by a second fake " +
            "Mastodon account: run `npm ci --prefix test/bluesky-pds` for a real Bluesky PDS).",
    );

    banner("Run 1: crieur sees the feeds for the first time (records them, posts nothing)");
    const first = await runCli(["run"], { cwd: work, env });
    process.stdout.write(first.stdout + first.stderr);
    git("add", "state");
    commit("-m", "state after run 1");

    banner("New items appear in both feeds");
    feeds.route("/agenda.xml", { body: await sample("agenda-after.xml"), etag: '"agenda-2"' });
    feeds.route("/ergonomics.atom", {
      body: await sample("ergonomics-after.atom"),
      etag: '"ergo-2"',
    });

    banner("Run 2: crieur posts the new items, oldest first");
    const second = await runCli(["run"], { cwd: work, env });
    process.stdout.write(second.stdout + second.stderr);

    banner("Run 3: nothing changed (the feeds answer 304), nothing is posted");
    const third = await runCli(["run"], { cwd: work, env });
    process.stdout.write(third.stdout + third.stderr);

    banner(`What the fake X API received (${fakeX.posts.length} posts)`);
    for (const post of fakeX.posts) {
      const images = (post.media ?? []).map(
        (m) => `[image: ${m.bytes.length} bytes, alt "${m.alt}"]`,
      );
      console.log([`--- post ${post.id}`, post.text, ...images].join("\n"));
    }
    const elsewhere = await targets.posts();
    for (const [name, texts] of Object.entries(elsewhere)) {
      banner(`What target '${name}' received (${texts.length} posts)`);
      for (const text of texts) console.log(`---\n${text}`);
    }

    banner("State diff since run 1 (git diff -- state)");
    console.log(
      git("--no-pager", "diff", "--stat", "--", "state") + git("--no-pager", "diff", "--", "state"),
    );
    const failed = [first, second, third].some((result) => result.code !== 0);
    const everywhere = Object.values(elsewhere).every(
      (texts) => texts.length === fakeX.posts.length,
    );
    if (failed || fakeX.posts.length === 0 || !everywhere) {
      console.error("The demo did not go as expected: see the output above.");
      process.exitCode = 1;
    }
  } finally {
    await Promise.all([feeds.close(), fakeX.close(), targets.close()]);
    await rm(work, { recursive: true, force: true });
  }
}

await main();
