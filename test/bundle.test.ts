/**
 * The shipped program: dist/ alone, copied into a repository with no package.json and no
 * node_modules anywhere up the tree, runs the whole posting job as post.yml does — fetch, post
 * to the local fake X, commit state/ and push it to a bare remote — and a no-op run loads none of
 * the heavy chunks.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import {
  agendaRss,
  BARE_GIT_ENV,
  createShippedRepo,
  DIST_DIR,
  type ShippedRepo,
} from "./support/shipped-repo.js";

const credentials = fakeXCredentials();

let feeds: FeedServer;
let fakeX: FakeX;
let repo: ShippedRepo;

beforeEach(async () => {
  feeds = await startFeedServer({
    "/agenda.xml": { body: agendaRss(["Night at the museum", "Print fair"]), etag: '"v1"' },
  });
  fakeX = await startFakeX({ credentials });
  repo = await createShippedRepo({
    "feeds.yml": `feeds:\n  - id: agenda\n    url: ${feeds.url("/agenda.xml")}\n    firstRunPosts: 1\n    template: "{title} {link}"\n`,
  });
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close(), repo.remove()]);
});

function crieur(clone: string, args: readonly string[]) {
  return runCli(args, {
    cwd: clone,
    script: join(clone, "dist", "cli.js"),
    env: { ...credentialsEnv(credentials), CRIEUR_X_API_URL: fakeX.url, ...BARE_GIT_ENV },
  });
}

describe("dist/, on its own in a fresh clone", () => {
  it("runs the whole posting job: posts, commits state/ and pushes it", async () => {
    const clone = await repo.clone();
    const run = await crieur(clone, ["run"]);
    expect(run.code, run.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual(["Print fair https://museum.example/e/1"]);

    const save = await crieur(clone, ["commit-state", "--push"]);
    expect(save.code, save.stderr).toBe(0);
    expect(await repo.git(repo.remote, "log", "-1", "--format=%s", "main")).toMatch(/^crieur: /);
    const state = JSON.parse(await repo.git(repo.remote, "show", "main:state/agenda.json"));
    expect(JSON.stringify(state)).toContain(fakeX.posts[0]?.id);

    // The next scheduled run starts from a new checkout: what was posted is not posted again.
    const next = await repo.clone();
    const again = await crieur(next, ["run"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("0 posted");
    expect(fakeX.posts).toHaveLength(1);
  });
});

describe("the bundle's chunks", () => {
  /** Every file cli.js loads before it runs a line of its own: its static imports, recursively. */
  async function staticallyLoaded(entry: string): Promise<Set<string>> {
    const seen = new Set<string>();
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = await readFile(join(DIST_DIR, file), "utf8");
      for (const match of text.matchAll(/^(?:import|export)\b[^;]*?["'](\.\.?\/[^"']+)["']/gm)) {
        await visit(join(file, "..", match[1] as string));
      }
    };
    await visit(entry);
    return seen;
  }

  it("keeps the feed parser, twitter-text, the X client, git and @actions/core out of start-up", async () => {
    const chunks = (await readdir(join(DIST_DIR, "chunks"))).map((name) => `chunks/${name}`);
    const holding = async (marker: string) => {
      const found: string[] = [];
      for (const chunk of chunks) {
        if ((await readFile(join(DIST_DIR, chunk), "utf8")).includes(marker)) found.push(chunk);
      }
      expect(found, marker).not.toEqual([]);
      return found;
    };
    const heavy = [
      ...(await holding("// node_modules/rss-parser/")),
      ...(await holding("// node_modules/twitter-text/")),
      ...(await holding("// node_modules/twitter-api-v2/")),
      ...(await holding("// node_modules/@actions/core/")),
      ...(await holding("// src/repo/commit-state.ts")),
    ];
    for (const entry of ["cli.js", "action.js"]) {
      const loaded = await staticallyLoaded(entry);
      expect(
        heavy.filter((chunk) => loaded.has(chunk)),
        entry,
      ).toEqual([]);
    }
  });
});
