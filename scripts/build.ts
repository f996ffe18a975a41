/**
 * `npm run build`: bundles src/ into dist/, the program that ships (committed, run by the
 * workflows and the action with no node_modules). Two entries, dist/cli.js and dist/action.js;
 * what only some runs need (feed parser, twitter-text, X client, git, @actions/core) is split into
 * chunks under dist/chunks/, loaded by the code's dynamic import()s when a run needs them.
 *
 * The output is deterministic (same source and lock file → byte-identical dist/), so CI can
 * rebuild and compare it with the committed one: `npm run check:dist` (this script, --check). Not minified: the diffs of dist/ stay readable
 * and a crash's stack trace names real functions (README, "Building").
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build, type Metafile, type Plugin } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
export const DIST = join(root, "dist");

// Bundled CommonJS packages call require() for Node built-ins; an ES module has no require.
const REQUIRE_SHIM =
  'import { createRequire as __crieurCreateRequire } from "node:module";\n' +
  "const require = __crieurCreateRequire(import.meta.url);";

/**
 * Packages whose modules do nothing when imported, only when called, though their package.json
 * does not say so: an import of them that crieur never uses is dropped from the bundle.
 * @actions/core imports its HTTP client (and undici, 0.8 MB) only for OIDC tokens.
 */
const SIDE_EFFECT_FREE = [
  "@actions/http-client",
  "@actions/exec",
  "@actions/io",
  "undici",
  "tunnel",
];

const sideEffectFree: Plugin = {
  name: "side-effect-free",
  setup(build) {
    const filter = new RegExp(`^(${SIDE_EFFECT_FREE.join("|").replaceAll("/", "\\/")})(\\/|$)`);
    build.onResolve({ filter }, async (args) => {
      if (args.pluginData === "resolving") return undefined;
      const { path, errors } = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      return errors.length > 0 ? { errors } : { path, sideEffects: false };
    });
  },
};

export const BUILD_OPTIONS = {
  absWorkingDir: root,
  entryPoints: { cli: "src/cli.ts", action: "src/action.ts" },
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  banner: { js: REQUIRE_SHIM },
  legalComments: "none",
  plugins: [sideEffectFree],
  metafile: true,
  logLevel: "silent",
} as const satisfies BuildOptions;

/** Rebuilds dist/ from scratch (stale chunks must not survive); returns esbuild's messages. */
export async function buildDist(): Promise<{ readonly ok: boolean; readonly output: string }> {
  rmSync(DIST, { recursive: true, force: true });
  try {
    const result = await build(BUILD_OPTIONS);
    // dist/ must run wherever it is copied, even without the root package.json beside it.
    writeFileSync(join(DIST, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
    writeFileSync(join(DIST, "THIRD-PARTY-LICENSES.txt"), thirdPartyLicenses(result.metafile));
    const warnings = result.warnings.map((warning) => `warning: ${warning.text}`).join("\n");
    return { ok: true, output: warnings };
  } catch (error) {
    return { ok: false, output: (error as Error).message };
  }
}

/** The license text of every package bundled into dist/, which redistributes them. */
function thirdPartyLicenses(metafile: Metafile): string {
  const packages = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(input.slice(0, (match.index ?? 0) + match[0].length - 1));
  }
  const sections = [...packages].sort().map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as {
      name: string;
      version: string;
      license?: string;
    };
    const licenseFile = readdirSync(join(root, dir))
      .sort()
      .find((name) => /^(licen[cs]e|copying)/i.test(name));
    const text = licenseFile
      ? readFileSync(join(root, dir, licenseFile), "utf8").trim()
      : `License: ${manifest.license ?? "see the package"}`;
    return `${manifest.name} ${manifest.version} (${relative(root, join(root, dir))})\n\n${text}\n`;
  });
  return `Packages bundled into dist/ and their licenses.\n\n${sections.join(`\n${"-".repeat(72)}\n\n`)}`;
}

/** After a build: what in dist/ differs from the last commit (changed, deleted or new files). */
export function distChanges(): string {
  return execFileSync("git", ["status", "--porcelain", "--untracked-files=all", "--", "dist"], {
    cwd: root,
    encoding: "utf8",
  }).trimEnd();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await buildDist();
  if (result.output) process.stderr.write(`${result.output}\n`);
  process.exitCode = result.ok ? 0 : 1;
  if (result.ok && process.argv.includes("--check")) {
    const changes = distChanges();
    if (changes) {
      process.stderr.write(
        `dist/ does not match the source:\n${changes}\n` +
          "Run `npm run build` and commit dist/ with your change.\n",
      );
      process.exitCode = 1;
    } else {
      process.stderr.write("dist/ matches the source.\n");
    }
  }
}
