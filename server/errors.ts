import type { z, ZodError } from "zod";
import { labelFor, messageFor, summarize, type IssueLike } from "@/lib/form-messages";

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

/** What a person reads about an error: sentences with each field's label, keyed by the field's path. */
export type Readable = { message: string; fields?: FieldErrors };

/** The one error type domain code throws; each transport maps `code` to its status once. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterSec?: number;
  /** The sentences a transport answers with, when `message` and `fields` are written for developers. */
  readonly readable?: Readable;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { fields?: FieldErrors; retryAfterSec?: number; readable?: Readable } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.retryAfterSec = opts.retryAfterSec;
    this.readable = opts.readable;
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

export type ValidationOptions = {
  /** Places a nested schema's paths, e.g. "payload." (labels still come from `schema`). */
  prefix?: string;
  /** The schema that was parsed: its `.meta({ label })` names the fields a person reads. */
  schema?: z.ZodType;
};

/**
 * A VALIDATION error naming each bad field: `message`/`fields` by path for logs and tests, and `readable`,
 * the sentences of lib/form-messages.ts that route() and runAction() answer with. A string is the prefix.
 */
export function validationError(error: ZodError, options: string | ValidationOptions = {}): AppError {
  const { prefix = "", schema } = typeof options === "string" ? { prefix: options } : options;
  const fields = Object.fromEntries(Object.entries(fieldsFromZod(error)).map(([k, v]) => [prefix + k, v]));
  const names = Object.keys(fields);
  const message =
    names.length === 1
      ? `${names[0]}: ${fields[names[0]]}`
      : `${names.length} fields are invalid: ${names.join(", ")}`;
  const sentences: FieldErrors = {};
  for (const issue of error.issues) {
    const key = prefix + fieldPath(issue.path);
    sentences[key] ??= messageFor(issue as IssueLike, labelFor(issue.path, schema));
  }
  return new AppError("VALIDATION", message, {
    fields,
    readable: { message: summarize(Object.values(sentences)), fields: sentences },
  });
}

/** Parses `input` with `schema`, or throws its validationError, labelled by the same schema. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ""): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, { prefix, schema });
  return parsed.data;
}

/** "payload.checks[2]" → ["payload", "checks", 2]. */
function pathOf(key: string): PropertyKey[] {
  return key
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part.replace(/^\[|\]$/g, "")));
}

/**
 * What a person reads about an AppError, whoever wrote it: its `readable` sentences, or else its fields'
 * fragments ("is required") with their labels, and a "path: fragment" message read the same way.
 */
export function readableError(error: AppError): Readable {
  if (error.readable) return error.readable;
  const own = /^([a-z_][\w.[\]]*): ([a-z].*)$/.exec(error.message);
  if (!error.fields) {
    if (!own) return { message: error.message };
    return {
      message: summarize([messageFor({ code: "custom", path: [], message: own[2] }, labelOf(own[1]))]),
    };
  }
  const fields: FieldErrors = {};
  for (const [key, text] of Object.entries(error.fields)) {
    fields[key] = messageFor({ code: "custom", path: [], message: text }, labelOf(key));
  }
  const isListMessage = /^\d+ fields are invalid: /.test(error.message);
  const message = own || isListMessage ? summarize(Object.values(fields)) : error.message;
  return { message, fields };
}

const labelOf = (key: string) => (key === "_" ? "This request" : labelFor(pathOf(key)));

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: FieldErrors };
};

/** What leaves the process: internal failures never carry their own text. */
export function toErrorBody(error: unknown, requestId?: string): { status: number; body: ErrorBody } {
  if (isAppError(error)) {
    const { message, fields } = readableError(error);
    return { status: HTTP_STATUS[error.code], body: { error: { code: error.code, message, fields } } };
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
