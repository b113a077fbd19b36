import { AppError, isAppError, readableError, HTTP_STATUS, type ErrorCode } from "../errors";

/** RFC 9457 problem details, as every /api/v1 error answers. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ErrorCode;
  requestId?: string;
  /** Each failing field with a sentence about it, when the input was wrong. */
  errors?: { field: string; message: string }[];
};

export const PROBLEM_TYPE = "application/problem+json";

const TITLES: Record<ErrorCode, string> = {
  BAD_REQUEST: "Bad request",
  VALIDATION: "Invalid input",
  UNAUTHORIZED: "Not signed in",
  FORBIDDEN: "Not allowed",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  PRECONDITION_FAILED: "Precondition failed",
  PAYLOAD_TOO_LARGE: "Request too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  RATE_LIMITED: "Too many requests",
  INTERNAL: "Internal error",
};

/** The problem for any error: an AppError's readable sentences, or a bare 500 that says nothing internal. */
export function problemOf(error: unknown, instance: string, requestId?: string): Problem {
  if (isAppError(error)) {
    const { message, fields } = readableError(error);
    const problem: Problem = {
      // A URN rather than a web address: the codes are documented in the API reference itself.
      type: `urn:orrery:problem:${error.code.toLowerCase().replace(/_/g, "-")}`,
      title: TITLES[error.code],
      status: HTTP_STATUS[error.code],
      detail: message,
      instance,
      code: error.code,
      requestId,
    };
    if (fields && Object.keys(fields).length > 0) {
      problem.errors = Object.entries(fields).map(([field, text]) => ({ field, message: text }));
    }
    return problem;
  }
  return {
    type: "urn:orrery:problem:internal",
    title: TITLES.INTERNAL,
    status: 500,
    detail: `Something went wrong on our side${requestId ? ` (request ${requestId})` : ""}.`,
    instance,
    code: "INTERNAL",
    requestId,
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": PROBLEM_TYPE, ...headers },
  });
}

/** An error about one named input (a header, the cursor), worded as a person reads it. */
export function fieldError(code: ErrorCode, field: string, message: string): AppError {
  return new AppError(code, message, {
    fields: { [field]: message },
    readable: { message, fields: { [field]: message } },
  });
}
