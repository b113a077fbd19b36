import type { ChildProcess } from "node:child_process";
import type { Transport, TransportHandlers } from "./bus";

// On SQLite everything runs on one machine: the server entry and its reconciler child. Messages go between
// them over the child's IPC channel; a process relays what one peer sent to its other peers.

/** Another process reachable from this one. */
export type Peer = {
  send(payload: string): void;
  /** Calls `receive` with each payload the peer sends; returns how to stop. */
  listen(receive: (payload: string) => void): () => void;
};

export class RelayTransport implements Transport {
  private handlers: TransportHandlers | null = null;
  private readonly peers = new Map<Peer, () => void>();

  start(handlers: TransportHandlers): void {
    this.handlers = handlers;
    handlers.up();
  }

  async send(payload: string): Promise<void> {
    this.forward(payload, null);
  }

  /** Adds a peer (a child just spawned, or this child's parent); returns how to remove it. */
  attach(peer: Peer): () => void {
    const unlisten = peer.listen((payload) => {
      this.handlers?.message(payload);
      this.forward(payload, peer);
    });
    this.peers.set(peer, unlisten);
    return () => {
      this.peers.get(peer)?.();
      this.peers.delete(peer);
    };
  }

  async stop(): Promise<void> {
    for (const unlisten of this.peers.values()) unlisten();
    this.peers.clear();
    this.handlers = null;
  }

  private forward(payload: string, from: Peer | null): void {
    for (const peer of this.peers.keys()) {
      if (peer === from) continue;
      try {
        peer.send(payload);
      } catch {
        // The peer is going away (a child exiting); it has nothing left to invalidate.
      }
    }
  }
}

const IPC_TYPE = "orrery.bus";
type IpcMessage = { type: typeof IPC_TYPE; payload: string };

function isIpcMessage(message: unknown): message is IpcMessage {
  if (typeof message !== "object" || message === null) return false;
  const m = message as Partial<IpcMessage>;
  return m.type === IPC_TYPE && typeof m.payload === "string";
}

type IpcEnd = {
  send?: (message: IpcMessage, callback: (error: Error | null) => void) => unknown;
  connected?: boolean;
  on(event: "message", listener: (message: unknown) => void): unknown;
  off(event: "message", listener: (message: unknown) => void): unknown;
};

/** The IPC channel of a child process (in its parent), or of this process's parent (in the child). */
export function ipcPeer(end: IpcEnd | ChildProcess | NodeJS.Process): Peer {
  const ipc = end as IpcEnd;
  return {
    send(payload) {
      // With a callback, a failed send is reported to it instead of as an 'error' event nobody handles.
      if (ipc.connected && ipc.send) ipc.send({ type: IPC_TYPE, payload }, () => undefined);
    },
    listen(receive) {
      const onMessage = (message: unknown) => {
        if (isIpcMessage(message)) receive(message.payload);
      };
      ipc.on("message", onMessage);
      return () => void ipc.off("message", onMessage);
    },
  };
}
