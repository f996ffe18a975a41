/**
 * Corpus check: runs the built CLI (`node dist/cli.js items <file> --json`) over every real feed
 * listed in $FEED_CORPUS_DIR/MANIFEST.tsv and compares item count, first title and first link with
 * the manifest. Calendar rows (.ics) compare the events as written (one per VEVENT, a broken one
 * listed as skipped) with the manifest's VEVENT count and first title, and must also list their
 * occurrences cleanly. Skipped when FEED_CORPUS_DIR is unset.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Item, SkippedEvent, WrittenEvent } from "../src/sources/item.js";
import { toPlainTitle } from "../src/sources/normalize.js";

const corpusDir = process.env.FEED_CORPUS_DIR;
const root = fileURLToPath(new URL("..", import.meta.url));

interface ManifestRow {
  readonly filename: string;
  readonly format: string;
  readonly itemCount: number;
  readonly firstTitle: string;
  readonly firstLink: string;
  readonly notes: string;
}

function readManifest(dir: string): ManifestRow[] {
  const [header, ...lines] = readFileSync(join(dir, "MANIFEST.tsv"), "utf8").trimEnd().split("\n");
  const columns = (header ?? "").split("\t");
  const column = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? "";
  return lines.map((line) => {
    const cells = line.split("\t");
    return {
      filename: column(cells, "filename"),
      format: column(cells, "format"),
      itemCount: Number(column(cells, "item_count") || "0"),
      firstTitle: column(cells, "first_item_title"),
      firstLink: column(cells, "first_item_link"),
      notes: column(cells, "notes"),
    };
  });
}

const manifest = corpusDir ? readManifest(corpusDir) : [];
const rows = manifest.filter((row) => !row.filename.endsWith(".ics"));
const calendars = manifest.filter((row) => row.filename.endsWith(".ics"));
const rejected = rows.filter((row) => /must be rejected/i.test(row.notes));
const accepted = rows.filter((row) => !rejected.includes(row));

function runItems(filename: string, ...options: string[]) {
  return spawnSync(
    process.execPath,
    ["dist/cli.js", "items", join(corpusDir ?? "", filename), "--json", ...options],
    { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
}

describe.skipIf(!corpusDir)("feed corpus through the CLI", () => {
  it("lists feed rows", () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(accepted.map((row) => [row.filename, row] as const))("%s", (_name, row) => {
    const run = runItems(row.filename);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const items = JSON.parse(run.stdout) as Item[];
    expect(items).toHaveLength(row.itemCount);
    const first = items[0];
    if (!first) return;
    // Both sides normalized alike: the manifest keeps raw feed text (entities, markup).
    expect(toPlainTitle(first.title)).toBe(toPlainTitle(row.firstTitle));
    if (row.firstLink === "") {
      // No <link>: only a permalink guid may stand in for it.
      expect([undefined, first.key]).toContain(first.link);
    } else if (row.firstLink.startsWith("/")) {
      const resolved = new URL(first.link ?? "");
      expect(resolved.pathname + resolved.search).toBe(row.firstLink);
    } else {
      expect(first.link).toBe(new URL(row.firstLink).href);
    }
  });

  it.each(rejected.map((row) => [row.filename] as const))("%s is rejected cleanly", (filename) => {
    const run = runItems(filename);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/^\s+at |Error:|crashed/);
    expect(lines[0]).toMatch(/feed/i);
  });

  it.each(calendars.map((row) => [row.filename, row] as const))("calendar %s", (_name, row) => {
    const run = runItems(row.filename);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const events = JSON.parse(run.stdout) as (WrittenEvent | SkippedEvent)[];
    expect(events).toHaveLength(row.itemCount);
    expect(toPlainTitle(events[0]?.title)).toBe(toPlainTitle(row.firstTitle));
    const occurrences = runItems(row.filename, "--occurrences");
    expect(occurrences.stderr).toBe("");
    expect(occurrences.status).toBe(0);
    expect(Array.isArray(JSON.parse(occurrences.stdout))).toBe(true);
  });
});
