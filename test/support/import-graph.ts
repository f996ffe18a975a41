/**
 * The import graph of src/, read with a plain scan of the import statements, and the layout's
 * rules checked against it. Each wing states its rule in the opening comment of its main file, on
 * a line "May import: a, b/c." (wings or single files, without ".ts"); the checker reads it there,
 * so the comment a newcomer reads is the rule the test enforces.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** One source file: its path under src/ without ".ts", and what it imports. */
export interface SourceFile {
  readonly path: string;
  /** Files under src/ (paths without ".ts"). */
  readonly imports: readonly string[];
  /** Packages and Node built-ins. */
  readonly modules: readonly string[];
  readonly text: string;
}

/** `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`. */
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^;"']*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export function readSources(srcDir: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
        files.push(scan(srcDir, full, readFileSync(full, "utf8")));
      }
    }
  };
  walk(srcDir);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

export function scan(srcDir: string, file: string, text: string): SourceFile {
  const imports: string[] = [];
  const modules: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? "";
    if (specifier.startsWith(".")) {
      const target = resolve(dirname(file), specifier.replace(/\.js$/, ""));
      imports.push(relative(srcDir, target).split("\\").join("/"));
    } else {
      modules.push(specifier);
    }
  }
  const path = relative(srcDir, file).replace(/\.ts$/, "").split("\\").join("/");
  return { path, imports: [...new Set(imports)], modules: [...new Set(modules)], text };
}

/** "rules/dedupe" → "rules"; a top-level file is its own wing ("run", "cli"). */
export function wingOf(path: string): string {
  return path.includes("/") ? (path.split("/")[0] as string) : path;
}

/** What a file's opening comment says it may import, or undefined when it says nothing. */
export function declaredImports(text: string): string[] | undefined {
  const comment = /^\s*\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? "";
  const line = /May import:([^\n]*(?:\n\s*\*\s+(?!\S+:)[^\n]*)*)/.exec(comment)?.[1];
  if (line === undefined) return undefined;
  const list = line.replace(/\n\s*\*\s*/g, " ").split(/\.(?:\s|$)/)[0] ?? "";
  return list
    .split(",")
    .map((entry) => entry.trim().replace(/\s*\(.*\)$/, ""))
    .filter((entry) => entry !== "" && entry !== "nothing");
}

/** Modules with side effects (disk, network, processes, the Actions runtime). */
export const SIDE_EFFECT_MODULES = [
  "node:fs",
  "node:fs/promises",
  "node:http",
  "node:https",
  "node:net",
  "node:child_process",
  "node:os",
  "@actions/core",
  "twitter-api-v2",
];

export interface Layout {
  /** The main file of each folder wing, whose opening comment states the wing's rule. */
  readonly mains: Readonly<Record<string, string>>;
  /** Wings that may import nothing with side effects. */
  readonly pure: readonly string[];
}

/** Every broken rule, one sentence each; empty when the layout holds. */
export function checkLayout(files: readonly SourceFile[], layout: Layout): string[] {
  const problems: string[] = [];
  const byPath = new Map(files.map((file) => [file.path, file]));
  const allowed = new Map<string, string[]>();
  for (const [wing, main] of Object.entries(layout.mains)) {
    const file = byPath.get(main);
    const declared = file && declaredImports(file.text);
    if (!declared) {
      problems.push(
        `${main}.ts (main file of ${wing}/) has no "May import:" line in its opening comment`,
      );
      continue;
    }
    allowed.set(wing, declared);
  }
  for (const file of files) {
    const wing = wingOf(file.path);
    for (const target of file.imports) {
      if (!byPath.has(target)) {
        problems.push(`${file.path}.ts imports ${target}, which is not a file in src/`);
        continue;
      }
      const targetWing = wingOf(target);
      if (targetWing === wing) continue;
      if (target === "cli") problems.push(`${file.path}.ts imports cli: nothing may`);
      const rule = allowed.get(wing);
      if (rule && !rule.some((entry) => entry === targetWing || entry === target)) {
        problems.push(
          `${file.path}.ts imports ${target}, but ${wing}/ may import only: ${rule.join(", ") || "nothing"}`,
        );
      }
    }
    if (layout.pure.includes(wing)) {
      for (const module of file.modules) {
        if (SIDE_EFFECT_MODULES.includes(module)) {
          problems.push(
            `${file.path}.ts imports ${module}, but ${wing}/ imports nothing with side effects`,
          );
        }
      }
    }
  }
  for (const cycle of findCycles(files)) problems.push(`import cycle: ${cycle.join(" → ")}`);
  return problems;
}

/** Cycles in the import graph (each reported once, from its smallest path). */
export function findCycles(files: readonly SourceFile[]): string[][] {
  const edges = new Map(files.map((file) => [file.path, file.imports]));
  const cycles = new Map<string, string[]>();
  const visit = (path: string, trail: string[]) => {
    const at = trail.indexOf(path);
    if (at >= 0) {
      const cycle = trail.slice(at);
      const start = cycle.indexOf([...cycle].sort()[0] as string);
      const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
      cycles.set(rotated.join(" "), [...rotated, rotated[0] as string]);
      return;
    }
    if (done.has(path)) return;
    for (const next of edges.get(path) ?? []) visit(next, [...trail, path]);
    done.add(path);
  };
  const done = new Set<string>();
  for (const file of files) visit(file.path, []);
  return [...cycles.values()];
}
