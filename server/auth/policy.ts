// The role table is pure data shared with the UI, so it lives in lib/policy.ts; edit it there.
export * from "../../lib/policy";
