import "server-only";
import { createHash } from "node:crypto";

const TAGGED: unique symbol = Symbol.for("orrery.tagged-json");

/** A value serialised once, with the ETag of that serialisation: what a cache keeps and route() answers. */
export type TaggedJson = { readonly json: string; readonly etag: string; readonly [TAGGED]: true };

/** A strong validator for a body: a hash of its content, so an unchanged answer keeps its ETag. */
export function contentEtag(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

export function tagJson(value: unknown): TaggedJson {
  const json = JSON.stringify(value);
  return { json, etag: contentEtag(json), [TAGGED]: true };
}

export function isTaggedJson(value: unknown): value is TaggedJson {
  return typeof value === "object" && value !== null && TAGGED in value;
}
