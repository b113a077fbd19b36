// Residency: whether a release may be carried into a compliance region. Commands, rollout planning, rollout
// start and each rollout wave all ask this one rule.

/** What the rule needs of a release: the compliance regions it is certified for. */
export type CertifiedRelease = { certifiedRegionIds: readonly string[] };

/** A release may run in a satellite's region only where it is certified; nowhere else. */
export function releaseAllowedIn(release: CertifiedRelease, regionId: string): boolean {
  return release.certifiedRegionIds.includes(regionId);
}
