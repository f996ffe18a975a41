import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  CrieurError
} from "./chunk-ETCY7YZ6.js";

// src/publishers/publisher.ts
var PublishError = class extends CrieurError {
  constructor(message, kind, details = {}) {
    super(message);
    this.kind = kind;
    this.details = details;
  }
  kind;
  details;
  name = "PublishError";
};

export {
  PublishError
};
