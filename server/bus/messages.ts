import { z } from "zod";

/**
 * What one process tells every other that its in-memory copies are out of date. A message names what changed,
 * never the new value: each process reads the database again, which holds the truth.
 */
export type BusMessage =
  /** Anything a public status page shows changed (incidents, maintenance, pins, stored statuses). */
  | { type: "status.changed" }
  /** A status page's configuration (slug, visibility, secret, custom host, regions, satellites) changed. */
  | { type: "status.config"; pageId?: string }
  /** Satellites created, edited or decommissioned outside heartbeat ingest; no ids means any of them. */
  | { type: "fleet.changed"; satelliteIds?: string[] }
  /** Agent tokens stopped working: one credential, a satellite's, or (neither given) possibly any. */
  | { type: "agent.revoked"; satelliteId?: string; credentialId?: string };

export type BusMessageType = BusMessage["type"];

export const BUS_VERSION = 1;
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; stay clear of it. */
export const MAX_PAYLOAD_BYTES = 7_900;

const Id = z.string().min(1).max(200);
const Message = z.discriminatedUnion("type", [
  z.object({ type: z.literal("status.changed") }),
  z.object({ type: z.literal("status.config"), pageId: Id.optional() }),
  z.object({ type: z.literal("fleet.changed"), satelliteIds: z.array(Id).optional() }),
  z.object({ type: z.literal("agent.revoked"), satelliteId: Id.optional(), credentialId: Id.optional() }),
]);
const Envelope = z.object({ v: z.literal(BUS_VERSION), origin: z.string().min(1).max(200) });

/** The same change said without ids: what a receiver does with it covers every id. */
export function withoutIds(message: BusMessage): BusMessage {
  return { type: message.type } as BusMessage;
}

/** `{v, origin, ...message}` as JSON, under MAX_PAYLOAD_BYTES: a message too long loses its ids. */
export function encode(message: BusMessage, origin: string): string {
  const payload = JSON.stringify({ v: BUS_VERSION, origin, ...message });
  if (Buffer.byteLength(payload) < MAX_PAYLOAD_BYTES) return payload;
  return JSON.stringify({ v: BUS_VERSION, origin, ...withoutIds(message) });
}

export type Decoded = { origin: string; message: BusMessage };

/**
 * The message in a payload, or null when it is not one this version knows (another version's replica during a
 * rolling deploy, or noise on the channel): ignoring it is safe, as the safety-net resync re-reads anyway.
 */
export function decode(payload: string): Decoded | null {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const envelope = Envelope.safeParse(json);
  const message = Message.safeParse(json);
  if (!envelope.success || !message.success) return null;
  return { origin: envelope.data.origin, message: message.data as BusMessage };
}
