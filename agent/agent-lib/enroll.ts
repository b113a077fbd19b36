import type { EnrollRequest, EnrollResponse } from "../protocol";
import { sleep } from "./sleep";
import { describeFields, timedCall } from "./core-calls";
import { EXIT } from "./exit-codes";
import type { Logger } from "./log";
import type { StateStore } from "./state-store";

export type EnrollDeps = {
  enroll: (request: EnrollRequest) => Promise<EnrollResponse>;
  store: StateStore;
  request: EnrollRequest;
  core: string;
  log: Logger;
  clock: () => number;
  signal: AbortSignal;
  wait?: (ms: number) => Promise<void>;
};

export type EnrollOutcome = { isEnrolled: true } | { isEnrolled: false; exitCode: number };

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/** Trades the join token for an agent token, retrying while the core is away; gives up on a refusal. */
export async function enrollUntilDone(deps: EnrollDeps): Promise<EnrollOutcome> {
  const { log, request } = deps;
  const what = request.satellite
    ? `new satellite "${request.satellite.slug}"`
    : "the satellite bound to the token";
  let backoffMs = FIRST_RETRY_MS;
  while (!deps.signal.aborted) {
    log("info", `enrolling ${what} with ${deps.core}`);
    const result = await timedCall(() => deps.enroll(request), deps.clock);
    if (result.ok) {
      const answer = result.value;
      if (!answer?.agentToken) {
        log("error", "the enrollment answer holds no agent token: is --core the Orrery core?");
        return { isEnrolled: false, exitCode: EXIT.enrollmentRefused };
      }
      deps.store.enrolled({
        core: deps.core,
        satelliteId: answer.satelliteId,
        agentToken: answer.agentToken,
        heartbeatIntervalSec: answer.heartbeatIntervalSec > 0 ? answer.heartbeatIntervalSec : 10,
        seq: 0,
        stackVersion: request.stackVersion,
      });
      log("info", `enrolled as satellite ${answer.satelliteId}; token saved in ${deps.store.path}`);
      return { isEnrolled: true };
    }
    switch (result.kind) {
      case "unauthorized":
        log("error", `the join token was refused (401: ${result.message}): expired, used up or mistyped`);
        return { isEnrolled: false, exitCode: EXIT.enrollmentRefused };
      case "conflict":
        log("error", `enrollment conflict (409: ${result.message}): pick another --slug`);
        return { isEnrolled: false, exitCode: EXIT.enrollmentRefused };
      case "rejected": {
        const hint = request.satellite
          ? ""
          : " (an unbound join token needs --city --country --lat --lon, see --help)";
        const fields = describeFields(result.fields);
        log("error", `enrollment rejected (${result.status}: ${result.message}): ${fields}${hint}`);
        return { isEnrolled: false, exitCode: EXIT.enrollmentRefused };
      }
    }
    const retryMs = result.kind === "rate-limited" ? result.retryAfterSec * 1000 : backoffMs;
    backoffMs = Math.min(MAX_RETRY_MS, backoffMs * 2);
    log("warn", `enrollment failed (${result.message}); retrying in ${Math.round(retryMs / 1000)} s`);
    await (deps.wait ?? ((ms) => sleep(ms, deps.signal)))(retryMs);
  }
  return { isEnrolled: false, exitCode: EXIT.stopped };
}
