// Distinct codes let a service manager tell "restart me" (crashed) from "a person must act" (the rest):
// the systemd unit in agent/README.md sets RestartPreventExitStatus=2 3 4.
export const EXIT = {
  stopped: 0,
  crashed: 1,
  usage: 2,
  tokenRevoked: 3,
  enrollmentRefused: 4,
} as const;
