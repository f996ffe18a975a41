import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireLock, LockError, lockFileOf, takeoverClaimOf } from "./lock.js";

let dir: string;
let state: string;
const now = new Date("2026-11-25T12:00:00Z");

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "crieur-lock-"));
  state = join(dir, "state");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("acquireLock", () => {
  it("one holder at a time; released, it can be taken again", async () => {
    const lock = await acquireLock(state, { now, pid: process.pid });
    expect(lock.file).toBe(`${state}.lock`);
    await expect(acquireLock(state, { now, pid: 1 })).rejects.toThrow(LockError);
    await expect(acquireLock(state, { now, pid: 1 })).rejects.toThrow(/Another crieur run/);
    await lock.release();
    const again = await acquireLock(state, { now });
    await again.release();
  });

  it.each([
    ["its process is gone", { pid: 4242, host: hostname(), startedAt: now.toISOString() }, false],
    [
      "it is older than the stale limit",
      { pid: 4242, host: "other", startedAt: "2026-11-25T10:00:00Z" },
      true,
    ],
    ["it is unreadable", "{ half", true],
  ])("takes over a lock when %s", async (_, content, alive) => {
    await writeFile(
      lockFileOf(state),
      typeof content === "string" ? content : JSON.stringify(content),
    );
    const lock = await acquireLock(state, { now, isAlive: () => alive });
    expect(JSON.parse(await readFile(lock.file, "utf8")).pid).toBe(process.pid);
    await lock.release();
  });

  it("respects a live lock on another host that is still recent", async () => {
    await writeFile(
      lockFileOf(state),
      JSON.stringify({ pid: 4242, host: "other", startedAt: "2026-11-25T11:50:00Z" }),
    );
    await expect(acquireLock(state, { now, isAlive: () => false })).rejects.toThrow(LockError);
  });

  // Many runs starting at once, as separate processes would: each gets its own pid. A race shows
  // only some of the time, hence many rounds: the stale takeover before this one gave the lock
  // to two runs in one file run of 5 with 10 rounds of 32 runs, and in
  // every file run of 40 rounds of 64.
  const rounds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  async function race(runs: number, isAlive: (pid: number) => boolean) {
    const attempts = await Promise.allSettled(
      Array.from({ length: runs }, (_, i) => acquireLock(state, { now, pid: 10_000 + i, isAlive })),
    );
    const winners = attempts.filter((attempt) => attempt.status === "fulfilled");
    const losers = attempts.flatMap((attempt) =>
      attempt.status === "rejected" ? [attempt.reason] : [],
    );
    for (const reason of losers) expect(reason).toBeInstanceOf(LockError);
    return winners.length;
  }

  it.each(rounds(10))(
    "gives the lock to exactly one of many runs starting at once (round %i)",
    async () => {
      // Every holder is alive: a run that saw a half-written lock and took it over would win too.
      expect(await race(32, () => true)).toBe(1);
      expect(JSON.parse(await readFile(lockFileOf(state), "utf8")).pid).toBeGreaterThanOrEqual(
        10_000,
      );
    },
  );

  it.each(rounds(40))(
    "gives a stale lock to exactly one of many runs taking it over at once (round %i)",
    async () => {
      await writeFile(
        lockFileOf(state),
        JSON.stringify({ pid: 4242, host: hostname(), startedAt: now.toISOString() }),
      );
      expect(await race(64, (pid) => pid !== 4242)).toBe(1);
      expect(JSON.parse(await readFile(lockFileOf(state), "utf8")).pid).toBeGreaterThanOrEqual(
        10_000,
      );
      expect(await readdir(dir)).toEqual(["state.lock"]);
    },
  );

  it("takes over a stale lock whose last taker died while taking it over", async () => {
    const stale = JSON.stringify({ pid: 4242, host: hostname(), startedAt: now.toISOString() });
    await writeFile(lockFileOf(state), stale);
    const claim = JSON.stringify({ pid: 4343, host: hostname(), startedAt: now.toISOString() });
    await writeFile(takeoverClaimOf(lockFileOf(state), stale), claim);
    const isAlive = (pid: number) => pid !== 4242 && pid !== 4343;
    const lock = await acquireLock(state, { now, isAlive });
    expect(JSON.parse(await readFile(lock.file, "utf8")).pid).toBe(process.pid);
    expect(await readdir(dir)).toEqual(["state.lock"]);
    await lock.release();
  });

  it("leaves a stale lock alone while a live run is taking it over", async () => {
    const stale = JSON.stringify({ pid: 4242, host: hostname(), startedAt: now.toISOString() });
    await writeFile(lockFileOf(state), stale);
    const claim = JSON.stringify({ pid: 4343, host: hostname(), startedAt: now.toISOString() });
    await writeFile(takeoverClaimOf(lockFileOf(state), stale), claim);
    await expect(acquireLock(state, { now, isAlive: (pid) => pid !== 4242 })).rejects.toThrow(
      LockError,
    );
    expect(await readFile(lockFileOf(state), "utf8")).toBe(stale);
  });

  it("leaves no temporary files next to the state folder", async () => {
    await race(8, () => true);
    const names = await readdir(dir);
    expect(names.sort()).toEqual(["state.lock"]);
  });

  it("release leaves a lock that another run took over", async () => {
    const lock = await acquireLock(state, { now });
    await writeFile(
      lock.file,
      JSON.stringify({ pid: 99, host: "x", startedAt: now.toISOString() }),
    );
    await lock.release();
    expect(JSON.parse(await readFile(lock.file, "utf8")).pid).toBe(99);
  });
});
