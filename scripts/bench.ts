/**
 * `npm run bench`: what crieur costs, measured on the real program (the bundle in dist/, built
 * first) run as a child process against local feed servers and the local fake X API. Several runs
 * per case; prints a table (median and min–max) and writes bench-results/bench-<time>.json. Cases
 * and targets are those of issues 6 and 14. Nothing here touches the internet except `npm ci`
 * (the job "with an install", for comparison), which reads npm's cache first (--prefer-offline).
 * CRIEUR_BENCH_NODE=/path/to/node adds the no-op run on that Node too (the runners' Node 24).
 */
import { type ExecFileSyncOptions, execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildDist } from "../test/support/build-once.js";
import { CLI_PATH } from "../test/support/cli.js";
import { credentialsEnv, fakeXCredentials, startFakeX } from "../test/support/fake-x-server.js";
import { type FeedRoute, startFeedServer } from "../test/support/feed-server.js";
import { BARE_GIT_ENV, createShippedRepo, DIST_DIR } from "../test/support/shipped-repo.js";
import { startByteCounter } from "./bench/byte-counter.js";
import { syntheticCalendar } from "./bench/calendar.js";
import { feedsYaml, syntheticRss } from "./bench/feeds.js";
import { HOSTILE_SIZES_MB, measureHostileParsing } from "./bench/hostile.js";
import { type Measured, measureNode, RSS_METHOD, type Spread, spread } from "./bench/measure.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const TRACE_IMPORTS = fileURLToPath(new URL("./bench/trace-imports.mjs", import.meta.url));

/** Runs per case: enough for a stable median on a noisy 2-core runner, within five minutes. */
const RUNS = {
  quick: 7,
  job: 5,
  latency: 3,
  scale100: 3,
  scale1000: 2,
  bandwidth: 3,
  calendar: 3,
  curation: 3,
  hostile: 3,
} as const;

interface Row {
  readonly figure: string;
  readonly unit: "ms" | "MB" | "B" | "×" | "%" | "";
  readonly value: Spread | number | string;
  readonly target?: string;
  readonly met?: boolean;
}

const rows: Row[] = [];
const scratchDirs: string[] = [];

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  log("building dist/ …");
  const build = await buildDist();
  if (!build.ok) throw new Error(`The build failed:\n${build.output}`);

  const credentials = fakeXCredentials();
  const fakeX = await startFakeX({ credentials });
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    ...credentialsEnv(credentials),
    CRIEUR_X_API_URL: fakeX.url,
  };
  const results: Record<string, unknown> = {};
  try {
    // `npm run bench -- hostile scale` runs only those cases (the no-op case needs the floor).
    const only = new Set(process.argv.slice(2));
    const wanted = (name: string) => only.size === 0 || only.has(name);
    if (wanted("floor") || wanted("noop")) results.floor = await floorCase(env);
    if (wanted("noop")) results.noop = await noopCase(env, results.floor as Floor);
    if (wanted("job")) results.job = await jobCase(env);
    if (wanted("bandwidth")) results.bandwidth = await bandwidthCase(env);
    if (wanted("latency")) results.latency = await latencyCase(env);
    if (wanted("scale")) results.scale = await scaleCase(env);
    if (wanted("calendar")) results.calendar = await calendarCase(env);
    if (wanted("curation")) results.curation = await curationCase(env);
    if (wanted("startup")) results.startup = await startupCase(env);
    if (wanted("hostile")) results.hostile = await hostileCase();
    if (wanted("bundle")) results.bundle = await bundleCase();
    if (fakeX.posts.length > 0)
      throw new Error(`the fake X got ${fakeX.posts.length} posts; expected none`);
  } finally {
    await fakeX.close();
    for (const dir of scratchDirs) await rm(dir, { recursive: true, force: true });
  }

  const totalSeconds = (performance.now() - started) / 1000;
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGB: Math.round(totalmem() / 1e9),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    rssMethod: RSS_METHOD,
  };
  printTable(machine, totalSeconds);
  const outDir = join(root, "bench-results");
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `bench-${new Date().toISOString().replaceAll(":", "-")}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine, totalSeconds, rows, results }, null, 2)}\n`,
  );
  process.stdout.write(`\nJSON: ${file}\n`);
  if (rows.some((row) => row.met === false))
    process.stdout.write("Some targets are not met (see ✗).\n");
}

