/** `connector-studio diff`. Placeholder until its issue lands. */
export async function runDiff(_args: string[]): Promise<number> {
  console.error("connector-studio diff: not available yet.");
  return 2;
}
