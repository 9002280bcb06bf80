import type { JsonValue } from "./json-value";
import { orderedKeys, RAW_NUMBERS } from "./json-value";
import { stringifyJson } from "./text/json-text";

/**
 * Objects nearer the root than this are joined from their children's cached text; deeper ones are written
 * in one go (for a definition: root, `paths`, path items are joined; each operation is written whole).
 */
const JOIN_DEPTH = 3;

type WithRaw = { [RAW_NUMBERS]?: Record<string, string> };

/** Thrown inside a walk to stop it when the time slice is used up; the cache keeps what was written. */
const OUT_OF_TIME = Symbol("out-of-time");

/**
 * Compact JSON text of a value, exactly as `stringifyJson(value, 0)` writes it, remembering the text of each
 * object near the root by identity. Edits copy only the branches they change (the model is immutable), so
 * after a keystroke in a 1 MB definition only the few objects on the changed path are written again and the
 * rest is joined from cached text. The first write of a large value can be spread over several time slices
 * ({@link MemoStringifier.stringifyWithin}) so that no single main-thread task pays for all of it.
 */
export class MemoStringifier {
  private readonly cache = new WeakMap<object, string>();
  private stop: (() => boolean) | null = null;

  /** The whole text now. */
  stringify(value: JsonValue): string {
    this.stop = null;
    return this.write(value, 0);
  }

  /**
   * The whole text, or `null` when `outOfTime()` said stop before it was done; what was written so far is
   * kept, so calling again (in the next idle period) continues where this call stopped.
   */
  stringifyWithin(value: JsonValue, outOfTime: () => boolean): string | null {
    this.stop = outOfTime;
    try {
      return this.write(value, 0);
    } catch (error) {
      if (error === OUT_OF_TIME) return null;
      throw error;
    } finally {
      this.stop = null;
    }
  }

  private write(value: JsonValue, depth: number): string {
    if (typeof value !== "object" || value === null || Array.isArray(value) || depth >= JOIN_DEPTH) {
      return this.whole(value);
    }
    const cached = this.cache.get(value);
    if (cached !== undefined) return cached;
    const raw = (value as WithRaw)[RAW_NUMBERS];
    const parts: string[] = [];
    for (const key of orderedKeys(value)) {
      const item = value[key];
      if (item === undefined) continue; // JSON.stringify leaves such keys out
      const lexeme = raw?.[key];
      const text =
        lexeme !== undefined && typeof item === "number" && Object.is(Number(lexeme), item)
          ? lexeme
          : this.write(item, depth + 1);
      parts.push(`${JSON.stringify(key)}:${text}`);
    }
    const text = `{${parts.join(",")}}`;
    this.cache.set(value, text);
    return text;
  }

  private whole(value: JsonValue): string {
    if (typeof value !== "object" || value === null) return stringifyJson(value, 0);
    const cached = this.cache.get(value);
    if (cached !== undefined) return cached;
    if (this.stop?.()) throw OUT_OF_TIME;
    const text = stringifyJson(value, 0);
    this.cache.set(value, text);
    return text;
  }
}

/**
 * One cache for the active definitions, shared by the UI's writers of compact definition text (autosave and
 * the validation worker's input), so that the first write after an import is paid once.
 */
export const sharedDefinitionText = new MemoStringifier();
