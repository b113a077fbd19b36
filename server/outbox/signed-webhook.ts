import type { EgressPolicy } from "./egress";
import { postBody, type PostResult } from "./http-post";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from "./signing";

export type SignedDelivery = {
  url: string;
  /** The receiver's shared secret; without one the body goes unsigned (Slack, Teams). */
  secret?: string | null;
  /** The outbox message's id: the same on every retry, so a receiver can drop a repeat. */
  deliveryId: string;
  event: string;
  body: unknown;
  headers?: Record<string, string>;
};

/**
 * Delivers one JSON body to a URL under the egress rule, signed when there is a secret. The one way
 * Orrery posts to a receiver: alert channels use it, and so can status-page subscribers.
 */
export async function deliverSigned(
  delivery: SignedDelivery,
  policy: EgressPolicy,
  now = new Date(),
): Promise<PostResult> {
  const body = JSON.stringify(delivery.body);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    [DELIVERY_HEADER]: delivery.deliveryId,
    [EVENT_HEADER]: delivery.event,
    ...delivery.headers,
  };
  if (delivery.secret) headers[SIGNATURE_HEADER] = signatureHeader(delivery.secret, body, now);
  return postBody(delivery.url, body, headers, policy);
}
