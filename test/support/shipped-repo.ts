/**
 * A repository as a user's has it: the shipped dist/ (no package.json, no node_modules anywhere
 * up the tree), a feeds.yml and state/, in a bare remote on disk; `clone()` makes a fresh clone
 * the way a workflow's checkout does. Used by the bundle and action tests and by `npm run bench`.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const exec = promisify(execFile);

export const DIST_DIR = fileURLToPath(new URL("../../dist", import.meta.url));

export interface ShippedRepo {
  /** The bare remote every clone pushes to. */
  readonly remote: string;
  /** A new clone of the remote's main branch, in a folder of its own. */
  clone(): Promise<string>;
  /** git in `cwd` (a clone, or the remote). */
  git(cwd: string, ...args: string[]): Promise<string>;
  remove(): Promise<void>;
}

/** git without the machine's or the user's configuration, as on a fresh runner. */
export const BARE_GIT_ENV = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" } as const;

function gitEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    ...BARE_GIT_ENV,
    GIT_AUTHOR_NAME: "Museum",
    GIT_AUTHOR_EMAIL: "web@museum.example",
    GIT_COMMITTER_NAME: "Museum",
    GIT_COMMITTER_EMAIL: "web@museum.example",
  };
}

export async function createShippedRepo(
  files: Readonly<Record<string, string>>,
): Promise<ShippedRepo> {
  const root = await mkdtemp(join(tmpdir(), "crieur-shipped-"));
  const nodeModules = await nodeModulesAbove(root);
  if (nodeModules) throw new Error(`${nodeModules} exists: the copy would not be on its own`);
  const git = async (cwd: string, ...args: string[]) =>
    (await exec("git", args, { cwd, env: gitEnv() })).stdout.trim();

  const seed = join(root, "seed");
  await mkdir(seed);
  await git(seed, "init", "--quiet", "--initial-branch=main");
  await cp(DIST_DIR, join(seed, "dist"), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(seed, path)), { recursive: true });
    await writeFile(join(seed, path), text);
  }
  await git(seed, "add", "-A");
  await git(seed, "commit", "--quiet", "-m", "A museum's crieur");
  const remote = join(root, "remote.git");
  await git(root, "clone", "--quiet", "--bare", seed, remote);

  let clones = 0;
  return {
    remote,
    git,
    async clone() {
      clones += 1;
      const dir = join(root, `clone-${clones}`);
      await git(root, "clone", "--quiet", remote, dir);
      return dir;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** The first node_modules folder in `dir` or above it, if any. */
async function nodeModulesAbove(dir: string): Promise<string | undefined> {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, "node_modules");
    if (await stat(candidate).catch(() => undefined)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

/** A small RSS agenda: one item per title, the last one newest; links museum.example/e/<index>. */
export function agendaRss(titles: readonly string[]): string {
  const items = titles
    .map(
      (title, i) =>
        `<item><title>${title}</title><link>https://museum.example/e/${i}</link><guid>e-${i}</guid>` +
        `<pubDate>${new Date(Date.UTC(2026, 10, 1 + i)).toUTCString()}</pubDate></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Agenda</title><link>https://museum.example/</link><description>d</description>${items}</channel></rss>`;
}
