import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  gitIn,
  holdsRecords,
  resolveFile,
  stateFolderInRepository
} from "./chunk-HJ3Y3U6F.js";
import "./chunk-LHSQ7RA6.js";
import "./chunk-D6NUKDDZ.js";
import "./chunk-QTYGHWQN.js";
import "./chunk-ETCY7YZ6.js";
import "./chunk-3MSF6MZP.js";

// src/repo/state-cache.ts
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, posix, resolve, sep } from "node:path";
var COPY_NOTE_FILE = "_copy.json";
async function restoreStateCopy(options) {
  const { log, copyDir } = options;
  const label = folderLabel(options.stateDir);
  const names = await stateFileNames(copyDir);
  if (names.length === 0) {
    log.info(`No state copy in ${copyDir}: nothing to merge.`);
    return { merged: [] };
  }
  const merged = [];
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
        baseText: void 0,
        // The repository's side decides the one-side fields (validators): when it is the newer
        // one, the merge then leaves it as it is.
        ourText: current,
        theirText: await readFile(join(copyDir, name), "utf8"),
        ourName: "the repository's",
        theirName: "the cached"
      },
      log
    );
    if (result.text === void 0 || result.text === current) continue;
    await writeAtomically(file, result.text);
    merged.push(name);
  }
  for (const name of [...names, COPY_NOTE_FILE]) await rm(join(copyDir, name), { force: true });
  if (merged.length === 0) {
    log.info(`The state copy in ${copyDir} holds nothing that ${label}/ lacks.`);
  } else {
    log.warning(
      `An earlier run could not push its state to the repository (see its "Save state" step). Merged the copy it kept into ${label}/ (${merged.join(", ")}), so nothing it posted is posted again.`
    );
  }
  return { merged };
}
async function saveStateCopy(options) {
  const { log, copyDir } = options;
  const top = await gitIn(options.cwd, options.env).topLevel();
  const git = gitIn(top, options.env);
  const stateDir = resolve(options.cwd, options.stateDir);
  const dir = stateFolderInRepository(top, stateDir);
  const branch = options.branch ?? await git.currentBranch();
  const remoteCommit = await git.lastKnownRemoteCommit(options.remote, branch);
  await mkdir(copyDir, { recursive: true });
  const leftovers = new Set(await stateFileNames(copyDir));
  const unsaved = [];
  for (const name of await stateFileNames(stateDir)) {
    const text = await readFile(join(stateDir, name), "utf8");
    const path = `${dir}/${name}`;
    if (remoteCommit && text === await git.fileAt(remoteCommit, path)) continue;
    unsaved.push(name);
    const leftover = leftovers.has(name) ? await readIfExists(join(copyDir, name)) : void 0;
    const result = resolveFile(
      dir,
      path,
      { baseText: void 0, ourText: text, theirText: leftover, theirName: "the cached" },
      log
    );
    if (result.text !== void 0) await writeAtomically(join(copyDir, name), result.text);
  }
  const kept = [.../* @__PURE__ */ new Set([...leftovers, ...unsaved])].sort();
  const note = {
    note: "crieur's copy of the state files the repository did not have when it was saved; the next run merges them into the state folder before posting.",
    savedAt: options.now().toISOString(),
    branch,
    files: kept
  };
  await writeAtomically(join(copyDir, COPY_NOTE_FILE), `${JSON.stringify(note, null, 2)}
`);
  if (kept.length === 0) {
    log.info(`The repository has all of ${dir}/: no state copy needed.`);
  } else {
    const why = remoteCommit ? `'${branch}' on ${options.remote} does not have them` : `where '${branch}' is on ${options.remote} is not known`;
    log.info(
      `Kept a copy of ${kept.length} state files in ${copyDir} (${why}): ${kept.join(", ")}. The next run merges them before posting.`
    );
  }
  return { kept };
}
async function stateFileNames(dir) {
  let names;
  try {
    names = await readdir(dir);
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  return names.filter((name) => holdsRecords(".", name)).sort();
}
async function readIfExists(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}
async function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, file);
}
function folderLabel(stateDir) {
  return posix.normalize(stateDir.split(sep).join("/")).replace(/\/+$/, "") || ".";
}
export {
  COPY_NOTE_FILE,
  restoreStateCopy,
  saveStateCopy
};
