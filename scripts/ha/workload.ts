// The operator's side of the HA test, through the balancer: a release rolled out to part of the fleet, and
// commands issued every few seconds, each with its own idempotency key, for the whole run.
import type { Api } from "./probes";
import { sleep } from "./cluster";

export class Workload {
  issued = 0;
  /** REST calls that failed, by the phase the test was in. */
  readonly failures = new Map<string, number>();
  phase = "start";
  private isRunning = false;
  private loop: Promise<void> = Promise.resolve();

  async start(api: Api, satelliteIds: string[], rolloutSize: number): Promise<string> {
    const regions = await api.call<{ items: { id: string }[] }>("GET", "/regions");
    const release = await api.call<{ id: string }>("POST", "/releases", {
      version: "2026.12.0",
      artifactSizeMb: 120,
      minAgentVersion: "1.0.0",
      regionIds: regions.items.map((r) => r.id).slice(0, 50),
    });
    const rollout = await api.call<{ id: string }>(
      "POST",
      "/rollouts",
      {
        releaseId: release.id,
        name: "test:ha rollout",
        satellites: satelliteIds.slice(0, rolloutSize),
        waves: [10, 50, 100],
        canarySize: 1,
        maxConcurrency: 25,
        bakeMinutes: 0,
        failureThresholdPct: 50,
      },
      "ha-rollout",
    );
    this.isRunning = true;
    this.loop = this.issue(api, satelliteIds.slice(rolloutSize));
    return rollout.id;
  }

  private async issue(api: Api, pool: string[]): Promise<void> {
    for (let n = 1; this.isRunning; n++) {
      const picked = Array.from({ length: 5 }, (_, i) => pool[(n * 5 + i) % pool.length]);
      const key = `ha-diagnostics-${n}`;
      try {
        await api.call(
          "POST",
          "/commands",
          {
            type: "diagnostics.run",
            payload: {},
            target: { satelliteIds: [...new Set(picked)] },
            reason: "test:ha",
            idempotencyKey: key,
          },
          key,
        );
        this.issued++;
      } catch {
        this.failures.set(this.phase, (this.failures.get(this.phase) ?? 0) + 1);
      }
      await sleep(3_000);
    }
  }

  async stop(): Promise<void> {
    this.isRunning = false;
    await this.loop;
  }
}
