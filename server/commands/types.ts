import { z } from "zod";

const version = z.string().trim().min(1).max(40).meta({ label: "Release" });
const mbps = (label: string) => z.number().int().min(1).max(100_000_000).meta({ label }).optional();

// Labels (`.meta`) are what a refused form names: "Service is required". Why a command was sent is the
// command's own `reason`, not part of any payload.
/** Every command type an agent understands, with the payload it carries. */
export const COMMAND_PAYLOADS = {
  "stack.upgrade": z.object({ version, releaseId: z.string().optional() }),
  "stack.rollback": z.object({ version: version.optional() }),
  "service.restart": z.object({
    service: z
      .string()
      .regex(/^[a-z][a-z0-9_.-]{0,39}$/, "is not a service name")
      .meta({ label: "Service" }),
  }),
  "satellite.cordon": z.object({}),
  "satellite.uncordon": z.object({}),
  "satellite.maintenance": z.object({ until: z.iso.datetime().meta({ label: "Until" }).optional() }),
  "agent.rotate-credentials": z.object({}),
  "link.set-limit": z.object({ uplinkMbps: mbps("Uplink limit"), downlinkMbps: mbps("Downlink limit") }),
  "diagnostics.run": z.object({
    checks: z
      .array(z.string().max(40).meta({ label: "Check" }))
      .max(20)
      .meta({ label: "Checks" })
      .optional(),
  }),
} as const;

export type CommandType = keyof typeof COMMAND_PAYLOADS;
export const COMMAND_TYPES = Object.keys(COMMAND_PAYLOADS) as CommandType[];

// An own-property test: `in` would also accept "constructor", "toString" or "__proto__" from the prototype.
export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(COMMAND_PAYLOADS, type);
}

/** Lifecycle a successful command leaves its satellite in, once the agent confirms it. */
export const LIFECYCLE_ON_SUCCESS: Partial<Record<CommandType, "active" | "cordoned" | "maintenance">> = {
  "satellite.cordon": "cordoned",
  "satellite.uncordon": "active",
  "satellite.maintenance": "maintenance",
};
