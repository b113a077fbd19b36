#!/usr/bin/env node
// The `orrery` bin: runs the TypeScript CLI in-process through tsx, from wherever it is called.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
await main();
