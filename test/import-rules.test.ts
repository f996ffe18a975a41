// The layout's import rules (each wing's "May import:" line), checked on the real source files.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkLayout,
  declaredImports,
  type Layout,
  readSources,
  type SourceFile,
  scan,
} from "./support/import-graph.js";

const SRC = fileURLToPath(new URL("../src", import.meta.url));

const LAYOUT: Layout = {
  mains: {
    config: "config/load",
    sources: "sources/item",
    rules: "rules/dedupe",
    publishers: "publishers/publisher",
    state: "state/feed-state",
    report: "report/report",
    repo: "repo/commit-state",
    run: "run",
    posting: "posting",
    "in-flight": "in-flight",
    "queue-steps": "queue-steps",
    errors: "errors",
    version: "version",
    job: "job",
    action: "action",
  },
  pure: ["rules"],
};

describe("src/ layout", () => {
  const files = readSources(SRC);

  it("keeps every wing's import rule, has no cycle, and nothing imports the CLI", () => {
    expect(checkLayout(files, LAYOUT)).toEqual([]);
  });

  it("has no source file over 400 lines and no file outside the wings", () => {
    const long = files.filter((file) => file.text.split("\n").length > 400).map((f) => f.path);
    expect(long).toEqual([]);
    const wings = new Set([...Object.keys(LAYOUT.mains), "cli"]);
    const strays = files.filter((file) => !wings.has(file.path.split("/")[0] as string));
    expect(strays.map((file) => file.path)).toEqual([]);
  });
});

describe("the layout checker", () => {
  const file = (path: string, text: string): SourceFile => scan("/src", `/src/${path}.ts`, text);
  const main = (path: string, rule: string, body = "") =>
    file(path, `/**\n * The ${path} wing.\n * May import: ${rule}.\n */\n${body}`);
  const layout: Layout = {
    mains: { rules: "rules/dedupe", state: "state/feed-state", sources: "sources/item" },
    pure: ["rules"],
  };
  const base = [
    main("sources/item", "errors"),
    main("state/feed-state", "errors, sources", 'import type { Item } from "../sources/item.js";'),
    file("state/store", 'import { readFile } from "node:fs/promises";'),
    file("errors", ""),
  ];

  it("reads the rule from the opening comment", () => {
    expect(
      declaredImports("/**\n * Rules.\n * May import: errors, state/feed-state.\n */"),
    ).toEqual(["errors", "state/feed-state"]);
    expect(declaredImports("/** No rule here. */")).toBeUndefined();
  });

  it("accepts a layout that keeps its rules", () => {
    const rules = main(
      "rules/dedupe",
      "errors, state/feed-state",
      'import { x } from "../state/feed-state.js";',
    );
    expect(checkLayout([...base, rules], layout)).toEqual([]);
  });

  it.each([
    [
      "a file of a wing not in its rule",
      main("rules/dedupe", "errors, state/feed-state", 'import { x } from "../state/store.js";'),
      "rules/dedupe.ts imports state/store, but rules/ may import only: errors, state/feed-state",
    ],
    [
      "a module with side effects in a pure wing",
      main("rules/dedupe", "errors", 'import { readFile } from "node:fs/promises";'),
      "rules/dedupe.ts imports node:fs/promises, but rules/ imports nothing with side effects",
    ],
    [
      "a bare import",
      main("rules/dedupe", "errors", 'import "../state/store.js";'),
      "rules/dedupe.ts imports state/store, but rules/ may import only: errors",
    ],
    [
      "the CLI",
      main("rules/dedupe", "errors, cli", 'const cli = await import("../cli.js");'),
      "rules/dedupe.ts imports cli: nothing may",
    ],
    [
      "a file that does not exist",
      main("rules/dedupe", "errors", 'import { gone } from "./gone.js";'),
      "rules/dedupe.ts imports rules/gone, which is not a file in src/",
    ],
    [
      "a main file without a rule",
      file("rules/dedupe", "/** Rules, no rule line. */"),
      'rules/dedupe.ts (main file of rules/) has no "May import:" line in its opening comment',
    ],
  ])("reports %s", (_what, rules, problem) => {
    const withCli = [...base, rules, file("cli", "")];
    expect(checkLayout(withCli, layout)).toContain(problem);
  });

  it("reports an import cycle, type imports included", () => {
    const a = main("rules/dedupe", "errors, rules", 'import type { B } from "./budget.js";');
    const b = file("rules/budget", 'export { a } from "./dedupe.js";');
    expect(checkLayout([...base, a, b], layout)).toContain(
      "import cycle: rules/budget → rules/dedupe → rules/budget",
    );
  });
});
