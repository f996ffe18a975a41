/**
 * End to end: hostile feeds of 3 MB next to a good one, through the compiled CLI. Each hostile
 * feed ends as its own warning or is read; the good feed still posts. Before issue 9's fixes, any
 * one of these kept the run busy for minutes to hours, until the job's timeout stopped every feed.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runCli } from "./support/cli.js";
import {
  credentialsEnv,
  type FakeX,
  fakeXCredentials,
  startFakeX,
} from "./support/fake-x-server.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import { type HostileShape, hostileFeed } from "./support/hostile-feeds.js";

const SIZE = 3_000_000;

/** What each hostile feed comes to: the warning it gets, or undefined when it is read. */
const EXPECTED: Record<HostileShape, RegExp | undefined> = {
  unclosed: /XML is broken and could not be repaired \(Unclosed root tag at line 56606/,
  ampersands: undefined,
  nesting: /nests more than 512 levels deep/,
  "html-nesting": undefined,
  "escaped-tags": undefined,
  declarations: /more '<!…>' markup that is no comment, CDATA section or doctype/,
  doctype: /the document ends before its first element/,
  "inline-markup": undefined,
  "long-line": undefined,
};
const SHAPES = Object.keys(EXPECTED) as HostileShape[];

const credentials = fakeXCredentials();
let work: string;
let feeds: FeedServer;
let fakeX: FakeX;
let result: CliResult;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "crieur-hostile-"));
  feeds = await startFeedServer();
  fakeX = await startFakeX({ credentials });
  feeds.route("/good.xml", {
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title><item><title>Still posted</title><link>https://good.example/1</link><guid>good-1</guid></item></channel></rss>`,
  });
  // Hostile feeds first, so the good one waits behind them if they stall the run.
  const lines = ["feeds:"];
  for (const shape of SHAPES) {
    feeds.route(`/${shape}.xml`, { body: hostileFeed(shape, SIZE) });
    lines.push(`  - id: ${shape}`, `    url: ${feeds.url(`/${shape}.xml`)}`);
  }
  lines.push("  - id: good", `    url: ${feeds.url("/good.xml")}`, "    firstRunPosts: 1");
  await writeFile(join(work, "feeds.yml"), `${lines.join("\n")}\n`, "utf8");
  result = await runCli(["run"], {
    cwd: work,
    env: { ...credentialsEnv(credentials), CRIEUR_X_API_URL: fakeX.url },
  });
});

afterAll(async () => {
  await Promise.all([feeds.close(), fakeX.close()]);
  await rm(work, { recursive: true, force: true });
});

describe("crieur run with hostile feeds of 3 MB", () => {
  it("posts the good feed and finishes the run (fresh failures are not red)", () => {
    expect(result.code, result.stderr).toBe(0);
    expect(fakeX.posts.map((post) => post.text)).toEqual([expect.stringContaining("Still posted")]);
  });

  it.each(SHAPES)("ends the %s feed with its own warning, or reads it", async (shape) => {
    const expected = EXPECTED[shape];
    const warning = new RegExp(`Feed '${shape}' skipped: Cannot read the feed [^\\n]*`);
    if (expected === undefined) {
      expect(result.stderr).not.toMatch(warning);
      expect(await readdir(join(work, "state"))).toContain(`${shape}.json`);
    } else {
      expect(result.stderr.match(warning)?.[0]).toMatch(expected);
    }
  });
});