// ---------------------------------------------------------------------------------------------
// Cases

async function floorCase(env: Record<string, string>) {
  log("floor: node -e 0 …");
  const runs = await repeat(RUNS.quick, () => measureNode(["-e", "0"], { cwd: root, env }));
  const wallMs = spread(runs.map((run) => run.wallMs));
  const cpuMs = spread(runs.map((run) => run.cpuMs));
  rows.push({ figure: "floor: node -e 0", unit: "ms", value: wallMs });
  rows.push({ figure: "floor: node -e 0, CPU (user + sys)", unit: "ms", value: cpuMs });
  return { wallMs, cpuMs, peakRssMB: spread(runs.map(rssMB)) };
}

/**
 * 20 feeds answering 304: the run most scheduled runs are. Also as in a workflow (GITHUB_ACTIONS
 * set: annotations through @actions/core), and on CRIEUR_BENCH_NODE when it is given.
 */
interface Floor {
  readonly wallMs: Spread;
  readonly cpuMs: Spread;
}

async function noopCase(env: Record<string, string>, floor: Floor) {
  log("no-op: 20 feeds, all 304 …");
  const server = await startFeedServer(etagRoutes(20, 100));
  try {
    const work = await workDir(feedsYaml(20, (i) => server.url(`/feed/${i}.xml`)));
    await cli(work, env, ["run"]); // first sight: records the feeds and their ETags
    const before = server.requests.length;
    const runs = await repeat(RUNS.quick, () => cli(work, env, ["run"]));
    const not304 = server.requests.slice(before).filter((request) => request.status !== 304);
    if (not304.length > 0) throw new Error(`no-op case: ${not304.length} answers were not 304`);
    const out: Record<string, unknown> = {};
    out.plain = noopRows("no-op run: 20 feeds, all 304", runs, floor);

    log("no-op: the same as in a workflow (GITHUB_ACTIONS=true) …");
    const actionsEnv = { ...env, GITHUB_ACTIONS: "true" };
    const inWorkflow = await repeat(RUNS.quick, () => cli(work, actionsEnv, ["run"]));
    out.workflow = noopRows("no-op run in a workflow (GITHUB_ACTIONS)", inWorkflow, floor);

    log("no-op: the same with three targets (X, Mastodon, Bluesky) configured …");
    const targetsYaml = [
      "targets:",
      "  x: { network: x }",
      "  toot: { network: mastodon }",
      "  sky: { network: bluesky }",
      "",
    ].join("\n");
    const threeWork = await workDir(
      targetsYaml + feedsYaml(20, (i) => server.url(`/feed/${i}.xml`)),
    );
    // Never contacted: a no-op run posts nothing, and the publishers load only to post.
    const threeEnv = {
      ...env,
      MASTODON_URL: "http://127.0.0.1:9",
      MASTODON_TOKEN: "bench-token",
      BLUESKY_HANDLE: "bench.test",
      BLUESKY_APP_PASSWORD: "abcd-efgh-ijkl-mnop",
      BLUESKY_SERVICE: "http://127.0.0.1:9",
    };
    await cli(threeWork, threeEnv, ["run"]);
    const threeRuns = await repeat(RUNS.quick, () => cli(threeWork, threeEnv, ["run"]));
    out.threeTargets = noopRows("no-op run with three targets configured", threeRuns, floor);
    const extraMs =
      spread(threeRuns.map((run) => run.wallMs)).median -
      spread(runs.map((run) => run.wallMs)).median;
    rows.push({
      figure: "no-op run: three targets against one",
      unit: "ms",
      value: Math.round(extraMs),
      target: "≤ 50 ms more",
      met: extraMs <= 50,
    });

    const other = process.env.CRIEUR_BENCH_NODE;
    if (other) {
      const version = execFileSync(other, ["--version"], { encoding: "utf8" }).trim();
      log(`no-op: the same on Node ${version} …`);
      const floorRuns = await repeat(RUNS.quick, () =>
        measureNode(["-e", "0"], { cwd: work, env, node: other }),
      );
      const otherFloor = {
        wallMs: spread(floorRuns.map((run) => run.wallMs)),
        cpuMs: spread(floorRuns.map((run) => run.cpuMs)),
      };
      rows.push({
        figure: `floor on Node ${version}: node -e 0 (CPU: ${Math.round(otherFloor.cpuMs.median)} ms)`,
        unit: "ms",
        value: otherFloor.wallMs,
      });
      const otherRuns = await repeat(RUNS.quick, () =>
        cli(work, actionsEnv, ["run"], [], { node: other }),
      );
      out.otherNode = {
        version,
        floorMs: otherFloor,
        ...noopRows(`no-op run on Node ${version}, in a workflow`, otherRuns, otherFloor),
      };
    }
    return out;
  } finally {
    await server.close();
  }
}

