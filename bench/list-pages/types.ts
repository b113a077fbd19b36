// What every page module of npm run bench:list gets and gives (bench/satellites-list.ts runs them).
import type { Ctx } from "../../server/auth/context";

export type PageBenchCtx = {
  /** Actors as the console builds them for a session (actorForSession), one per demo role. */
  admin: Ctx;
  operator: Ctx;
  /** The demo operator scoped to some regions, for pages whose cost depends on a region scope. */
  scopedOperator: Ctx;
  auditor: Ctx;
  viewer: Ctx;
  /** The time the bench started; pages that take a `now` get this one, so every run reads the same rows. */
  now: Date;
  /** How many satellites were seeded, and on which database. */
  satellites: number;
  db: "sqlite" | "postgres";
  ids: {
    /** An active satellite that has reported: the typical satellite page. */
    satellite: string;
    satelliteSlug: string;
    /** A satellite that never sent a heartbeat (its page shows enrollment instead of commands). */
    neverSeenSatellite: string;
    /** A region and a label pair that the seeded fleet uses, for filters. */
    region: string;
    label: string;
  };
};

/** One measured page (or one variant of a page): `run` makes the server calls its page.tsx makes. */
export type PageBench = {
  name: string;
  run(ctx: PageBenchCtx): Promise<void>;
  /** Optional one-off preparation outside the timing (e.g. picking ids the page needs). */
  setup?(ctx: PageBenchCtx): Promise<void>;
};

/** A module in bench/list-pages/ exports one page or several variants as its default. */
export type PageBenchModule = { default: PageBench | PageBench[] };
