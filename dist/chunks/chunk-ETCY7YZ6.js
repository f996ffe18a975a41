import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);

// src/errors.ts
var CrieurError = class extends Error {
  name = "CrieurError";
};
var UsageError = class extends CrieurError {
  name = "UsageError";
};

export {
  CrieurError,
  UsageError
};
