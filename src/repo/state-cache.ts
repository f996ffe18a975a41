/**
 * A copy of the state the repository does not have, kept outside it (the Post workflow keeps it
 * in the Actions cache) for when `commit-state --push` fails: branch protection, an organisation
 * policy, an outage. Without it every later run would start from the old state/ and post again
 * what the failed run posted.
 *
 * - saveStateCopy, after commit-state: copies the state files whose content differs from the
 *   remote branch as git last saw it (a push that went through moved that ref), plus a note. A
 *   run whose push worked copies nothing, so the next run has nothing to merge.
 * - restoreStateCopy, before `crieur run`: merges each copy into state/ with the same three-way
 *   merge as a push race (a posted record or a post in flight is never lost), then empties the
 *   copy folder — its content now lives in state/, and the next save starts from there.
 *
 * Only state files are copied (feed files and `_account.json`): never temporary files, the lock,
 * or anything else.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, posix, resolve, sep } from "node:path";
import type { Log } from "../report/log.js";
import { stateFolderInRepository } from "./commit-state.js";
import { gitIn } from "./git.js";
import { holdsRecords, resolveFile } from "./state-files.js";

/** Written next to the copies: when they were kept, and what they are. Never a state file. */
export const COPY_NOTE_FILE = "_copy.json";

export interface RestoreStateCopyOptions {
  readonly stateDir: string;
  /** The folder holding the copy (the Actions cache's path); missing or empty: nothing to do. */
  readonly copyDir: string;
  readonly log: Log;
}

export interface RestoreStateCopyResult {
  /** State files whose content changed by the merge, by name. */
  readonly merged: readonly string[];
}

export async function restoreStateCopy(
  options: RestoreStateCopyOptions,
): Promise<RestoreStateCopyResult> {
  const { log, copyDir } = options;
  const label = folderLabel(options.stateDir);
  const names = await stateFileNames(copyDir);
  if (names.length === 0) {
    log.info(`No state copy in ${copyDir}: nothing to merge.`);
    return { merged: [] };
  }
  const merged: string[] = [];
  await mkdir(options.stateDir, { recursive: true });
  for (const name of names) {
    const path = `${label}/${name}`;
    const file = join(options.stateDir, name);
    const current = await readIfExists(file);
    const result = resolveFile(
      label,
      path,
      {
        // No common version is known: posts per month take the higher count of each side.
        baseText: undefined,
        // The repository's side decides the one-side fields (validators): when it is the newer
        // one, the merge then leaves it as it is.
        ourText: current,
        theirText: await readFile(join(copyDir, name), "utf8"),
        ourName: "the repository's",
        theirName: "the cached",
      },
      log,
    );
    if (result.text === undefined || result.text === current) continue;
    await writeAtomically(file, result.text);
    merged.push(name);
  }
  // Only once every copy is in state/: a failure above leaves the copy for the next attempt.
  for (const name of [...names, COPY_NOTE_FILE]) await rm(join(copyDir, name), { force: true });
  if (merged.length === 0) {
    log.info(`The state copy in ${copyDir} holds nothing that ${label}/ lacks.`);
  } else {
    log.warning(
      `An earlier run could not push its state to the repository (see its "Save state" step). ` +
        `Merged the copy it kept into ${label}/ (${merged.join(", ")}), so nothing it posted is ` +
        "posted again.",
    );
  }
  return { merged };
}

export interface SaveStateCopyOptions {
  /** Any folder inside the repository. */
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly stateDir: string;
  readonly copyDir: string;
  readonly remote: string;
  /** Defaults to the checked-out branch. */
  readonly branch?: string;
  readonly now: () => Date;
  readonly log: Log;
}

export interface SaveStateCopyResult {
  /** State files in the copy folder now, by name: what the repository lacks. */
  readonly kept: readonly string[];
}

export async function saveStateCopy(options: SaveStateCopyOptions): Promise<SaveStateCopyResult> {
  const { log, copyDir } = options;
  const top = await gitIn(options.cwd, options.env).topLevel();
  const git = gitIn(top, options.env);
  const stateDir = resolve(options.cwd, options.stateDir);
  const dir = stateFolderInRepository(top, stateDir);
  const branch = options.branch ?? (await git.currentBranch());
  const remoteCommit = await git.lastKnownRemoteCommit(options.remote, branch);

  await mkdir(copyDir, { recursive: true });
  // Copies a restore did not merge (it failed or did not run) are not dropped: merged in below.
  const leftovers = new Set(await stateFileNames(copyDir));
  const unsaved: string[] = [];
  for (const name of await stateFileNames(stateDir)) {
    const text = await readFile(join(stateDir, name), "utf8");
    const path = `${dir}/${name}`;
    if (remoteCommit && text === (await git.fileAt(remoteCommit, path))) continue;
    unsaved.push(name);
    const leftover = leftovers.has(name) ? await readIfExists(join(copyDir, name)) : undefined;
    const result = resolveFile(
      dir,
      path,
      { baseText: undefined, ourText: text, theirText: leftover, theirName: "the cached" },
      log,
    );
    if (result.text !== undefined) await writeAtomically(join(copyDir, name), result.text);
  }
  const kept = [...new Set([...leftovers, ...unsaved])].sort();
  const note = {
    note:
      "crieur's copy of the state files the repository did not have when it was saved; the " +
      "next run merges them into the state folder before posting.",
    savedAt: options.now().toISOString(),
    branch,
    files: kept,
  };
  await writeAtomically(join(copyDir, COPY_NOTE_FILE), `${JSON.stringify(note, null, 2)}\n`);

  if (kept.length === 0) {
    log.info(`The repository has all of ${dir}/: no state copy needed.`);
  } else {
    const why = remoteCommit
      ? `'${branch}' on ${options.remote} does not have them`
      : `where '${branch}' is on ${options.remote} is not known`;
    log.info(
      `Kept a copy of ${kept.length} state files in ${copyDir} (${why}): ${kept.join(", ")}. ` +
        "The next run merges them before posting.",
    );
  }
  return { kept };
}

/** The names of the state files directly in a folder (none when it does not exist). */
async function stateFileNames(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names.filter((name) => holdsRecords(".", name)).sort();
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Like the state store: a crash mid-write leaves the previous file (and a `*.tmp` commit-state removes). */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, file);
}

/** The state folder as log lines name it: "state", not "./state/". */
function folderLabel(stateDir: string): string {
  return posix.normalize(stateDir.split(sep).join("/")).replace(/\/+$/, "") || ".";
}
