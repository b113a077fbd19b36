import "server-only";
import { processSingleton } from "../cache/process-singleton";
import { isSqlite } from "../db-raw";
import { PgIngestWriter } from "./pg-writer";
import { SqliteIngestWriter } from "./sqlite-writer";
import type { IngestWriter } from "./types";

/** The process's one ingest writer, for the database DATABASE_URL names. */
export function ingestWriter(): IngestWriter {
  return processSingleton<IngestWriter>("ingest-writer", () =>
    isSqlite ? new SqliteIngestWriter() : new PgIngestWriter(),
  );
}
