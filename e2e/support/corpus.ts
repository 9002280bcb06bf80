import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The shared corpus, beside the repository (`../shared/corpus`, as CI lays it out), or where
 * `CONNECTOR_STUDIO_CORPUS` points.
 */
export const CORPUS_DIR =
  process.env.CONNECTOR_STUDIO_CORPUS ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "corpus");

/** The largest published connector (1.1 MB, 219 operations). */
export const ENCODIAN_DIR = path.join(CORPUS_DIR, "connectors", "certified-connectors", "Encodian");

/** The Postman collection with the most requests (951, merged into 20 operations; ~900 report entries). */
export const SABRE_COLLECTION = path.join(
  CORPUS_DIR,
  "postman",
  "sabre-booking-management-api-v2025.05.postman_collection.v2_1.json",
);
