// Composes one satellite's samples from the behaviour models, all driven by one slug-seeded PRNG.
import type { Sample } from "../protocol";
import { type Link, bandwidthAt } from "./bandwidth";
import { type HealthEpisode, servicesFrom, stepHealth } from "./health";
import { type Rng, rngFor } from "./prng";
import { type SiteProfile, siteProfile } from "./profile";
import { resourcesAt } from "./resources";
import { lossPctSample, rttSampleMs } from "./rtt";

export type SiteShape = { slug: string; lat: number; lon: number; link: Link };

export class SampleModel {
  readonly profile: SiteProfile;
  private readonly rng: Rng;
  private episodes: HealthEpisode[] = [];
  private lastMs: number | null = null;

  constructor(private readonly site: SiteShape) {
    this.profile = siteProfile(site.slug, site.lat, site.lon);
    this.rng = rngFor(site.slug, "samples");
  }

  /** `extraDelayMs` is what a slow link adds to this round trip. */
  sample(seq: number, nowMs: number, extraDelayMs = 0): Sample {
    const elapsedSec = this.lastMs === null ? 0 : Math.max(0, (nowMs - this.lastMs) / 1000);
    this.lastMs = nowMs;
    this.episodes = stepHealth(this.episodes, this.rng, nowMs, elapsedSec);
    const services = servicesFrom(this.episodes);
    const traffic = bandwidthAt(this.profile, this.rng, nowMs, this.site.lon, this.site.link);
    const { cpuPct, memPct, diskPct } = resourcesAt(this.profile, this.rng, nowMs, traffic.share);
    return {
      seq,
      at: new Date(nowMs).toISOString(),
      cpuPct,
      memPct,
      diskPct,
      rxMbps: traffic.rxMbps,
      txMbps: traffic.txMbps,
      rttMs: rttSampleMs(this.rng, this.profile.baseRttMs, extraDelayMs),
      lossPct: lossPctSample(this.rng, services.network !== "ok"),
      services,
    };
  }

  /** A restarted service comes back healthy. */
  endEpisode(service: string): void {
    this.episodes = this.episodes.filter((e) => e.service !== service);
  }

  /** For diagnostics results: `service:status` of each ongoing episode. */
  get degradedServices(): string[] {
    return this.episodes.map((e) => `${e.service}:${e.status}`);
  }
}
