import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Ctx } from "../auth/context";
import { getCtx } from "../auth/session";
import { AppError, isAppError, readableError, type ErrorCode, type FieldErrors } from "../errors";
import { logError } from "../log";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; fields?: FieldErrors } };

/**
 * The one wrapper for server actions: session → ctx, the verb, and every error turned into a result the
 * form can show. Internal error text never reaches the browser; it is logged with the request id.
 */
export async function runAction<T>(
  verb: (ctx: Ctx) => Promise<T>,
  opts: { revalidate?: string[]; redirectTo?: (data: T) => string } = {},
): Promise<ActionResult<T>> {
  const ctx = await getCtx();
  let data: T;
  try {
    data = await verb(ctx);
    for (const path of opts.revalidate ?? []) revalidatePath(path);
  } catch (error) {
    if (isAppError(error)) {
      // Sentences with each field's label (lib/form-messages.ts), never schema text or paths.
      const { message, fields } = readableError(error);
      return { ok: false, error: { code: error.code, message, fields: formFields(fields) } };
    }
    logError("server action failed", error, { requestId: ctx.requestId });
    return {
      ok: false,
      error: { code: "INTERNAL", message: `Something went wrong on our side (request ${ctx.requestId}).` },
    };
  }
  // Outside the try: Next's redirect works by throwing.
  if (opts.redirectTo) redirect(opts.redirectTo(data));
  return { ok: true, data };
}

/**
 * The form a server action was called with. Actions can be called with any serialisable arguments, so
 * anything else is refused as bad input rather than failing inside the action.
 */
export function requireForm(form: unknown): FormData {
  if (form instanceof FormData) return form;
  const message = "This request must be a form submission.";
  throw new AppError("VALIDATION", message, { fields: { _: message } });
}

/** Every value of a repeated field (ticked checkboxes), as strings; none when the key is absent. */
export function formValues(form: unknown, key: string): string[] {
  return requireForm(form)
    .getAll(key)
    .map((v) => (typeof v === "string" ? v : v.name));
}

/** FormData as a plain object; repeated keys become arrays. */
export function formObject(form: unknown): Record<string, unknown> {
  requireForm(form);
  const out: Record<string, unknown> = {};
  for (const [key, value] of (form as FormData).entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value.name;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}

/** Forms show errors per input: `labels.Bad Key` or `regionIds[2]` also mark `labels` and `regionIds`. */
function formFields(fields: FieldErrors | undefined): FieldErrors | undefined {
  if (!fields) return undefined;
  const out: FieldErrors = { ...fields };
  for (const [path, message] of Object.entries(fields)) {
    const top = path.split(/[.[]/)[0];
    out[top] ??= message;
  }
  return out;
}
