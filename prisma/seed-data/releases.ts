// The demo's releases: the fleet runs the older three; the newest is certified in some regions only.
export const RELEASES = [
  {
    version: "2026.9.2",
    minAgentVersion: "1.2.0",
    artifactSizeMb: 2140,
    regions: "all",
    notes: "Kubernetes 1.33, storage driver fixes.",
  },
  {
    version: "2026.10.3",
    minAgentVersion: "1.3.0",
    artifactSizeMb: 2210,
    regions: "all",
    notes: "Security patches for the control-plane API; DNS cache tuning.",
  },
  {
    version: "2026.11.1",
    minAgentVersion: "1.3.0",
    artifactSizeMb: 2380,
    regions: "all",
    notes: "Kubernetes 1.34, faster image pulls over slow links.",
  },
  {
    version: "2026.12.0",
    minAgentVersion: "1.4.0",
    artifactSizeMb: 2455,
    regions: ["eu-gdpr", "uk-gdpr", "us-fedramp", "ca-pipeda", "jp-appi", "au-irap", "sg-pdpa"],
    notes: "New network policy engine. Certification pending in the remaining regions.",
  },
] as const;
