import type { ZodError } from "zod";

export const ERROR_CODES = [
  "VALIDATION",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "BAD_REQUEST",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type FieldErrors = Record<string, string>;

/** The one error type domain code throws; each transport maps `code` to its status once. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterSec?: number;

  constructor(code: ErrorCode, message: string, opts: { fields?: FieldErrors; retryAfterSec?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.retryAfterSec = opts.retryAfterSec;
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** `samples[0].cpuPct`-style paths, as the agent protocol and the forms both expect. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "_";
}

export function fieldsFromZod(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = fieldPath(issue.path);
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

/** A VALIDATION error naming each bad field; `prefix` places a nested schema's paths, e.g. "satellite.". */
export function validationError(error: ZodError, prefix = ""): AppError {
  const fields = Object.fromEntries(Object.entries(fieldsFromZod(error)).map(([k, v]) => [prefix + k, v]));
  const names = Object.keys(fields);
  const message =
    names.length === 1
      ? `${names[0]}: ${fields[names[0]]}`
      : `${names.length} fields are invalid: ${names.join(", ")}`;
  return new AppError("VALIDATION", message, { fields });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: FieldErrors };
};

/** What leaves the process: internal failures never carry their own text. */
export function toErrorBody(error: unknown, requestId?: string): { status: number; body: ErrorBody } {
  if (isAppError(error)) {
    return {
      status: HTTP_STATUS[error.code],
      body: { error: { code: error.code, message: error.message, fields: error.fields } },
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL",
        message: `Something went wrong on our side${requestId ? ` (request ${requestId})` : ""}.`,
      },
    },
  };
}
