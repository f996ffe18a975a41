/**
 * A loopback TCP relay that counts every byte crossing it, both ways, headers included: what a
 * feed fetch really costs on the wire, which the feed server's body count alone would hide.
 */

import type { AddressInfo } from "node:net";
import { createConnection, createServer, type Socket } from "node:net";

export interface ByteCounter {
  readonly origin: string;
  /** Bytes relayed in both directions since the last reset. */
  bytes(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startByteCounter(targetPort: number): Promise<ByteCounter> {
  let total = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: "127.0.0.1", port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("data", (chunk: Buffer) => {
        total += chunk.byteLength;
      });
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    bytes: () => total,
    reset: () => {
      total = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