/** The no-op targets of issue 14: at most 200 ms over `node -e 0`, at most 80 MB at the peak. */
function noopRows(figure: string, runs: readonly Measured[], floor: Floor) {
  const wallMs = spread(runs.map((run) => run.wallMs));
  const cpuMs = spread(runs.map((run) => run.cpuMs));
  const peakRssMB = spread(runs.map(rssMB));
  const overMs = wallMs.median - floor.wallMs.median;
  const overCpuMs = cpuMs.median - floor.cpuMs.median;
  rows.push({
    figure,
    unit: "ms",
    value: wallMs,
    target: `≤ floor + 200 ms (floor + ${Math.round(overMs)} ms)`,
    met: overMs <= 200,
  });
  // What a busy machine does not inflate: the run's own work, against the floor's.
  rows.push({
    figure: `${figure}: CPU`,
    unit: "ms",
    value: cpuMs,
    target: `(floor + ${Math.round(overCpuMs)} ms of CPU)`,
  });
  rows.push({
    figure: `${figure}: peak RSS`,
    unit: "MB",
    value: peakRssMB,
    target: "≤ 80 MB",
    met: peakRssMB.median <= 80,
  });
  return { wallMs, overFloorMs: overMs, cpuMs, overFloorCpuMs: overCpuMs, peakRssMB };
}

/**
 * The whole scheduled job when nothing is new, 20 feeds: a fresh clone of a repository holding
 * only dist/, feeds.yml and state/, `crieur run`, then `crieur commit-state --push` (which finds
 * nothing to commit). Once more the way post.yml did it before the bundle, with an install and a
 * build in the clone, for comparison.
 */
