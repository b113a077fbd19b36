// Service health episodes: now and then one service turns degraded (rarely down) for a few minutes.
import type { ServiceStatus } from "../protocol";
import { type Rng, chance, pick, uniform } from "./prng";

export const SERVICES = ["compute", "storage", "network", "kubernetes", "dns"] as const;
export type ServiceName = (typeof SERVICES)[number];

export type HealthEpisode = { service: ServiceName; status: "degraded" | "down"; untilMs: number };

/** Per satellite; a fleet of 300 shows a handful of degraded services at any moment. */
export const EPISODES_PER_HOUR = 0.4;
const DOWN_SHARE = 0.1;

/**
 * Ends the episodes that are over and maybe starts one. The chance scales with the time since the last
 * step, so beating faster does not make a site sicker.
 */
export function stepHealth(
  episodes: readonly HealthEpisode[],
  rng: Rng,
  nowMs: number,
  elapsedSec: number,
  ratePerHour = EPISODES_PER_HOUR,
): HealthEpisode[] {
  const live = episodes.filter((e) => e.untilMs > nowMs);
  if (!chance(rng, (ratePerHour * elapsedSec) / 3600)) return live;
  const healthy = SERVICES.filter((s) => !live.some((e) => e.service === s));
  if (healthy.length === 0) return live;
  const minutes = uniform(rng, 2, 8);
  live.push({
    service: pick(rng, healthy),
    status: chance(rng, DOWN_SHARE) ? "down" : "degraded",
    untilMs: nowMs + minutes * 60_000,
  });
  return live;
}

export function servicesFrom(episodes: readonly HealthEpisode[]): Record<ServiceName, ServiceStatus> {
  const services: Record<ServiceName, ServiceStatus> = {
    compute: "ok",
    storage: "ok",
    network: "ok",
    kubernetes: "ok",
    dns: "ok",
  };
  for (const e of episodes) services[e.service] = e.status;
  return services;
}
