/**
 * The GitHub Action: action.yml's metadata, and dist/action.js run in a fresh clone the way the
 * runner runs it — each input as an INPUT_* variable (action.yml's default when the workflow
 * gives none), outputs written to the file named by GITHUB_OUTPUT — against the local feed
 * server and fake X, pushing state/ to a bare remote.
 */
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ACTION_INPUT_DEFAULTS, actionOutputs, readActionInputs } from "../src/action.js";
import { TARGET_SECRET_DEFAULTS } from "../src/config/targets-schema.js";
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
  type ShippedRepo,
} from "./support/shipped-repo.js";
import { startThreeTargets } from "./support/three-targets.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

interface ActionMetadata {
  readonly inputs: Record<string, { readonly default?: string; readonly description: string }>;
  readonly outputs: Record<string, { readonly description: string }>;
  readonly runs: { readonly using: string; readonly main: string };
}

const metadata = parse(await readFile(join(ROOT, "action.yml"), "utf8")) as ActionMetadata;

/** What the runner sets for a step `uses: …crieur@v1` with these `with:` values. */
function inputVariables(given: Readonly<Record<string, string>>): Record<string, string> {
  for (const name of Object.keys(given)) {
    if (!(name in metadata.inputs)) throw new Error(`action.yml has no input "${name}"`);
  }
  return Object.fromEntries(
    Object.entries(metadata.inputs).map(([name, input]) => [
      `INPUT_${name.replaceAll(" ", "_").toUpperCase()}`,
      given[name] ?? input.default ?? "",
    ]),
  );
}

describe("action.yml", () => {
  it("runs the committed bundle on the runners' Node", () => {
    expect(metadata.runs).toEqual({ using: "node24", main: "dist/action.js" });
    expect(existsSync(join(ROOT, metadata.runs.main))).toBe(true);
  });

  it("declares exactly the inputs the action reads, with the same defaults", () => {
    expect(
      Object.fromEntries(Object.entries(metadata.inputs).map(([name, i]) => [name, i.default])),
    ).toEqual(ACTION_INPUT_DEFAULTS);
  });

  it("says which secrets it reads from env: (secrets are not inputs)", async () => {
    const text = await readFile(join(ROOT, "action.yml"), "utf8");
    for (const secrets of Object.values(TARGET_SECRET_DEFAULTS)) {
      for (const name of Object.values(secrets)) expect(text).toContain(name);
    }
    expect(
      Object.keys(metadata.inputs).filter((name) => /secret|token|password/i.test(name)),
    ).toEqual([]);
  });

  it("declares exactly the outputs the action writes", () => {
    const outputs = actionOutputs({
      dryRun: false,
      startedAt: "",
      feeds: [],
      problems: [],
      notices: [],
      postsInOrder: [],
    });
    expect(Object.keys(metadata.outputs).sort()).toEqual(Object.keys(outputs).sort());
  });
});

describe("the action's inputs", () => {
  it("reads the runner's variables, dashes kept, lists split on commas and new lines", () => {
    expect(
      readActionInputs(
        inputVariables({ "dry-run": "true", feed: "agenda, news\nshop", commit: "false" }),
      ),
    ).toEqual({
      config: "feeds.yml",
      state: "state",
      dryRun: true,
      feedIds: ["agenda", "news", "shop"],
      commit: false,
    });
    expect(readActionInputs({})).toEqual({
      config: "feeds.yml",
      state: "state",
      dryRun: false,
      commit: true,
    });
  });

  it("refuses a value that is not a boolean, naming the input", () => {
    expect(() => readActionInputs(inputVariables({ commit: "yes" }))).toThrow(
      'The input "commit" of crieur must be true or false, not "yes".',
    );
  });
});

