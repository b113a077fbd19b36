import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./api-types";
import type { Config } from "./config";
import { CliError, EXIT, type ExitCode } from "./exit";

export type Api = Client<paths>;

/** The typed client: every path, parameter and answer comes from the generated api-types.ts. */
export function apiClient(config: Config): Api {
  const client = createClient<paths>({
    baseUrl: `${config.url}/api/v1`,
    headers: { authorization: `Bearer ${config.token}`, "user-agent": "orrery-cli" },
  });
  return client;
}

type Problem = {
  status?: number;
  detail?: string;
  title?: string;
  errors?: { field: string; message: string }[];
};

/** Which exit code a problem answer means (docs/api.md lists them). */
export function exitCodeOf(status: number): ExitCode {
  if (status === 401 || status === 403) return EXIT.auth;
  if (status === 404) return EXIT.notFound;
  if (status === 400 || status === 422) return EXIT.usage;
  return EXIT.failure;
}

/** A person's sentence for an error answer: the problem's detail, each wrong field, and what to do on a 401. */
export function problemMessage(status: number, body: unknown, config?: Config): string {
  const problem = (body && typeof body === "object" ? body : {}) as Problem;
  const detail =
    problem.detail ?? problem.title ?? (typeof body === "string" && body ? body : `HTTP ${status}`);
  const lines = [`${detail}`];
  for (const e of problem.errors ?? []) {
    if (e.message !== detail) lines.push(`  ${e.field}: ${e.message}`);
  }
  if (status === 401 && config) lines.push(`The token came from ${config.source}.`);
  if (status === 429) lines.push("Wait a moment and retry.");
  return lines.join("\n");
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The answer's data, or a CliError with its message and exit code. Network failures name the URL, since a
 * wrong ORRERY_URL is the usual cause.
 */
export async function must<T>(call: Promise<Result<T>>, config?: Config): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    throw new CliError(`Cannot reach Orrery at ${config?.url ?? "ORRERY_URL"} (${why}).`, EXIT.failure);
  }
  const { response } = result;
  if (!response.ok) {
    throw new CliError(problemMessage(response.status, result.error, config), exitCodeOf(response.status));
  }
  return result.data as T;
}
