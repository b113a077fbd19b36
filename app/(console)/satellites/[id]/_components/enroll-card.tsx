import { CopySnippet } from "@/components/ui/copy-snippet";
import { Time } from "@/components/ui/time";
import type { SatelliteDetail } from "@/server/satellites/get";
import type { Enrollment } from "@/server/satellites/enrollment";
import { createBoundJoinTokenAction } from "../actions";
import styles from "../satellite.module.css";
import { agentCommand, TOKEN_PLACEHOLDER } from "./agent-command";
import { EnrollToken } from "./enroll-token";

/**
 * A satellite Orrery has never heard from: how to bring it in. Those who manage join tokens get one bound
 * to it in one click, with the exact command to run; others get the command and who can make the token.
 */
export function EnrollCard({
  s,
  enrollment,
  mayManageTokens,
  now,
}: {
  s: SatelliteDetail;
  enrollment: Enrollment;
  mayManageTokens: boolean;
  now: Date;
}) {
  const isReEnroll = enrollment.enrolledAt !== null;
  return (
    <section className="card" aria-labelledby="enroll-title">
      <div className="card-head">
        <h2 id="enroll-title">Enroll this satellite</h2>
      </div>
      <div className={`card-body ${styles.enroll}`}>
        {isReEnroll ? (
          <p>
            An agent enrolled <Time at={enrollment.enrolledAt} now={now} /> but has not sent a heartbeat yet.
            Check that it runs and reaches <span className="mono">{enrollment.coreUrl}</span>, or enroll it
            again with a new join token.
          </p>
        ) : (
          <p>
            Orrery has never heard from this satellite. Start the Orrery agent on its host once with a join
            token bound to it: the agent keeps its own credential from then on and reports every{" "}
            {s.heartbeatIntervalSec} s.
          </p>
        )}
        {mayManageTokens ? (
          <EnrollToken
            satelliteId={s.id}
            slug={s.slug}
            coreUrl={enrollment.coreUrl}
            isReEnroll={isReEnroll}
            action={createBoundJoinTokenAction}
          />
        ) : (
          <>
            <CopySnippet
              label="On the satellite's host"
              text={agentCommand(enrollment.coreUrl, TOKEN_PLACEHOLDER, isReEnroll)}
            />
            <p className="muted">
              An admin makes the join token, bound to <span className="mono">{s.slug}</span>, on this page or
              in Admin → Join tokens.
            </p>
          </>
        )}
        <p className="muted small">
          Run from a checkout of Orrery with <code>npm ci</code> done. Every flag is in{" "}
          <code>agent/README.md</code>; the protocol in <code>docs/agent-protocol.md</code>.
        </p>
      </div>
    </section>
  );
}