async function jobCase(env: Record<string, string>) {
  log("whole job: fresh clone + run + commit-state, 20 feeds, all 304 …");
  const server = await startFeedServer(etagRoutes(20, 100));
  const yml = feedsYaml(20, (i) => server.url(`/feed/${i}.xml`));
  const gitEnv = { ...env, ...BARE_GIT_ENV };
  const seeded = await workDir(yml);
  await cli(seeded, env, ["run"]); // the feeds' state, as earlier runs left it
  const files: Record<string, string> = { "feeds.yml": yml };
  for (const name of await readdir(join(seeded, "state"))) {
    files[`state/${name}`] = await readFile(join(seeded, "state", name), "utf8");
  }
  const repo = await createShippedRepo(files);
  try {
    const head = await repo.git(repo.remote, "rev-parse", "main");
    const wallMs: number[] = [];
    const crieurCpuMs: number[] = [];
    for (let i = 0; i < RUNS.job; i++) {
      const started = performance.now();
      const clone = await repo.clone();
      const script = join(clone, "dist", "cli.js");
      const run = await cli(clone, gitEnv, ["run"], [], { script });
      const save = await cli(clone, gitEnv, ["commit-state", "--push"], [], { script });
      wallMs.push(performance.now() - started);
      crieurCpuMs.push(run.cpuMs + save.cpuMs);
    }
    if ((await repo.git(repo.remote, "rev-parse", "main")) !== head) {
      throw new Error("whole job: a run with nothing new committed something");
    }
    const job = spread(wallMs);
    rows.push({
      figure: "whole job, fresh clone, nothing new (20 feeds)",
      unit: "ms",
      value: job,
      target: "≤ 1500 ms, nothing installed",
      met: job.median <= 1500,
    });
    rows.push({
      figure: "whole job: CPU of run + commit-state",
      unit: "ms",
      value: spread(crieurCpuMs),
    });

    log("whole job with an install (npm ci + build in the clone), once, for comparison …");
    const project = await scratch("crieur-bench-project-");
    const installing = join(project, "clone");
    const started = performance.now();
    execFileSync("git", ["clone", "--quiet", "--no-hardlinks", root, installing]);
    await mkdir(join(installing, "state"), { recursive: true });
    for (const [path, text] of Object.entries(files)) await writeFile(join(installing, path), text);
    const quiet: ExecFileSyncOptions = { cwd: installing, stdio: ["ignore", "ignore", "inherit"] };
    execFileSync(
      "npm",
      ["ci", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund"],
      quiet,
    );
    execFileSync("npm", ["run", "build", "--silent"], quiet);
    await cli(installing, gitEnv, ["run"], [], { script: join(installing, "dist", "cli.js") });
    const withInstallMs = performance.now() - started;
    rows.push({
      figure: "job as before: clone + npm ci + build + run (1 run)",
      unit: "ms",
      value: withInstallMs,
    });
    return { wallMs: job, withInstallMs };
  } finally {
    await repo.remove();
    await server.close();
  }
}

/** Wire bytes (both ways, headers included) of an unchanged second run ÷ the first run's. */
async function bandwidthCase(env: Record<string, string>) {
  log("bandwidth: 20 feeds, first run then unchanged runs …");
  const server = await startFeedServer(etagRoutes(20, 100));
  const counter = await startByteCounter(server.port);
  try {
    const work = await workDir(feedsYaml(20, (i) => `${counter.origin}/feed/${i}.xml`));
    await cli(work, env, ["run"]);
    const firstBytes = counter.bytes();
    const secondBytes: number[] = [];
    for (let i = 0; i < RUNS.bandwidth; i++) {
      counter.reset();
      await cli(work, env, ["run"]);
      secondBytes.push(counter.bytes());
    }
    const second = spread(secondBytes).median;
    const percent = (100 * second) / firstBytes;
    rows.push({
      figure: "bandwidth: first run (20 feeds × 100 items)",
      unit: "B",
      value: firstBytes,
    });
    rows.push({ figure: "bandwidth: unchanged second run", unit: "B", value: second });
    rows.push({
      figure: "bandwidth: second ÷ first",
      unit: "%",
      value: percent,
      target: "≤ 5 %",
      met: percent <= 5,
    });
    return { firstBytes, secondBytes, percent };
  } finally {
    await counter.close();
    await server.close();
  }
}

/**
 * A 5,000-event calendar fetched, parsed and expanded within the horizon on every run (a server
 * without validators). Dry runs: no state is written, so each run is the whole parse.
 */
async function calendarCase(env: Record<string, string>) {
  log("calendar: 5000 events, dry runs …");
  const body = Buffer.from(syntheticCalendar(5000, Date.now()));
  const server = await startFeedServer({
    "/agenda.ics": { body, headers: { "content-type": "text/calendar; charset=utf-8" } },
  });
  try {
    const work = await workDir(feedsYaml(1, () => server.url("/agenda.ics")));
    const runs = await repeat(RUNS.calendar, () => cli(work, env, ["run", "--dry-run"]));
    const wallMs = spread(runs.map((run) => run.wallMs));
    const peakRssMB = spread(runs.map(rssMB));
    const figure = `calendar: 5000 events (${(body.byteLength / 1e6).toFixed(1)} MB .ics), one run`;
    rows.push({ figure: `${figure}: wall`, unit: "ms", value: wallMs });
    rows.push({ figure: `${figure}: peak RSS`, unit: "MB", value: peakRssMB });
    return { wallMs, peakRssMB, bytes: body.byteLength };
  } finally {
    await server.close();
  }
}

/** 50 feeds that each take 300 ms to answer: 15 s if fetched one after the other. */
async function latencyCase(env: Record<string, string>) {
  const out: Record<string, Spread> = {};
  const server = await startFeedServer(
    Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [
        `/slow/${i}.xml`,
        { ...rssRoute(i, 20), delayMs: 300 },
      ]),
    ),
  );
  try {
    for (const concurrency of [undefined, 64]) {
      const label =
        concurrency === undefined
          ? "default fetch.concurrency"
          : `fetch.concurrency ${concurrency}`;
      log(`latency: 50 feeds × 300 ms, ${label} …`);
      const work = await workDir(
        feedsYaml(50, (i) => server.url(`/slow/${i}.xml`), concurrency ? { concurrency } : {}),
      );
      await cli(work, env, ["run"]);
      const runs = await repeat(RUNS.latency, () => cli(work, env, ["run"]));
      const wallMs = spread(runs.map((run) => run.wallMs));
      out[concurrency === undefined ? "default" : `concurrency${concurrency}`] = wallMs;
      rows.push({
        figure: `latency: 50 feeds × 300 ms (${label})`,
        unit: "ms",
        value: wallMs,
        ...(concurrency === undefined ? { target: "≤ 1200 ms", met: wallMs.median <= 1200 } : {}),
      });
    }
    return out;
  } finally {
    await server.close();
  }
}

