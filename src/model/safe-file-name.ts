/** Names Windows reserves for devices, with or without an extension (`CON`, `nul.txt`, `COM1`, `LPT9`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Longest name kept: well under the 255 bytes file systems allow, with room for a suffix. */
const MAX_LENGTH = 120;

/**
 * One path segment made from a user-given name (a connector title, an input's name) that every file system and
 * zip reader accepts as a plain name: no separators (`/`, `\`), no characters Windows rejects (`:*?"<>|`), no
 * control characters, no `.`/`..` (or a name of dots only), no trailing dots or spaces (Windows drops them), no
 * reserved device name (`CON`, `nul.txt`, `COM1` … get a `_` after the stem: `CON_`, `nul_.txt`). Dots inside the name stay: `Tomorrow.io`,
 * `U.S. Bank Treasury Management`. An empty result becomes `fallback`.
 */
export function safeFileName(name: string, fallback = "Connector"): string {
  let safe = name
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[\\/:*?"<>|]/g, "")
    .trim();
  const codePoints = Array.from(safe);
  if (codePoints.length > MAX_LENGTH) safe = codePoints.slice(0, MAX_LENGTH).join("");
  safe = safe.replace(/[. ]+$/, "").replace(/^\s+/, "");
  if (safe === "" || /^\.+$/.test(safe)) return fallback;
  if (WINDOWS_RESERVED.test(safe)) return safe.replace(/^[^.]*/, (stem) => `${stem}_`);
  return safe;
}
