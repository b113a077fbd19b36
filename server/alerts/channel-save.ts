import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError, fieldsFromZod, type FieldErrors } from "../errors";
import { CONFIG_SCHEMAS, SECRET_OF, type ChannelKind } from "../notify/channel-config";
import { checkDestination, EgressRefused, type EgressPolicy } from "../outbox/egress";
import { mailConfig, type MailConfig } from "../outbox/mail";
import { egressPolicy } from "../outbox/policy";

/** Where the deployment lets Orrery send; tests inject their own. */
export type SendSettings = { egress?: EgressPolicy; mail?: MailConfig };
import { ChannelInput } from "./schemas";

export type SavedChannel = {
  name: string;
  kind: ChannelKind;
  config: { url?: string; to?: string[] };
  /** undefined: keep the stored secret (an edit that left the field empty). */
  secret?: string;
  enabled: boolean;
  /** A secret Orrery made up, to be shown once. */
  generatedSecret?: string;
};

function invalid(fields: FieldErrors): never {
  const [first] = Object.entries(fields);
  throw new AppError("VALIDATION", first[1], { fields });
}

/**
 * Parses a channel form into what is stored, checking what only the server can: that email is
 * configured, and that the URL is one Orrery will send to (https, a public address) where it resolves now.
 * `existing` is the channel being edited: its kind stays, an empty URL or secret keeps the stored one.
 */
export async function parseChannel(
  input: unknown,
  settings: SendSettings,
  existing?: { kind: ChannelKind; config: unknown; hasSecret: boolean },
): Promise<SavedChannel> {
  const parsed = ChannelInput.safeParse({
    ...(input as object),
    ...(existing ? { kind: existing.kind } : {}),
  });
  if (!parsed.success) invalid(fieldsFromZod(parsed.error));
  const { name, kind, url, to, secret, enabled } = parsed.data;
  // The secret first: it needs no network, and a missing one is the likelier mistake.
  const needs = SECRET_OF[kind];
  let stored = needs ? secret : undefined;
  let generatedSecret: string | undefined;
  if (needs && !stored && !existing?.hasSecret) {
    if (kind !== "webhook") invalid({ secret: `Enter the ${needs.label.toLowerCase()}` });
    stored = generatedSecret = `whsec_${randomBytes(24).toString("base64url")}`;
  }
  if (kind === "pagerduty" && stored && !/^[A-Za-z0-9]{20,64}$/.test(stored)) {
    invalid({
      secret:
        "A PagerDuty routing key is 32 letters and digits, from the service's Events API v2 integration",
    });
  }
  if (kind === "webhook" && stored && stored.length < 16) {
    invalid({ secret: "Use a signing secret of at least 16 characters, or leave it empty to have one made" });
  }
  let config: SavedChannel["config"];
  if (kind === "email") {
    if (!(settings.mail ?? mailConfig()).smtpUrl) {
      invalid({ kind: "Email needs an SMTP server: set SMTP_URL where Orrery runs, then add this channel" });
    }
    const emails = CONFIG_SCHEMAS.email.safeParse({ to });
    if (!emails.success) invalid({ to: emails.error.issues[0].message });
    config = emails.data;
  } else {
    const kept = existing && !url ? z.object({ url: z.string() }).safeParse(existing.config) : null;
    const given = url ?? (kept?.success ? kept.data.url : undefined);
    const shaped = CONFIG_SCHEMAS[kind].safeParse(given === undefined ? {} : { url: given });
    if (!shaped.success) invalid({ url: "Enter the URL Orrery should post to" });
    config = shaped.data;
    try {
      await checkDestination(config.url!, settings.egress ?? egressPolicy());
    } catch (error) {
      if (error instanceof EgressRefused) invalid({ url: `This URL ${error.message}` });
      invalid({ url: `Orrery could not check this URL: ${(error as Error).message}` });
    }
  }
  return { name, kind, config, secret: stored, enabled, generatedSecret };
}

/** A URL as lists show it: Slack and Teams URLs carry their own secret, so only the host and the start. */
export function redactUrl(url: string | undefined): string {
  if (!url) return "";
  try {
    const u = new URL(url);
    const path = u.pathname.length > 12 ? `${u.pathname.slice(0, 12)}…` : u.pathname;
    return `${u.protocol}//${u.host}${path}`;
  } catch {
    return "";
  }
}