/** 100 and 1000 feeds × 100 items, fetched in full, with state already holding every key. */
async function scaleCase(env: Record<string, string>) {
  log("scale: generating 1000 feeds × 100 items …");
  const routes: Record<string, FeedRoute> = {};
  let feedBytes = 0;
  for (let i = 0; i < 1000; i++) {
    const route = rssRoute(i, 100);
    feedBytes += (route.body as Buffer).byteLength;
    routes[`/big/${i}.xml`] = route;
  }
  const server = await startFeedServer(routes);
  const sizes: Record<string, unknown> = {};
  try {
    for (const [feeds, runsCount] of [
      [100, RUNS.scale100],
      [1000, RUNS.scale1000],
    ] as const) {
      log(`scale: ${feeds} feeds × 100 items …`);
      const work = await workDir(feedsYaml(feeds, (i) => server.url(`/big/${i}.xml`)));
      const first = await cli(work, env, ["run"]); // first sight records every key
      const state = await stateSize(join(work, "state"));
      if (state.keys !== feeds * 100) {
        throw new Error(`scale ${feeds}: state holds ${state.keys} keys, expected ${feeds * 100}`);
      }
      const runs = await repeat(runsCount, () => cli(work, env, ["run"]));
      const wallMs = spread(runs.map((run) => run.wallMs));
      const peakRssMB = spread(runs.map(rssMB));
      const bytesPerKey = state.bytes / state.keys;
      sizes[feeds] = {
        wallMs,
        peakRssMB,
        firstSightWallMs: first.wallMs,
        firstSightPeakRssMB: rssMB(first),
        stateBytes: state.bytes,
        stateKeys: state.keys,
        bytesPerKey,
        feedBytes: (feedBytes / 1000) * feeds,
      };
      const big = feeds === 1000;
      rows.push({
        figure: `scale ${feeds} feeds × 100 items: wall`,
        unit: "ms",
        value: wallMs,
        ...(big ? { target: "≤ 10000 ms", met: wallMs.median <= 10_000 } : {}),
      });
      rows.push({
        figure: `scale ${feeds} feeds × 100 items: peak RSS`,
        unit: "MB",
        value: peakRssMB,
        ...(big ? { target: "≤ 400 MB", met: peakRssMB.max <= 400 } : {}),
      });
      rows.push({
        figure: `scale ${feeds}: first sight (1 run), wall / RSS`,
        unit: "",
        value: `${Math.round(first.wallMs)} ms / ${rssMB(first).toFixed(0)} MB`,
      });
      rows.push({
        figure: `scale ${feeds}: state bytes per key (${state.keys} keys, ${(state.bytes / 1e6).toFixed(2)} MB)`,
        unit: "B",
        value: bytesPerKey,
      });
    }
    const small = sizes[100] as { wallMs: Spread; peakRssMB: Spread };
    const large = sizes[1000] as { wallMs: Spread; peakRssMB: Spread };
    const growth = large.wallMs.median / small.wallMs.median;
    rows.push({
      figure: "scale growth 100 → 1000 feeds (wall)",
      unit: "×",
      value: growth,
      target: "≤ 11×",
      met: growth <= 11,
    });
    rows.push({
      figure: "scale growth 100 → 1000 feeds (peak RSS)",
      unit: "×",
      value: large.peakRssMB.median / small.peakRssMB.median,
    });
    return { feedBytesPerFeed: feedBytes / 1000, ...sizes, growth };
  } finally {
    await server.close();
  }
}

