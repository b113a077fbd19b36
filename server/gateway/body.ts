import type { IncomingMessage } from "node:http";
import { AppError } from "../errors";

export const MAX_BODY_BYTES = 256 * 1024;

/** 415 unless the body is declared JSON. */
export function requireJson(req: IncomingMessage): void {
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the body as JSON with Content-Type: application/json.",
    );
  }
}

/** Reads at most 256 KiB (413 past that) and parses it as JSON (400 if it is not). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    req.resume();
    throw new AppError("PAYLOAD_TOO_LARGE", `The body is over ${MAX_BODY_BYTES / 1024} KiB.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      throw new AppError("PAYLOAD_TOO_LARGE", `The body is over ${MAX_BODY_BYTES / 1024} KiB.`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  // PostgreSQL text cannot hold NUL; refuse it here so both databases answer the same.
  if (text.includes("\\u0000")) {
    throw new AppError("VALIDATION", "Text fields may not contain NUL (\\u0000) characters.", {
      fields: { _: "contains NUL" },
    });
  }
  return body;
}
