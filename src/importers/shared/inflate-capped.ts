import { Inflate } from "fflate";

/** Input fed to the inflater per step: one step inflates to at most ~1032× this (DEFLATE's best ratio), ~1 MB. */
const STEP = 1024;

/**
 * Inflates raw DEFLATE data, stopping as soon as the output passes `cap` bytes. The input is fed in small steps,
 * so a bomb costs at most the cap plus one step's output, never what its headers or the whole stream would make.
 * Returns null when the output would pass the cap; throws (fflate's error) when the data is damaged or cut.
 */
export function inflateCapped(data: Uint8Array, cap: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    total += chunk.length;
    if (total > cap) over = true;
    else if (chunk.length > 0) chunks.push(chunk);
  });
  for (let offset = 0; offset < data.length && !over; offset += STEP) {
    const end = Math.min(offset + STEP, data.length);
    inflater.push(data.subarray(offset, end), end === data.length);
  }
  if (data.length === 0) inflater.push(data, true);
  if (over) return null;
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
