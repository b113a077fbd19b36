import { z } from "zod";

const version = z.string().trim().min(1).max(40);

/** Every command type an agent understands, with the payload it carries. */
export const COMMAND_PAYLOADS = {
  "stack.upgrade": z.object({ version, releaseId: z.string().optional() }),
  "stack.rollback": z.object({ version: version.optional() }),
  "service.restart": z.object({
    service: z.string().regex(/^[a-z][a-z0-9_.-]{0,39}$/, "is not a service name"),
  }),
  "satellite.cordon": z.object({ reason: z.string().max(500).optional() }),
  "satellite.uncordon": z.object({ reason: z.string().max(500).optional() }),
  "satellite.maintenance": z.object({
    reason: z.string().max(500).optional(),
    until: z.iso.datetime().optional(),
  }),
  "agent.rotate-credentials": z.object({}),
  "link.set-limit": z.object({
    uplinkMbps: z.number().int().min(1).max(100_000_000).optional(),
    downlinkMbps: z.number().int().min(1).max(100_000_000).optional(),
  }),
  "diagnostics.run": z.object({ checks: z.array(z.string().max(40)).max(20).optional() }),
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
