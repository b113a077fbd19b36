// What the evaluator reads: the parts of the fleet alert rules look at, loaded with one query per kind
// (server/alerts/snapshot.ts). Plain data, so the evaluator stays pure.

export type SatelliteFact = {
  id: string;
  slug: string;
  regionId: string;
  labelText: string;
  /** When the satellite went (or goes) offline: lastSeenAt plus the offline threshold. */
  offlineAfter: Date | null;
  reportedHealth: string;
  agentVersion: string | null;
};

export type FleetSnapshot = {
  /** Live satellites that are offline or critical now. */
  impacted: SatelliteFact[];
  /** Live, once-seen satellites counted by region and label text, for shares of a region. */
  population: { regionId: string; labelText: string; count: number }[];
  /** Satellites whose agent is older than the newest version any rule asks for. */
  agents: SatelliteFact[];
  rollouts: {
    id: string;
    name: string;
    status: string;
    pausedReason: string | null;
    finishedAt: Date | null;
    /** Region and label text of each satellite it targets, for scoping. */
    targets: { regionId: string; labelText: string }[];
  }[];
  commands: {
    id: string;
    type: string;
    message: string | null;
    finishedAt: Date;
    satellite: { id: string; slug: string; regionId: string; labelText: string };
  }[];
};

export const EMPTY_SNAPSHOT: FleetSnapshot = {
  impacted: [],
  population: [],
  agents: [],
  rollouts: [],
  commands: [],
};
