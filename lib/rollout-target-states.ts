// A rollout target's states, in the order the rollout page lists them. Here rather than in server/rollouts/
// because the page's filter needs the list itself, and components take no values from server/.
export const TARGET_STATES = [
  "pending",
  "excluded",
  "upgrading",
  "succeeded",
  "failed",
  "skipped",
  "rolled_back",
] as const;
export type TargetState = (typeof TARGET_STATES)[number];
