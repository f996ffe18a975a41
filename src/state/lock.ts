/**
 * One run at a time on a state directory: a lock file next to it (`state.lock` for `state/`, so
 * it is never committed with the state). The workflow's concurrency group already serialises
 * runs on GitHub; this also covers runs started by hand or by another scheduler.
 *
 * Stale-lock rule: a lock is taken over when its process is gone (same host, pid not alive) or
 * when it is older than `staleAfterMs` (a run never takes that long: fetches and posts time out).
 */

import { createHash, randomUUID } from "node:crypto";
import { link, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { CrieurError } from "../errors.js";

export const DEFAULT_STALE_AFTER_MS = 60 * 60 * 1000;

export class LockError extends CrieurError {
  override name = "LockError";
}

interface LockRecord {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly token?: string;
}

export interface Lock {
  readonly file: string;
  release(): Promise<void>;
}

export function lockFileOf(stateDir: string): string {
  return `${resolve(stateDir)}.lock`;
}

export interface LockOptions {
  readonly now: Date;
  readonly staleAfterMs?: number;
  readonly pid?: number;
  /** Whether a process is alive; injected by tests. */
  readonly isAlive?: (pid: number) => boolean;
}

export async function acquireLock(stateDir: string, options: LockOptions): Promise<Lock> {
  const file = lockFileOf(stateDir);
  const mine: LockRecord = {
    pid: options.pid ?? process.pid,
    host: hostname(),
    startedAt: options.now.toISOString(),
    // Two locks never have the same text, so "is it still that lock?" is a comparison of texts.
    token: randomUUID(),
  };
  const myText = `${JSON.stringify(mine)}\n`;
  let holder: LockRecord | undefined;
  // Bounded: each turn either takes the lock, finds it held, or saw it change hands meanwhile.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createWithContent(file, myText)) {
      return { file, release: () => release(file, myText) };
    }
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text === undefined) continue; // Released meanwhile: try again.
    holder = parseHolder(text);
    if (holder !== undefined && !isStale(holder, options)) break;
    if (await takeOver(file, text, myText, options)) {
      return { file, release: () => release(file, myText) };
    }
    // Another run took it over first: the next turn finds its lock, fresh.
  }
  throw new LockError(
    `Another crieur run (process ${holder?.pid ?? "?"} on ${holder?.host ?? "?"}, started ` +
      `${holder?.startedAt ?? "at an unknown time"}) is using ${resolve(stateDir)}; this run ` +
      `did nothing. If no other run is going on, delete ${file}.`,
  );
}

/**
 * Creates `file` with its content in one step, or answers false when it exists. Writing into a
 * file opened with "wx" would leave it empty for a moment, and a second run reading it then would
 * take it for a stale lock: so the content goes to a temporary file first, linked into place
 * (link never replaces an existing file).
 */
async function createWithContent(file: string, content: string): Promise<boolean> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, content, "utf8");
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new LockError(`Cannot create the lock file ${file}: ${(error as Error).message}`);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Where runs taking over the lock whose text is `lockText` compete; named after that text. */
export function takeoverClaimOf(file: string, lockText: string): string {
  return `${file}.${createHash("sha256").update(lockText).digest("hex").slice(0, 16)}.claim`;
}

/**
 * Replaces the stale lock `staleText` in `file` with `myText`, if no other run did first.
 *
 * Runs taking the same stale lock over first compete for a claim named after it (created like a
 * lock: one winner). The winner checks the lock is still the stale one and renames its claim
 * over it: the lock file is replaced in one step and never missing, so no run can create it in
 * between, and a run arriving late finds the claim free but the lock changed. A claim left by a
 * run that died while holding it is stale like a lock, and taken over the same way, once.
 */
async function takeOver(
  file: string,
  staleText: string,
  myText: string,
  options: LockOptions,
  nested = false,
): Promise<boolean> {
  const claim = takeoverClaimOf(file, staleText);
  if (!(await createWithContent(claim, myText))) {
    const claimText = await readFile(claim, "utf8").catch(() => undefined);
    if (claimText === undefined || nested) return false;
    const claimer = parseHolder(claimText);
    if (claimer !== undefined && !isStale(claimer, options)) return false;
    if (!(await takeOver(claim, claimText, myText, options, true))) return false;
  }
  const current = await readFile(file, "utf8").catch(() => undefined);
  if (current !== staleText) {
    await unlink(claim).catch(() => undefined);
    return false;
  }
  // Fails only if the claim was taken from this run meanwhile: then the other run has the lock.
  return rename(claim, file).then(
    () => true,
    () => false,
  );
}

function isStale(holder: LockRecord, options: LockOptions): boolean {
  const age = options.now.getTime() - Date.parse(holder.startedAt);
  if (!(age < (options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS))) return true;
  const alive = options.isAlive ?? processIsAlive;
  return holder.host === hostname() && !alive(holder.pid);
}

function parseHolder(text: string): LockRecord | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockRecord>;
    if (typeof data.pid !== "number" || typeof data.startedAt !== "string") return undefined;
    return { pid: data.pid, host: String(data.host ?? ""), startedAt: data.startedAt };
  } catch {
    // Unreadable: written by hand or damaged (crieur's own lock files are complete when they appear).
    return undefined;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function release(file: string, myText: string): Promise<void> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === myText) await unlink(file).catch(() => undefined);
}
