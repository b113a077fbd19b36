/** The agent's first start on the satellite's host, as agent/README.md documents it. */
export function agentCommand(coreUrl: string, token: string, isReEnroll = false): string {
  return [
    "npx tsx agent/agent.ts",
    `--core ${coreUrl}`,
    `--join-token ${token}`,
    "--state-dir /var/lib/orrery-agent",
    ...(isReEnroll ? ["--re-enroll"] : []),
  ].join(" ");
}

/** What stands in for the token until one is made. */
export const TOKEN_PLACEHOLDER = "orr_join_…";
