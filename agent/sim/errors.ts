// Reading caught values without casts: anything can be thrown.
import { ProtocolError } from "../protocol";

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The `code` of a Node system error such as ENOENT, if there is one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** The HTTP status of a failed call; 0 when no answer came back (network error, timeout). */
export function statusOf(error: unknown): number {
  return error instanceof ProtocolError ? error.status : 0;
}

/** How long a 429 asks us to wait; a few seconds when it does not say. */
export function retryAfterMs(error: unknown, fallbackSec = 5): number {
  const sec = error instanceof ProtocolError ? error.retryAfterSec : undefined;
  return (sec !== undefined && sec >= 0 ? sec : fallbackSec) * 1000;
}
