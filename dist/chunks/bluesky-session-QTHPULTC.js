import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  encryptedFileSessionStore,
  memorySessionStore,
  open,
  seal
} from "./chunk-VETGDVPN.js";
import "./chunk-3MSF6MZP.js";
export {
  encryptedFileSessionStore,
  memorySessionStore,
  open,
  seal
};
