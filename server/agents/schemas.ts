import { z } from "zod";
import { SATELLITE_KINDS } from "@/lib/fleet";
import { SERVICE_STATUS } from "@/lib/connectivity";
import { Labels, SatelliteInput, Slug } from "../satellites/schemas";

const pct = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .min(0, "must be between 0 and 100")
    .max(100, "must be between 0 and 100");
const nonNegative = (max: number) =>
  z.number({ error: "must be a number" }).min(0, "cannot be negative").max(max, `must be at most ${max}`);
const Version = z
  .string()
  .trim()
  .min(1, "is required")
  .max(40)
  .regex(/^[0-9A-Za-z][0-9A-Za-z.+-]*$/, "is not a version");

export const MAX_SAMPLES = 500;
const FUTURE_MS = 5 * 60_000;
const PAST_MS = 7 * 24 * 3_600_000;

export const EnrollSatellite = z.object({
  slug: Slug,
  name: SatelliteInput.shape.name,
  kind: z.enum(SATELLITE_KINDS, { error: `must be one of ${SATELLITE_KINDS.join(", ")}` }),
  provider: SatelliteInput.shape.provider,
  city: SatelliteInput.shape.city,
  country: SatelliteInput.shape.country,
  lat: z
    .number({ error: "must be a number" })
    .min(-90, "must be between -90 and 90")
    .max(90, "must be between -90 and 90"),
  lon: z
    .number({ error: "must be a number" })
    .min(-180, "must be between -180 and 180")
    .max(180, "must be between -180 and 180"),
  capacity: z.object({
    cores: z.number().int("must be a whole number").min(1).max(10_000_000),
    memoryGb: z.number().int("must be a whole number").min(1).max(1_000_000_000),
    storageTb: nonNegative(1_000_000),
  }),
  link: z.object({
    uplinkMbps: z.number().int("must be a whole number").min(1).max(100_000_000),
    downlinkMbps: z.number().int("must be a whole number").min(1).max(100_000_000),
  }),
  labels: Labels.optional(),
});
export type EnrollSatellite = z.infer<typeof EnrollSatellite>;

export const EnrollInput = z.object({
  joinToken: z.string({ error: "is required" }).min(1, "is required").max(200),
  // Validated only for a join token not bound to a registered satellite; a bound one ignores it.
  satellite: z.unknown().optional(),
  agentVersion: Version,
  stackVersion: Version,
});
export type EnrollInput = z.infer<typeof EnrollInput>;

export const ServiceName = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,39}$/, "service names are lower-case, up to 40 characters");

// Built once: zod compiles a schema on first use, so a schema per request would cost more than the work.
const Sample = z.object({
  seq: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "cannot be negative")
    .max(Number.MAX_SAFE_INTEGER, "must be at most 2^53-1"),
  at: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }),
  cpuPct: pct("cpuPct"),
  memPct: pct("memPct"),
  diskPct: pct("diskPct"),
  rxMbps: nonNegative(100_000_000),
  txMbps: nonNegative(100_000_000),
  rttMs: nonNegative(600_000),
  lossPct: pct("lossPct"),
  services: z
    .record(ServiceName, z.enum(SERVICE_STATUS, { error: `must be one of ${SERVICE_STATUS.join(", ")}` }))
    .refine((s) => Object.keys(s).length <= 50, "at most 50 services"),
});

export const HeartbeatInput = z.object({
  agentVersion: Version,
  stackVersion: Version,
  samples: z
    .array(Sample)
    .min(1, "must hold at least one sample")
    .max(MAX_SAMPLES, `must hold at most ${MAX_SAMPLES} samples`)
    .superRefine((samples, ctx) => {
      for (let i = 1; i < samples.length; i++) {
        if (samples[i].seq <= samples[i - 1].seq) {
          ctx.addIssue({ code: "custom", path: [i, "seq"], message: "samples must be in rising seq order" });
          return;
        }
      }
    }),
});
export type HeartbeatInput = z.infer<typeof HeartbeatInput>;
export type SampleInput = HeartbeatInput["samples"][number];

/** Field errors for samples timed more than 5 min ahead of `now` or more than 7 days before it. */
export function sampleTimeErrors(samples: SampleInput[], now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  samples.forEach((s, i) => {
    const t = Date.parse(s.at);
    if (t > now.getTime() + FUTURE_MS) errors[`samples[${i}].at`] = "is more than 5 min in the future";
    else if (t < now.getTime() - PAST_MS) errors[`samples[${i}].at`] = "is older than 7 days";
  });
  return errors;
}

export const AckInput = z.object({
  status: z.enum(["running", "succeeded", "failed"], { error: "must be running, succeeded or failed" }),
  message: z.string().max(2000, "must be at most 2000 characters").optional(),
  result: z.record(z.string(), z.unknown()).optional(),
});
export type AckInput = z.infer<typeof AckInput>;
