/**
 * End to end, the Post workflow's steps with the real CLI: restore-state, run, commit-state
 * --push, save-state, against a real git remote that refuses pushes (a pre-receive hook, like a
 * protected branch), feeds from a local server and the local fake X. A folder stands for the
 * Actions cache; each run starts from a fresh clone, like a runner.
 */
import { execFile } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CliResult, runCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";

const exec = promisify(execFile);

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec("git", args, { cwd });
  return stdout.trim();
}

let root: string;
let remote: string;
let cache: string;
let feeds: FeedServer;
let fakeX: FakeX;
let env: Record<string, string>;
let clones = 0;

function rss(ids: readonly number[]): string {
  const items = ids
    .map(
      (n) => `<item><title>Event ${n}</title><link>https://museum.example/e/${n}</link>
        <guid isPermaLink="false">event-${n}</guid>
        <pubDate>${new Date(Date.now() - (10 - n) * 3_600_000).toUTCString()}</pubDate></item>`,
    )
    .join("\n");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Agenda</title>
    <link>https://museum.example/</link><description>d</description>${items}</channel></rss>`;
}

function serve(ids: readonly number[]): void {
  feeds.route("/agenda.xml", { body: rss(ids), etag: `"${ids.join("-")}"` });
}

function tweetRequests(): number {
  return fakeX.requests.filter((r) => r.method === "POST" && r.path === "/2/tweets").length;
}

async function setPushesRefused(refused: boolean): Promise<void> {
  const hook = join(remote, "hooks", "pre-receive");
  if (!refused) return rm(hook, { force: true });
  await writeFile(
    hook,
    '#!/bin/sh\necho "error: GH006: Protected branch update failed for refs/heads/main." >&2\nexit 1\n',
  );
  await chmod(hook, 0o755);
}

interface WorkflowRun {
  readonly restore?: CliResult;
  readonly run: CliResult;
  readonly commit: CliResult;
  readonly save: CliResult;
}

/** One run of post.yml on a fresh runner: checkout, (restore the cache), post, save, cache. */
async function workflowRun(
  options: { restore: boolean } = { restore: true },
): Promise<WorkflowRun> {
  clones += 1;
  const checkout = join(root, `runner-${clones}`);
  await git(root, "clone", "--quiet", remote, checkout);
  const cli = (...args: string[]) => runCli(args, { cwd: checkout, env });
  const restore = options.restore ? await cli("restore-state", "--from", cache) : undefined;
  if (restore) expect(restore.code, restore.stderr).toBe(0);
  const run = await cli("run");
  const commit = await cli("commit-state", "--push");
  const save = await cli("save-state", "--to", cache);
  expect(save.code, save.stderr).toBe(0);
  return { ...(restore ? { restore } : {}), run, commit, save };
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "crieur-cache-"));
  remote = join(root, "remote.git");
  cache = join(root, "actions-cache");
  feeds = await startFeedServer();
  const credentials = fakeXCredentials();
  fakeX = await startFakeX({ credentials });
  env = {
    ...credentialsEnv(credentials),
    CRIEUR_X_API_URL: fakeX.url,
    // Like a fresh runner: no git identity anywhere.
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
  };
  await git(root, "init", "--quiet", "--bare", "--initial-branch=main", remote);
  const seed = join(root, "seed");
  await git(root, "clone", "--quiet", remote, seed);
  await writeFile(
    join(seed, "feeds.yml"),
    `feeds:\n  - id: agenda\n    url: ${feeds.url("/agenda.xml")}\n    template: "{title} {link}"\n`,
  );
  await git(seed, "add", ".");
  await git(
    seed,
    "-c",
    "user.name=Owner",
    "-c",
    "user.email=o@example.org",
    "commit",
    "-qm",
    "start",
  );
  await git(seed, "push", "--quiet", "origin", "HEAD:main");
});

afterEach(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(root, { recursive: true, force: true });
});

describe("a push the repository refuses", () => {
  it("does not make the next runs post the same item again", async () => {
    serve([1, 2]);
    const first = await workflowRun();
    expect(first.run.stdout).toContain("2 items recorded as seen without posting");
    expect(first.commit.code, first.commit.stderr).toBe(0);

    // Branch protection is turned on, and the feed publishes event 3.
    await setPushesRefused(true);
    serve([1, 2, 3]);
    const refused = await workflowRun();
    expect(refused.run.code, refused.run.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual(["Event 3 https://museum.example/e/3"]);
    // The run is red, and says what to do.
    expect(refused.commit.code).toBe(1);
    expect(refused.commit.stderr).toMatch(/Could not push the state to 'main'.*bypass list/s);
    expect(refused.save.stdout).toContain("Kept a copy of 1 state files");
    expect(await git(remote, "show", "main:state/agenda.json")).not.toContain("posted");

    // The next run starts from the same old state/ in the repository, plus the cache.
    const next = await workflowRun();
    expect(next.restore?.stderr).toContain("An earlier run could not push its state");
    expect(next.run.code, next.run.stderr).toBe(0);
    expect(tweetRequests()).toBe(1);
    expect(next.commit.code).toBe(1);

    // Without the cache, that run would have sent event 3 again (only X's duplicate check,
    // about a day long, would have stopped it).
    // X refuses that copy, which crieur — having no record of sending it — reports as refused.
    const withoutCache = await workflowRun({ restore: false });
    expect(withoutCache.run.code).toBe(1);
    expect(withoutCache.run.stdout + withoutCache.run.stderr).toContain(
      "X refuses a text identical to an earlier post",
    );
    expect(tweetRequests()).toBe(2);
    expect(fakeX.posts).toHaveLength(1);

    // Once pushes are allowed again, the state reaches the repository and the cache empties.
    await setPushesRefused(false);
    const fixed = await workflowRun();
    expect(fixed.commit.code, fixed.commit.stderr).toBe(0);
    expect(tweetRequests()).toBe(2);
    const saved = JSON.parse(await git(remote, "show", "main:state/agenda.json"));
    expect(saved.done["event-3"]).toMatchObject({ status: "posted", postId: fakeX.posts[0]?.id });
    expect(fixed.save.stdout).toContain("The repository has all of state/: no state copy needed.");
    const after = await workflowRun();
    expect(after.restore?.stdout).toContain("No state copy in");
    expect(await git(remote, "log", "-1", "--format=%s", "main")).toMatch(/^crieur: posted 1 item/);
  }, 180_000);
});
