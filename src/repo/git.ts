/**
 * Every git call crieur makes, one intention-named function each, through `execFile` (no shell:
 * nothing is ever interpolated into a command line). Used by commit-state and state-cache.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CrieurError } from "../errors.js";

const run = promisify(execFile);

export class GitError extends CrieurError {
  override name = "GitError";
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** Who signs the state commits when the repository has no identity configured (Actions runners). */
export const BOT_IDENTITY = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
} as const;

export type PushResult = "pushed" | "rejected";

export interface Git {
  readonly cwd: string;
  /** The repository's top folder. */
  topLevel(): Promise<string>;
  currentBranch(): Promise<string>;
  head(): Promise<string>;
  /** When the last commit was made, or undefined in a repository without commits. */
  lastCommitDate(): Promise<Date | undefined>;
  /**
   * Stages every change under `dir` (new, changed, deleted files) but temporary files (`*.tmp`,
   * a state file being written), and lists the staged paths.
   */
  stageFolder(dir: string): Promise<string[]>;
  /** Commits the working-tree content of `dir` only, whatever else is staged. */
  commitFolder(dir: string, message: string): Promise<void>;
  /** A file's text at a commit, or undefined when it does not exist there. */
  fileAt(commit: string, path: string): Promise<string | undefined>;
  /** Paths under `dir` that differ between two commits. */
  changedBetween(from: string, to: string, dir: string): Promise<string[]>;
  /** Fetches the remote branch and returns its commit. */
  fetchBranch(remote: string, branch: string): Promise<string>;
  /** Moves the current branch to `commit`, keeping local changes to files it does not touch. */
  moveBranchTo(commit: string): Promise<void>;
  /**
   * Where the remote branch was when this repository last fetched or pushed it (its remote-tracking
   * branch, which git moves only once the remote accepted a push), or undefined when unknown.
   */
  lastKnownRemoteCommit(remote: string, branch: string): Promise<string | undefined>;
  /** Pushes HEAD to the remote branch; "rejected" when the branch moved meanwhile. */
  pushHead(remote: string, branch: string): Promise<PushResult>;
}

export function gitIn(cwd: string, env: NodeJS.ProcessEnv = process.env): Git {
  const gitEnv = { ...env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };

  async function git(args: readonly string[]): Promise<string> {
    try {
      const { stdout } = await run("git", [...args], {
        cwd,
        env: gitEnv,
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } catch (error) {
      const failure = error as { stderr?: string; stdout?: string; message: string };
      const output = `${failure.stderr ?? ""}${failure.stdout ?? ""}`.trim() || failure.message;
      throw new GitError(`git ${args[0]} failed in ${cwd}: ${output}`, output);
    }
  }

  async function identityArgs(): Promise<string[]> {
    const configured = await git(["config", "--get", "user.email"]).catch(() => "");
    if (configured.trim() || env.GIT_AUTHOR_EMAIL) return [];
    return ["-c", `user.name=${BOT_IDENTITY.name}`, "-c", `user.email=${BOT_IDENTITY.email}`];
  }

  return {
    cwd,
    topLevel: async () => (await git(["rev-parse", "--show-toplevel"])).trim(),
    currentBranch: async () => (await git(["symbolic-ref", "--short", "HEAD"])).trim(),
    head: async () => (await git(["rev-parse", "HEAD"])).trim(),
    async lastCommitDate() {
      const output = await git(["log", "-1", "--format=%cI"]).catch(() => "");
      return output.trim() ? new Date(output.trim()) : undefined;
    },
    async stageFolder(dir) {
      await git(["add", "--all", "--", dir, `:(exclude)${dir}/*.tmp`]);
      return splitNul(await git(["diff", "--cached", "--name-only", "-z", "--", dir]));
    },
    async commitFolder(dir, message) {
      // A pathspec makes `git commit` take only these paths, never anything staged elsewhere.
      await git([...(await identityArgs()), "commit", "--quiet", "-m", message, "--", dir]);
    },
    async fileAt(commit, path) {
      const listed = await git(["ls-tree", "--name-only", commit, "--", path]);
      if (!listed.trim()) return undefined;
      return git(["show", `${commit}:${path}`]);
    },
    async changedBetween(from, to, dir) {
      return splitNul(await git(["diff", "--name-only", "-z", from, to, "--", dir]));
    },
    async fetchBranch(remote, branch) {
      await git(["fetch", "--quiet", "--no-tags", remote, `refs/heads/${branch}`]);
      return (await git(["rev-parse", "FETCH_HEAD"])).trim();
    },
    async moveBranchTo(commit) {
      await git(["reset", "--quiet", "--keep", commit]);
    },
    async lastKnownRemoteCommit(remote, branch) {
      const ref = `refs/remotes/${remote}/${branch}`;
      const output = await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(
        () => "",
      );
      return output.trim() || undefined;
    },
    async pushHead(remote, branch) {
      try {
        await git(["push", "--quiet", remote, `HEAD:refs/heads/${branch}`]);
        return "pushed";
      } catch (error) {
        // A race: the branch moved before the push ("[rejected] (fetch first)") or during it (the
        // remote could not lock the ref). Other "[remote rejected]" (protection, permissions) are not.
        if (error instanceof GitError && RACE_LOST.test(error.output)) {
          return "rejected";
        }
        throw error;
      }
    },
  };
}

const RACE_LOST =
  /\[rejected\]|\(fetch first\)|non-fast-forward|cannot lock ref|failed to update ref/;

function splitNul(output: string): string[] {
  return output.split("\0").filter((path) => path.length > 0);
}
