// The CLI's exit codes, documented in docs/api.md. Scripts and pipelines branch on them, so they never change.
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Refused or failed: a 409/412/429, a command that failed, a rollout that did not complete, no --yes. */
  failure: 1,
  /** A wrong command line, or input the API rejected as invalid (400, 422). */
  usage: 2,
  /** No token, or the API did not accept it (401) or its role or region scope (403). */
  auth: 3,
  /** No such satellite, command, rollout or release (404). */
  notFound: 4,
  /** `rollout watch`: the rollout paused (the health gate, or a person). */
  paused: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as its message alone, and exits with its code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: ExitCode,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.usage);
