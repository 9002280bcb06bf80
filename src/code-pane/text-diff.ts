/** One replacement that turns an old text into a new one: `old.slice(0, start) + text + old.slice(end)`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const CHUNK = 256;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The smallest single replacement (common prefix and suffix kept) that turns `oldText` into `newText`, or
 * null when they are equal. The Swagger editor applies it as one model edit, so the cursor, the selection
 * and the scroll position outside the changed span stay where they were. Never splits a surrogate pair or
 * a CRLF line break.
 *
 * @example minimalEdit('{"a": 1}', '{"a": 2}') // { start: 6, end: 7, text: "2" }
 */
export function minimalEdit(oldText: string, newText: string): TextEdit | null {
  if (oldText === newText) return null;
  const max = Math.min(oldText.length, newText.length);
  // Compare in chunks first: substring equality is a memory compare, far faster than charCodeAt per
  // character on a 1 MB document.
  let prefix = 0;
  while (
    prefix + CHUNK <= max &&
    oldText.slice(prefix, prefix + CHUNK) === newText.slice(prefix, prefix + CHUNK)
  )
    prefix += CHUNK;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  if (
    prefix > 0 &&
    (isHighSurrogate(oldText.charCodeAt(prefix - 1)) || oldText.charCodeAt(prefix - 1) === 0x0d)
  ) {
    prefix--;
  }
  let suffix = 0;
  const maxSuffix = max - prefix;
  while (
    suffix + CHUNK <= maxSuffix &&
    oldText.slice(oldText.length - suffix - CHUNK, oldText.length - suffix) ===
      newText.slice(newText.length - suffix - CHUNK, newText.length - suffix)
  ) {
    suffix += CHUNK;
  }
  while (
    suffix < maxSuffix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0) {
    const first = oldText.charCodeAt(oldText.length - suffix);
    if (isLowSurrogate(first) || first === 0x0a) {
      // Keep "\r\n" and surrogate pairs whole: give the first suffix character back to the replacement.
      const before = oldText.charCodeAt(oldText.length - suffix - 1);
      if ((isLowSurrogate(first) && isHighSurrogate(before)) || (first === 0x0a && before === 0x0d)) suffix--;
    }
  }
  return {
    start: prefix,
    end: oldText.length - suffix,
    text: newText.slice(prefix, newText.length - suffix),
  };
}

/** Applies a {@link TextEdit} to a text (used by tests and to check the edit before handing it to Monaco). */
export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
