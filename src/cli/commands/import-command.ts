/** `connector-studio import`. Placeholder until its issue lands. */
export async function runImport(_args: string[]): Promise<number> {
  console.error("connector-studio import: not available yet.");
  return 2;
}
