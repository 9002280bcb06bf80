/**
 * An independent oracle for JSON round trips, deliberately not built on `src/model/text`: a regex tokenizer
 * that compares two JSON texts token by token (strings by value, numbers by lexeme, whitespace ignored) and
 * finds duplicate keys. Used by the `roundtrip` corpus section.
 */

export interface OracleTokens {
  tokens: string[];
  /** Duplicate keys found (key and 1-based line of the repeat). */
  duplicates: { key: string; line: number }[];
}

const TOKEN =
  // eslint-disable-next-line no-control-regex -- raw control characters are what makes a JSON string invalid
  /[ \t\r\n]+|"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|[{}[\],:]|true|false|null/y;

/** Tokens of a JSON text (strings normalised to JSON.stringify of their value), or null when it is not JSON. */
export function jsonTokens(text: string): OracleTokens | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    JSON.parse(body);
  } catch {
    return null;
  }
  const tokens: string[] = [];
  const duplicates: { key: string; line: number }[] = [];
  // Per open container: the keys seen (objects) or null (arrays); and whether the next string is a key.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  let line = 1;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(body);
    if (!m) throw new Error(`oracle tokenizer stopped at offset ${start}`);
    const t = m[0];
    const c = t.charCodeAt(0);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      for (let i = 0; i < t.length; i++) {
        const d = t.charCodeAt(i);
        if (d === 10 || (d === 13 && t.charCodeAt(i + 1) !== 10)) line++;
      }
      continue;
    }
    if (c === 34) {
      const value = t.includes("\\") ? (JSON.parse(t) as string) : t.slice(1, -1);
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        if (top.has(value)) duplicates.push({ key: value, line });
        top.add(value);
      }
      tokens.push(t.includes("\\") ? JSON.stringify(value) : t);
      expectKey = false;
      continue;
    }
    if (c === 123) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 91) {
      stack.push(null);
      expectKey = false;
    } else if (c === 125 || c === 93) {
      stack.pop();
    } else if (c === 44) {
      expectKey = stack[stack.length - 1] != null;
    }
    tokens.push(t);
  }
  return { tokens, duplicates };
}

/** The first difference between two token lists, or null when they are the same. */
export function firstDifference(a: readonly string[], b: readonly string[]): string | null {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      const context = a.slice(Math.max(0, i - 4), i).join("");
      return `token ${i} after …${context.slice(-60)}: expected ${a[i]?.slice(0, 60)}, got ${b[i]?.slice(0, 60)}`;
    }
  }
  if (a.length !== b.length) return `expected ${a.length} tokens, got ${b.length}`;
  return null;
}
