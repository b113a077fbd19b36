import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { CliError, EXIT } from "./exit";

export type Config = { url: string; token: string; source: string };
type Env = Record<string, string | undefined>;

/** `$XDG_CONFIG_HOME/orrery/config.json`, or `~/.config/orrery/config.json`. */
export function configPath(env: Env = process.env): string {
  const base = env.XDG_CONFIG_HOME?.trim() || join(homedir(), ".config");
  return join(base, "orrery", "config.json");
}

type FileConfig = { url?: unknown; token?: unknown };

function readFileConfig(path: string, warn: (line: string) => void): FileConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {};
  }
  try {
    // A token is a password: a file others can read is worth a warning, as ssh gives one.
    if ((statSync(path).mode & 0o077) !== 0) warn(`warning: ${path} is readable by others; chmod 600 it.`);
  } catch {
    /* the file was just read; a failed stat changes nothing */
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as FileConfig;
  } catch {
    /* reported below */
  }
  throw new CliError(`${path} is not a JSON object like {"url": "https://…", "token": "orr_…"}.`, EXIT.usage);
}

/** The core's origin, without a trailing slash or the /api/v1 a person may have pasted with it. */
function normaliseUrl(raw: string, from: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CliError(`${from} is not a URL: ${raw}`, EXIT.usage);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(`${from} must start with https:// (or http:// for a local core): ${raw}`, EXIT.usage);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "").replace(/\/api\/v1$/, "")}`;
}

/**
 * Where to reach Orrery and as whom: ORRERY_URL and ORRERY_TOKEN win over the config file, each on its own,
 * so a pipeline can keep the URL in the file and pass the token from its secret store.
 */
export function loadConfig(env: Env = process.env, warn = (line: string) => console.error(line)): Config {
  const path = configPath(env);
  const file = readFileConfig(path, warn);
  const rawUrl = env.ORRERY_URL?.trim() || (typeof file.url === "string" ? file.url : "");
  const token = env.ORRERY_TOKEN?.trim() || (typeof file.token === "string" ? file.token.trim() : "");
  const urlFrom = env.ORRERY_URL?.trim() ? "ORRERY_URL" : `"url" in ${path}`;
  if (!rawUrl) {
    throw new CliError(
      `Say where Orrery is: set ORRERY_URL (e.g. https://orrery.example.com) or "url" in ${path}.`,
      EXIT.usage,
    );
  }
  if (!token) {
    throw new CliError(
      `No API token: set ORRERY_TOKEN or "token" in ${path}. Create one in the console under Settings › API tokens.`,
      EXIT.auth,
    );
  }
  if (!token.startsWith("orr_")) {
    throw new CliError(
      "The API token should start with orr_. Check ORRERY_TOKEN or the config file.",
      EXIT.auth,
    );
  }
  return {
    url: normaliseUrl(rawUrl, urlFrom),
    token,
    source: env.ORRERY_TOKEN?.trim() ? "ORRERY_TOKEN" : path,
  };
}
