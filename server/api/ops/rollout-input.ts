import { fieldError } from "../problem";

/**
 * The verb's input for an operation on one resource: the JSON body's fields with the path's id, which wins
 * over any id in the body. The verb validates the rest with its own schema; only a body that is no object at
 * all is refused here, since there is nothing to add the id to.
 */
export function objectWithId(body: unknown, id: string): Record<string, unknown> {
  if (body === undefined || body === null) return { id };
  if (typeof body !== "object" || Array.isArray(body)) {
    throw fieldError("VALIDATION", "body", "The body must be a JSON object.");
  }
  return { ...body, id };
}