/**
 * A curation account: 200 feeds × 100 known items, each now listing 10 new ones, with filters
 * (prefixes, a phrase, a regular expression) in `defaults` and the same articles, under different
 * tracking parameters, in two feeds each. Dry runs, so every run sees the same new items; the same
 * feeds without filters are the reference.
 */
async function curationCase(env: Record<string, string>) {
  const feeds = 200;
  const routes: Record<string, FeedRoute> = {};
  for (let i = 0; i < feeds; i++) routes[`/cur/${i}.xml`] = rssRoute(i, 100);
  const server = await startFeedServer(routes);
  const filters = [
    "defaults:",
    '  include: [musée, expo*, "visite guidée", /nocturnes?\\s+(du|au)\\s+musée/i]',
    "  exclude: [annul*, complet]",
    "  minLength: 20",
  ].join("\n");
  try {
    log(`curation: ${feeds} feeds × 100 items + 10 new each, with and without filters …`);
    const yml = feedsYaml(feeds, (i) => server.url(`/cur/${i}.xml`));
    const plain = await workDir(yml);
    const filtered = await workDir(`${filters}\n${yml}`);
    // First sight records the 100 items of every feed; then each feed lists 10 more.
    for (const work of [plain, filtered]) await cli(work, env, ["run"]);
    for (let i = 0; i < feeds; i++) server.route(`/cur/${i}.xml`, curationRoute(i, feeds));
    // Alternated, so a load that comes and goes on the machine weighs on both alike.
    const runs = { plain: [] as Measured[], filtered: [] as Measured[] };
    for (let round = 0; round < RUNS.curation; round++) {
      runs.plain.push(await cli(plain, env, ["run", "--dry-run"]));
      runs.filtered.push(await cli(filtered, env, ["run", "--dry-run"]));
    }
    const skipped = Number(/(\d+) skipped/.exec(runs.filtered[0]?.stdout ?? "")?.[1] ?? "0");
    if (skipped < feeds * 5) {
      throw new Error(`curation case: only ${skipped} items skipped; the filters did not act`);
    }
    const out = {
      plain: spread(runs.plain.map((run) => run.wallMs)),
      filtered: spread(runs.filtered.map((run) => run.wallMs)),
    };
    rows.push({
      figure: `curation: ${feeds} feeds, 10 new items each, without filters`,
      unit: "ms",
      value: out.plain,
    });
    rows.push({
      figure: `curation: the same with filters (${skipped} skipped)`,
      unit: "ms",
      value: out.filtered,
      target: "≤ 10000 ms (the 1000-feed target)",
      met: out.filtered.median <= 10_000,
    });
    const overhead = (100 * (out.filtered.median - out.plain.median)) / out.plain.median;
    rows.push({
      figure: "curation: filters and one story once, extra time",
      unit: "%",
      value: overhead,
    });
    return { ...out, overheadPercent: overhead };
  } finally {
    await server.close();
  }
}

/** Feed `feed` with 10 new items on top: titles the filters take or leave, shared articles. */
function curationRoute(feed: number, feeds: number): FeedRoute {
  const origin = `https://site-${feed}.example.org`;
  const titles = [
    "Visite guidée du musée",
    "Exposition annulée",
    "Nocturne au musée",
    "Atelier dessin pour les familles",
    "Expositions d'été",
  ];
  const news: string[] = [];
  for (let j = 10; j > 0; j--) {
    // Feeds f and f + feeds/2 carry the same articles, each with its own tracking parameters.
    const article = (feed % (feeds / 2)) * 10 + j;
    news.push(
      "<item>",
      `<title>${titles[j % titles.length]} n°${article}</title>`,
      `<link>https://agenda.example.org/articles/${article}?utm_source=site-${feed}&amp;utm_medium=rss</link>`,
      `<guid isPermaLink="false">${origin}/new/${j}</guid>`,
      `<pubDate>${new Date(Date.UTC(2026, 0, 2, j)).toUTCString()}</pubDate>`,
      "<description>Une nouvelle date de l'agenda, avec tous les détails pratiques.</description>",
      "</item>",
    );
  }
  const base = syntheticRss(feed, 100);
  const at = base.indexOf("<item>");
  return {
    body: Buffer.from(`${base.slice(0, at)}${news.join("")}${base.slice(at)}`),
    headers: { "content-type": "application/rss+xml; charset=utf-8" },
  };
}

