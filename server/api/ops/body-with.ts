import { fieldError } from "../problem";

/**
 * A verb's input from the JSON body and what the path names (`{ id }`), the path winning. The verb validates
 * the rest with its own schema; only a body that is no object at all is refused here.
 */
export function bodyWith(body: unknown, fromPath: Record<string, string>): Record<string, unknown> {
  if (body === undefined || body === null) return { ...fromPath };
  if (typeof body !== "object" || Array.isArray(body)) {
    throw fieldError("VALIDATION", "body", "The body must be a JSON object.");
  }
  return { ...body, ...fromPath };
}
