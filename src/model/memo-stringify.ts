import type { JsonValue } from "./json-value";
import { orderedKeys, RAW_NUMBERS } from "./json-value";
import { stringifyJson } from "./text/json-text";

/**
 * Objects nearer the root than this are joined from their children's cached text; deeper ones are written
 * in one go (for a definition: root, `paths`, path items are joined; each operation is written whole).
 */
const JOIN_DEPTH = 3;

/** Whether a value at this depth is written by joining its members' text (else it is written whole). */
export function joinsAt(value: JsonValue, depth: number): value is Record<string, JsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && depth < JOIN_DEPTH;
}

/** The text of one member's value as the joined writer puts it: a raw lexeme while the number equals it. */
export function memberLexeme(value: object, key: string, item: JsonValue): string | undefined {
  const lexeme = (value as WithRaw)[RAW_NUMBERS]?.[key];
  return lexeme !== undefined && typeof item === "number" && Object.is(Number(lexeme), item)
    ? lexeme
    : undefined;
}

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

  /**
   * The compact text of a value written whole (never joined from parts), cached by identity: what
   * {@link joinsAt} says is a leaf of the text tree ({@link TextTreeSender}).
   */
  leaf(value: JsonValue): string {
    this.stop = null;
    return this.whole(value);
  }

  /** {@link leaf}, or `null` when `outOfTime()` said stop first (the next call starts again). */
  leafWithin(value: JsonValue, outOfTime: () => boolean): string | null {
    this.stop = outOfTime;
    try {
      return this.whole(value);
    } catch (error) {
      if (error === OUT_OF_TIME) return null;
      throw error;
    } finally {
      this.stop = null;
    }
  }

  private write(value: JsonValue, depth: number): string {
    if (!joinsAt(value, depth)) {
      return this.whole(value);
    }
    const cached = this.cache.get(value);
    if (cached !== undefined) return cached;
    const parts: string[] = [];
    for (const key of orderedKeys(value)) {
      const item = value[key];
      if (item === undefined) continue; // JSON.stringify leaves such keys out
      const text = memberLexeme(value, key, item) ?? this.write(item, depth + 1);
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