/** `crieur check`, the bare import of the CLI, and which modules `check` and a no-op `run` load. */
async function startupCase(env: Record<string, string>) {
  log("startup: crieur check, imports …");
  const server = await startFeedServer(etagRoutes(20, 10));
  try {
    const work = await workDir(feedsYaml(20, (i) => server.url(`/feed/${i}.xml`)));
    const checks = await repeat(RUNS.quick, () => cli(work, env, ["check"]));
    const checkMs = spread(checks.map((run) => run.wallMs));
    rows.push({ figure: "startup: crieur check (20 feeds)", unit: "ms", value: checkMs });

    const importScript = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(CLI_PATH).href)}); process.stdout.write(String(performance.now() - t));`;
    const imports = await repeat(RUNS.quick, () =>
      measureNode(["--input-type=module", "-e", importScript], { cwd: work, env }),
    );
    const importMs = spread(imports.map((run) => Number(run.stdout)));
    rows.push({ figure: "startup: import dist/cli.js (in-process)", unit: "ms", value: importMs });

    await cli(work, env, ["run"]); // so the traced run below is a no-op (304s)
    const loaded: Record<string, ModulesLoaded> = {};
    for (const command of ["check", "run"]) {
      const list = join(work, `imports-${command}.txt`);
      await cli(
        work,
        { ...env, CRIEUR_BENCH_IMPORTS: list },
        [command],
        ["--import", TRACE_IMPORTS],
      );
      loaded[command] = await modulesLoaded(await readFile(list, "utf8"));
      const summary = loaded[command] as ModulesLoaded;
      const outside = Object.keys(summary.packages);
      rows.push({
        figure: `startup: files loaded by ${command === "run" ? "a no-op run" : "check"}`,
        unit: "",
        value: `${summary.files} of dist/, ${(summary.bytes / 1e3).toFixed(0)} kB; from node_modules: ${outside.join(", ") || "none"}`,
      });
    }
    return { checkMs, importMs, loaded };
  } finally {
    await server.close();
  }
}

/** Parse time per MB of hostile input at 1, 3 and 10 MB: flat when the parse stage is linear. */
async function hostileCase() {
  const figures = await measureHostileParsing(
    join(root, "dist"),
    await scratch("crieur-bench-hostile-"),
    RUNS.hostile,
    log,
  );
  const [smallest, , largest] = HOSTILE_SIZES_MB;
  for (const { shape, cpuMsPerMB: rate, peakRssMB } of figures) {
    const rates = HOSTILE_SIZES_MB.map((mb) => Math.round(rate[mb] ?? Number.NaN));
    const growth = (rate[largest] ?? Number.NaN) / (rate[smallest] ?? Number.NaN);
    rows.push({
      figure: `parse: hostile input (${shape}), CPU ms per MB at ${HOSTILE_SIZES_MB.join(" / ")} MB`,
      unit: "",
      value: `${rates.join(" / ")}; ${Math.round(peakRssMB[largest] ?? 0)} MB RSS at ${largest} MB`,
      target: `linear: ${largest} MB ≤ 2× ${smallest} MB per MB (${growth.toFixed(2)}×)`,
      met: growth <= 2,
    });
  }
  return figures;
}

/** The bundle: what the repository ships and the workflows run. */
async function bundleCase() {
  log("bundle: dist/ on disk …");
  const files = (await readdir(DIST_DIR, { recursive: true, withFileTypes: true })).filter(
    (entry) => entry.isFile(),
  ).length;
  const bytes = await directoryBytes(DIST_DIR);
  rows.push({ figure: `bundle: dist/ on disk (${files} files)`, unit: "MB", value: bytes / 1e6 });
  return { files, bytes };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function rssRoute(feed: number, items: number): FeedRoute {
  return {
    body: Buffer.from(syntheticRss(feed, items)),
    headers: { "content-type": "application/rss+xml; charset=utf-8" },
  };
}

/** Routes /feed/<i>.xml with an ETag and a Last-Modified, so unchanged feeds answer 304. */
function etagRoutes(count: number, items: number): Record<string, FeedRoute> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `/feed/${i}.xml`,
      { ...rssRoute(i, items), etag: `"v1-${i}"`, lastModified: "Thu, 01 Jan 2026 00:00:00 GMT" },
    ]),
  );
}

async function scratch(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

async function workDir(feedsYml: string): Promise<string> {
  const dir = await scratch("crieur-bench-");
  await writeFile(join(dir, "feeds.yml"), feedsYml);
  await mkdir(join(dir, "state"));
  return dir;
}

/** Runs the CLI and insists it succeeded: figures of a failing run would mean nothing. */
async function cli(
  work: string,
  env: Record<string, string>,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
  options: { readonly script?: string; readonly node?: string } = {},
): Promise<Measured> {
  const result = await measureNode([...nodeFlags, options.script ?? CLI_PATH, ...args], {
    cwd: work,
    env,
    ...(options.node ? { node: options.node } : {}),
  });
  if (result.code !== 0) {
    throw new Error(
      `crieur ${args.join(" ")} exited with ${result.code}:\n${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`,
    );
  }
  return result;
}

async function repeat<T>(times: number, once: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await once());
  return out;
}

function rssMB(run: Measured): number {
  return run.peakRssBytes / 1e6;
}

async function stateSize(dir: string): Promise<{ bytes: number; keys: number }> {
  let bytes = 0;
  let keys = 0;
  for (const name of await readdir(dir)) {
    const text = await readFile(join(dir, name), "utf8");
    bytes += Buffer.byteLength(text);
    const state = JSON.parse(text) as { done: object; queue: unknown[] };
    keys += Object.keys(state.done).length + state.queue.length;
  }
  return { bytes, keys };
}

async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

interface ModulesLoaded {
  /** Files of dist/ loaded, and their size. */
  readonly files: number;
  readonly bytes: number;
  /** Package name → files loaded from a node_modules folder (the bundle should need none). */
  readonly packages: Record<string, number>;
}

async function modulesLoaded(list: string): Promise<ModulesLoaded> {
  const urls = new Set(list.split("\n").filter((line) => line.startsWith("file:")));
  const packages: Record<string, number> = {};
  let files = 0;
  let bytes = 0;
  for (const url of urls) {
    if (url.includes("/scripts/bench/")) continue;
    const path = fileURLToPath(url);
    const inModules = path.lastIndexOf("/node_modules/");
    if (inModules >= 0) {
      const parts = path.slice(inModules + "/node_modules/".length).split("/");
      const name = parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? "?");
      packages[name] = (packages[name] ?? 0) + 1;
    } else if (path.startsWith(DIST_DIR)) {
      files += 1;
      bytes += (await stat(path)).size;
    }
  }
  return { files, bytes, packages };
}

function printTable(machine: Record<string, string | number>, totalSeconds: number): void {
  const format = (value: number, unit: Row["unit"]): string => {
    if (unit === "ms") return `${Math.round(value)} ms`;
    if (unit === "MB") return `${value.toFixed(1)} MB`;
    if (unit === "B") return `${Math.round(value)} B`;
    if (unit === "×") return `${value.toFixed(2)}×`;
    if (unit === "%") return `${value.toFixed(2)} %`;
    return String(value);
  };
  const lines = rows.map((row) => {
    let median: string;
    let range = "";
    if (typeof row.value === "string") median = row.value;
    else if (typeof row.value === "number") median = format(row.value, row.unit);
    else {
      median = format(row.value.median, row.unit);
      range = `${format(row.value.min, row.unit)} – ${format(row.value.max, row.unit)} (n=${row.value.samples.length})`;
    }
    const verdict = row.met === undefined ? "" : row.met ? "✓" : "✗";
    return [row.figure, median, range, row.target ? `${verdict} ${row.target}` : ""];
  });
  const header = ["figure", "median", "min – max", "target"];
  const widths = header.map((title, column) =>
    Math.min(
      60,
      Math.max(
        title.length,
        ...lines
          .filter((line) => (line[1] ?? "").length < 60)
          .map((line) => (line[column] ?? "").length),
      ),
    ),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join(" │ ")
      .trimEnd();
  process.stdout.write(
    `\ncrieur bench — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}; peak RSS via ${machine.rssMethod}; ${totalSeconds.toFixed(0)} s in all\n\n`,
  );
  process.stdout.write(
    `${render(header)}\n${widths.map((width) => "─".repeat(width)).join("─┼─")}\n`,
  );
  for (const line of lines) process.stdout.write(`${render(line)}\n`);
}

await main();