describe("dist/action.js in a fresh clone", () => {
  const credentials = fakeXCredentials();
  let feeds: FeedServer;
  let fakeX: FakeX;
  let repo: ShippedRepo;
  let clone: string;

  beforeEach(async () => {
    feeds = await startFeedServer({
      "/agenda.xml": { body: agendaRss(["Night at the museum", "Print fair"]) },
      "/news.xml": { body: agendaRss(["New wing opens"]) },
    });
    fakeX = await startFakeX({ credentials });
    const feed = (id: string) => [
      `  - id: ${id}`,
      `    url: ${feeds.url(`/${id}.xml`)}`,
      "    firstRunPosts: 1",
    ];
    repo = await createShippedRepo({
      "feeds.yml": ["feeds:", ...feed("agenda"), ...feed("news"), ""].join("\n"),
    });
    clone = await repo.clone();
  });

  afterEach(async () => {
    await Promise.all([feeds.close(), fakeX.close(), repo.remove()]);
  });

  async function runAction(
    given: Readonly<Record<string, string>>,
    secrets: Readonly<Record<string, string>> = credentialsEnv(credentials),
  ) {
    const outputFile = join(clone, "..", "github-output");
    const summaryFile = join(clone, "..", "github-summary");
    await writeFile(outputFile, "");
    await writeFile(summaryFile, "");
    const result = await runCli([], {
      cwd: clone,
      script: join(clone, "dist", "action.js"),
      env: {
        ...inputVariables(given),
        ...secrets,
        CRIEUR_X_API_URL: fakeX.url,
        GITHUB_ACTIONS: "true",
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        ...BARE_GIT_ENV,
      },
    });
    return {
      ...result,
      outputs: parseOutputs(await readFile(outputFile, "utf8")),
      summary: await readFile(summaryFile, "utf8"),
    };
  }

  const remoteHead = () => repo.git(repo.remote, "rev-parse", "main");

  it("posts, pushes state/ and sets the outputs, with the default inputs", async () => {
    const before = await remoteHead();
    const result = await runAction({});
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text).sort()).toEqual([
      "New wing opens https://museum.example/e/0",
      "Print fair https://museum.example/e/1",
    ]);
    expect(result.outputs).toEqual({
      posts: "2",
      "post-urls": JSON.stringify(
        fakeX.posts.map((post) => `https://x.com/i/web/status/${post.id}`),
      ),
    });
    expect(result.summary).toContain("crieur run");
    expect(await remoteHead()).not.toBe(before);
    expect(await repo.git(repo.remote, "ls-tree", "--name-only", "main", "state/")).toContain(
      "state/agenda.json",
    );
  });

  it("with feed, runs only those feeds", async () => {
    const result = await runAction({ feed: "news" });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([
      "New wing opens https://museum.example/e/0",
    ]);
    expect(result.outputs.posts).toBe("1");
  });

  it("with dry-run, posts nothing, saves nothing, and says so in the outputs", async () => {
    const before = await remoteHead();
    const result = await runAction({ "dry-run": "true" });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(fakeX.posts).toEqual([]);
    expect(result.outputs).toEqual({ posts: "0", "post-urls": "[]" });
    expect(await remoteHead()).toBe(before);
  });

  it("with commit: false, posts but leaves the commit to the workflow", async () => {
    const before = await remoteHead();
    const result = await runAction({ commit: "false" });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(fakeX.posts).toHaveLength(2);
    expect(await remoteHead()).toBe(before);
    expect(await repo.git(clone, "status", "--porcelain")).toContain("state/");
  });

  it("saves what was posted even when the run fails", async () => {
    // The first post goes out, then X refuses the keys: the run stops and fails.
    fakeX.failNext({ kind: "delay", ms: 0 }, { kind: "unauthorized" });
    const result = await runAction({});
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("::error::");
    expect(fakeX.posts).toHaveLength(1);
    const pushed = await Promise.all(
      ["agenda", "news"].map((id) =>
        repo.git(repo.remote, "show", `main:state/${id}.json`).catch(() => ""),
      ),
    );
    expect(pushed.join("\n")).toContain(`"${fakeX.posts[0]?.id}"`);
  });

  // Like X's, the other networks' secrets reach the action through the step's env:, under the
  // names feeds.yml gives (README, "Or add it to a repository you already have"). Without the
  // Bluesky harness, "sky" is a second Mastodon account under other variable names.
  it("posts to Mastodon and Bluesky with their secrets in env:, keeping the Bluesky session", async () => {
    const targets = await startThreeTargets();
    try {
      const config = await readFile(join(clone, "feeds.yml"), "utf8");
      await writeFile(join(clone, "feeds.yml"), `${targets.config.join("\n")}\n${config}`);
      const sessions = join(clone, "..", "sessions");
      const result = await runAction(
        {},
        { ...credentialsEnv(credentials), ...targets.env, CRIEUR_SESSION_DIR: sessions },
      );
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const texts = [
        "New wing opens https://museum.example/e/0",
        "Print fair https://museum.example/e/1",
      ];
      expect(fakeX.posts.map((post) => post.text).sort()).toEqual(texts);
      const posts = await targets.posts();
      expect(posts.toot.sort()).toEqual(texts);
      expect(posts.sky.sort()).toEqual(texts);
      expect(result.outputs.posts).toBe("6");
      // Masked in the log, whatever the network.
      for (const secret of [targets.env.MASTODON_TOKEN, targets.env.BLUESKY_APP_PASSWORD]) {
        if (secret === undefined) continue;
        expect(result.stdout).toContain(`::add-mask::${secret}`);
        expect(result.stdout.replaceAll(`::add-mask::${secret}`, "")).not.toContain(secret);
      }
      if (targets.blueskyIsReal) {
        expect(await readdir(sessions)).toEqual(["crieur-bluesky-sky.session"]);
        const session = await readFile(join(sessions, "crieur-bluesky-sky.session"), "utf8");
        expect(session).not.toContain(targets.env.BLUESKY_APP_PASSWORD);
      }
    } finally {
      await targets.close();
    }
  });

  it("skips a target whose secrets are not set, with a warning, and posts to the others", async () => {
    const config = await readFile(join(clone, "feeds.yml"), "utf8");
    const targets = ["targets:", "  x:", "    network: x", "  toot:", "    network: mastodon"];
    await writeFile(join(clone, "feeds.yml"), `${targets.join("\n")}\n${config}`);
    // What the runner gives for secrets that do not exist: empty values.
    const result = await runAction(
      {},
      { ...credentialsEnv(credentials), MASTODON_URL: "", MASTODON_TOKEN: "" },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/::warning[^\n]*Target 'toot' is skipped: its secrets/);
    expect(fakeX.posts).toHaveLength(2);
    expect(result.outputs.posts).toBe("2");
  });

  it("fails on a mistyped input before doing anything, with an annotation naming it", async () => {
    const result = await runAction({ "dry-run": "yes" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::The input "dry-run" of crieur must be true or false');
    expect(fakeX.requests).toEqual([]);
    expect(feeds.requests).toEqual([]);
  });
});

/** GITHUB_OUTPUT's format: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!start) continue;
    const end = lines.indexOf(start[2] as string, i + 1);
    outputs[start[1] as string] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return outputs;
}
