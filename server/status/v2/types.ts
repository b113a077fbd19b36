import type { PublicStatus } from "@/lib/status/public-status";

// The Statuspage v2 read format as Orrery writes it (server/status/v2/map.ts); format-schema.ts holds the
// same format as the public documentation states it, for tests.

/** operational | under_maintenance | degraded_performance | partial_outage | major_outage */
export type V2Status = PublicStatus;
export type V2Page = { id: string; name: string; url: string; time_zone: string; updated_at: string };
export type V2Component = {
  id: string;
  name: string;
  status: V2Status;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  components?: string[];
};
export type V2AffectedComponent = { code: string; name: string; old_status: V2Status; new_status: V2Status };
export type V2IncidentUpdate = {
  id: string;
  status: string;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: V2AffectedComponent[];
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
};
export type V2Incident = {
  id: string;
  name: string;
  status: string;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: string;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: V2IncidentUpdate[];
  components: V2Component[];
};
export type V2Maintenance = Omit<V2Incident, "status"> & {
  status: "scheduled" | "in_progress" | "verifying" | "completed";
  scheduled_for: string;
  scheduled_until: string;
};

/** Everything the v2 answers of one snapshot are cut from, built once per snapshot. */
export type V2View = {
  page: V2Page;
  components: V2Component[];
  status: { indicator: string; description: string };
  incidents: V2Incident[];
  unresolved: V2Incident[];
  maintenances: V2Maintenance[];
  /** Every incident the page shows (open, and resolved in the last 90 days), by id. */
  byId: Map<string, V2Incident>;
};
