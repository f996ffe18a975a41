/**
 * The GitHub Action (action.yml, `uses: OWNER/crieur@v1`): the posting workflow's two steps in
 * one — `crieur run`, then `crieur commit-state --push` — configured by the step's inputs, which
 * the runner passes as INPUT_* variables, and answering with outputs (GITHUB_OUTPUT).
 *
 * May import: errors, job, report.
 */
import { CrieurError } from "./errors.js";
import { InvocationError, isMainModule, type JobIo, runJob, saveState } from "./job.js";
import type { RunReport } from "./report/report.js";

export interface ActionInputs {
  readonly config: string;
  readonly state: string;
  readonly dryRun: boolean;
  /** Only these feeds; undefined for all. */
  readonly feedIds?: readonly string[];
  /** Commit and push the state folder after the run. */
  readonly commit: boolean;
}

/** The inputs of action.yml with their defaults (kept equal by test/action.test.ts). */
export const ACTION_INPUT_DEFAULTS = {
  config: "feeds.yml",
  state: "state",
  "dry-run": "false",
  feed: "",
  commit: "true",
} as const;

type InputName = keyof typeof ACTION_INPUT_DEFAULTS;

/**
 * Reads and checks every input in one place. The runner names each variable INPUT_ + the input's
 * name in capitals, dashes kept (INPUT_DRY-RUN); an empty or missing value means the default.
 */
export function readActionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const input = (name: InputName) =>
    env[`INPUT_${name.toUpperCase()}`]?.trim() || ACTION_INPUT_DEFAULTS[name];
  const feedIds = input("feed")
    .split(/[\s,]+/)
    .filter((id) => id !== "");
  return {
    config: input("config"),
    state: input("state"),
    dryRun: booleanInput("dry-run", input("dry-run")),
    ...(feedIds.length > 0 ? { feedIds } : {}),
    commit: booleanInput("commit", input("commit")),
  };
}

/** The YAML 1.2 booleans, as GitHub's own actions accept them. */
function booleanInput(name: InputName, value: string): boolean {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InvocationError(
    `The input "${name}" of crieur must be true or false, not "${value}". Fix it under "with:" in your workflow.`,
  );
}

/** The outputs: posts made by this run (none in a dry run) and their addresses, as JSON. */
export function actionOutputs(report: RunReport): { posts: string; "post-urls": string } {
  const posted = report.dryRun ? [] : report.postsInOrder;
  const urls = posted.flatMap((post) => (post.url ? [post.url] : []));
  return { posts: String(posted.length), "post-urls": JSON.stringify(urls) };
}

/** Runs the job, saves the state even when the run failed, then sets the outputs. */
export async function runAction(io: JobIo): Promise<number> {
  const inputs = readActionInputs(io.env);
  let outcome: Awaited<ReturnType<typeof runJob>> | undefined;
  let runFailure: unknown;
  try {
    outcome = await runJob(
      {
        config: inputs.config,
        state: inputs.state,
        ...(inputs.feedIds ? { feedIds: inputs.feedIds } : {}),
        mode: inputs.dryRun ? "dry-run" : "run",
      },
      io,
    );
  } catch (error) {
    runFailure = error;
  }
  // Even after a failure: the records of posts already made must reach the repository, or the
  // next run would post them again. A dry run writes nothing, so there is nothing to save.
  if (inputs.commit && !inputs.dryRun) {
    try {
      await saveState({ state: inputs.state, push: true, remote: "origin" }, io);
    } catch (error) {
      if (runFailure === undefined) throw error;
      io.stderr.write(`${messageOf(error)}\n`);
    }
  }
  if (outcome === undefined) throw runFailure;
  const core = await import("./report/actions-core.js");
  for (const [name, value] of Object.entries(actionOutputs(outcome.report))) {
    core.setOutput(name, value);
  }
  return outcome.code;
}

function messageOf(error: unknown): string {
  return error instanceof CrieurError
    ? error.message
    : `crieur crashed — please report this: ${(error as Error).stack ?? String(error)}`;
}

if (isMainModule(import.meta.url)) {
  const io: JobIo = {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => new Date(),
  };
  runAction(io).then(
    (code) => {
      process.exitCode = code;
    },
    async (error: unknown) => {
      // An annotation on the run's page; also sets the exit code to 1.
      const core = await import("./report/actions-core.js");
      core.setFailed(messageOf(error));
    },
  );
}
