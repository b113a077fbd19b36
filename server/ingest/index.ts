import "server-only";
import { isSqlite } from "../db-raw";
import { PgIngestWriter } from "./pg-writer";
import { SqliteIngestWriter } from "./sqlite-writer";
import type { IngestWriter } from "./types";

const globalIngest = globalThis as unknown as { orreryIngest?: IngestWriter };

/** The process's one ingest writer, for the database DATABASE_URL names. */
export function ingestWriter(): IngestWriter {
  globalIngest.orreryIngest ??= isSqlite ? new SqliteIngestWriter() : new PgIngestWriter();
  return globalIngest.orreryIngest;
}
