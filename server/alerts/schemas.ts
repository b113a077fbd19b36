import { z } from "zod";
import { encodeLabelPair } from "@/lib/labels";
import { Duration } from "../agents/join-tokens";
import { CHANNEL_KINDS } from "../notify/channel-config";
import { ALERT_KINDS } from "./kinds";

// What the alert forms and API accept. Forms send strings: "" means not given; lists arrive as repeated
// keys or as text split on commas and new lines. Every message is written for the person at the form.

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const list = (v: unknown) => {
  if (v === undefined || v === null || v === "") return [];
  const items = Array.isArray(v) ? v : [v];
  return items
    .flatMap((x) => (typeof x === "string" ? x.split(/[,\n]/) : [x]))
    .map((x) => (typeof x === "string" ? x.trim() : x))
    .filter((x) => x !== "");
};
const onOff = z.preprocess(
  (v) => (v === undefined || v === "" ? "on" : v === true ? "on" : v === false ? "off" : v),
  z.enum(["on", "off"], { error: "Choose on or off" }).transform((v) => v === "on"),
);
const Name = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(80, "Keep the name under 80 characters");

export const ChannelInput = z.object({
  name: Name,
  kind: z.enum(CHANNEL_KINDS, { error: "Choose what kind of channel this is" }),
  url: z.preprocess(blank, z.string().trim().max(2000, "Keep the URL under 2000 characters").optional()),
  to: z.preprocess(list, z.array(z.string())),
  secret: z.preprocess(blank, z.string().trim().max(200, "Keep the secret under 200 characters").optional()),
  enabled: onOff,
});
export type ChannelInput = z.input<typeof ChannelInput>;

export const IdInput = z.object({ id: z.string({ error: "Say which one" }).min(1, "Say which one").max(40) });

const LABEL_PAIR = /^[a-z0-9][a-z0-9_./-]{0,62}=.{1,200}$/;

export const RuleInput = z.object({
  name: Name,
  kind: z.enum(ALERT_KINDS, { error: "Choose what the rule watches" }),
  minutes: z.unknown().optional(),
  percent: z.unknown().optional(),
  version: z.unknown().optional(),
  regionIds: z.preprocess(list, z.array(z.string().max(40)).max(100)),
  labels: z.preprocess(
    list,
    z
      .array(
        z
          .string()
          .refine((p) => LABEL_PAIR.test(p), { message: "Write each label as key=value, such as tier=gold" }),
      )
      .max(20, "Use at most 20 labels"),
  ),
  channelIds: z.preprocess(list, z.array(z.string().max(40)).max(50, "Send to at most 50 channels")),
  repeatMinutes: z.preprocess(
    (v) => (blank(v) === undefined ? 60 : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "Enter the repeat interval in minutes" })
      .int("Enter the repeat interval as a whole number of minutes")
      .min(5, "Repeat at most every 5 minutes")
      .max(10_080, "Repeat at least once a week (10080 minutes)"),
  ),
  enabled: onOff,
});
export type RuleInput = z.input<typeof RuleInput>;

/** The stored selector of a rule's labels: every pair must match (|pair|pair|, encoded like labelText). */
export function labelSelectorOf(pairs: string[]): string {
  const unique = [...new Set(pairs)];
  return unique.length ? `|${unique.map(encodeLabelPair).join("|")}|` : "";
}

export const SILENCE_MAX_MS = 30 * 86_400_000;

export const SilenceInput = z.object({
  ruleId: z.preprocess(blank, z.string().max(40).optional()),
  regionId: z.preprocess(blank, z.string().max(40).optional()),
  satellite: z.preprocess(blank, z.string().trim().max(100).optional()),
  duration: z.preprocess(
    (v) => blank(v) ?? "2h",
    Duration.refine((ms) => ms <= SILENCE_MAX_MS, "A silence lasts at most 30 days"),
  ),
  reason: z
    .string({ error: "Say why the alerts may wait" })
    .trim()
    .min(3, "Say why the alerts may wait, in a few words")
    .max(300, "Keep the reason under 300 characters"),
});
export type SilenceInput = z.input<typeof SilenceInput>;
