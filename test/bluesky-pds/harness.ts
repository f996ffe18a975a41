/**
 * A real Bluesky PDS and PLC directory in this process, for the Bluesky tests: records are
 * validated against the lexicons for real, blobs are stored, sessions are real JWTs. The packages
 * live in this folder's own node_modules (`npm ci --prefix test/bluesky-pds`), kept out of the
 * main install because they are large and compile better-sqlite3; they are loaded through
 * createRequire so that the main project type-checks without them. Everything listens on this
 * machine only, and the data lives in a temporary folder removed on close.
 */
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);

/** Whether the harness's packages are installed; the Bluesky tests skip with a message if not. */
export function pdsInstalled(): boolean {
  try {
    require.resolve("@atproto/pds");
    require.resolve("@did-plc/server");
    require.resolve("@atproto/crypto");
    return true;
  } catch {
    return false;
  }
}

export const INSTALL_HINT =
  "the Bluesky PDS harness is not installed: run `npm ci --prefix test/bluesky-pds` to run these tests against a real PDS";

export interface TestPds {
  /** Where the PDS itself listens, e.g. http://127.0.0.1:PORT. */
  readonly url: string;
  close(): Promise<void>;
}

/** The small part of each package this harness uses. */
interface PdsPackage {
  envToCfg(env: Record<string, unknown>): { service: { publicUrl: string } };
  envToSecrets(env: Record<string, unknown>): unknown;
  PDS: {
    create(
      cfg: unknown,
      secrets: unknown,
    ): Promise<{ start(): Promise<unknown>; destroy(): Promise<void> }>;
  };
}
interface PlcPackage {
  Database: { mock(): unknown };
  PlcServer: {
    create(opts: { db: unknown; port: number }): {
      start(): Promise<unknown>;
      destroy(): Promise<void>;
    };
  };
}
interface CryptoPackage {
  Secp256k1Keypair: {
    create(opts: {
      exportable: boolean;
    }): Promise<{ export(): Promise<Uint8Array>; did(): string }>;
  };
}

/**
 * Starts a PLC directory and a PDS. `publicUrl` is the address the PDS announces in its accounts'
 * DID documents, which clients switch to after logging in: a test that watches the traffic puts
 * its proxy's address there.
 */
export async function startPds(
  options: { publicUrl?: (pdsUrl: string) => string } = {},
): Promise<TestPds> {
  const { PDS, envToCfg, envToSecrets } = require("@atproto/pds") as PdsPackage;
  const { Database, PlcServer } = require("@did-plc/server") as PlcPackage;
  const { Secp256k1Keypair } = require("@atproto/crypto") as CryptoPackage;

  const plcPort = await freePort();
  const plc = PlcServer.create({ db: Database.mock(), port: plcPort });
  await plc.start();

  const dataDirectory = await mkdtemp(join(tmpdir(), "crieur-pds-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const rotationKey = await Secp256k1Keypair.create({ exportable: true });
  const recoveryKey = await Secp256k1Keypair.create({ exportable: true });
  const env = {
    devMode: true,
    port,
    hostname: "localhost",
    dataDirectory,
    blobstoreDiskLocation: join(dataDirectory, "blobs"),
    didPlcUrl: `http://127.0.0.1:${plcPort}`,
    serviceHandleDomains: [".test"],
    inviteRequired: false,
    disableSsrfProtection: true,
    jwtSecret: "crieur-test-jwt-secret",
    adminPassword: "crieur-test-admin-password",
    plcRotationKeyK256PrivateKeyHex: Buffer.from(await rotationKey.export()).toString("hex"),
    recoveryDidKey: recoveryKey.did(),
    crawlers: [],
  };
  const cfg = envToCfg(env);
  cfg.service.publicUrl = options.publicUrl?.(url) ?? url;
  const pds = await PDS.create(cfg, envToSecrets(env));
  await pds.start();

  return {
    url,
    async close() {
      await pds.destroy();
      await plc.destroy();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
