import { describe, expect, it } from "vitest";
import { EXPIRED_MESSAGE, UNDELIVERABLE_MESSAGE } from "../commands/lifecycle";
import { classifyFailure, leftBehindReason } from "./failures";

describe("classifyFailure", () => {
  it("retries what a retry can change: offline, stale, timed out or vanished commands", () => {
    expect(
      classifyFailure({ commandState: "expired", commandMessage: EXPIRED_MESSAGE, commandDeliveries: 0 }),
    ).toEqual({
      isRetryable: true,
      reason: "agent offline: the upgrade was never delivered before it expired",
    });
    expect(
      classifyFailure({ commandState: "expired", commandMessage: EXPIRED_MESSAGE, commandDeliveries: 2 }),
    ).toEqual({
      isRetryable: true,
      reason: "timed out: the agent took the upgrade but never confirmed it",
    });
    expect(classifyFailure({ commandState: "failed", commandMessage: UNDELIVERABLE_MESSAGE })).toEqual({
      isRetryable: true,
      reason: `agent stale or offline: ${UNDELIVERABLE_MESSAGE}`,
    });
    expect(classifyFailure({ commandState: null }).isRetryable).toBe(true);
  });

  it("skips what happens the same way again: the agent's own failure, or a cancelled upgrade", () => {
    expect(
      classifyFailure({
        commandState: "failed",
        commandMessage: "health check failed after upgrade: kubelet not ready",
      }),
    ).toEqual({
      isRetryable: false,
      reason: "the agent reported: health check failed after upgrade: kubelet not ready",
    });
    expect(classifyFailure({ commandState: "failed", commandMessage: null })).toEqual({
      isRetryable: false,
      reason: "the agent reported a failure",
    });
    expect(
      classifyFailure({ commandState: "cancelled", commandMessage: "cancelled by ada@example.test" }),
    ).toEqual({
      isRetryable: false,
      reason: "the upgrade was cancelled by ada@example.test",
    });
  });

  it("never calls an upgrade still on its way a failure to retry", () => {
    for (const state of ["queued", "delivered", "running", "succeeded"] as const) {
      expect(classifyFailure({ commandState: state }).isRetryable).toBe(false);
    }
  });
});

describe("leftBehindReason", () => {
  it("says why each satellite of a finished rollout is not on the release, and nothing for the others", () => {
    expect(leftBehindReason({ state: "succeeded", commandState: "succeeded" })).toBeNull();
    expect(
      leftBehindReason({ state: "excluded", commandState: null, excludedReason: "eu-gdpr is not certified" }),
    ).toBeNull();
    expect(leftBehindReason({ state: "failed", commandState: "expired", commandDeliveries: 0 })).toMatch(
      /^agent offline/,
    );
    expect(
      leftBehindReason({
        state: "skipped",
        commandState: "failed",
        excludedReason: "skipped by Ada: known bad disk",
      }),
    ).toBe("skipped by Ada: known bad disk");
    expect(leftBehindReason({ state: "skipped", commandState: "failed", commandMessage: "disk full" })).toBe(
      "skipped (the agent reported: disk full)",
    );
    expect(leftBehindReason({ state: "pending", commandState: null })).toBe(
      "not upgraded before the rollout ended",
    );
  });
});
