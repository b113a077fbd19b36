// Lets Node run server/ code outside Next: the "server-only" marker resolves to an empty module.
import { register } from "node:module";

register("./server-only-loader.mjs", import.meta.url);
