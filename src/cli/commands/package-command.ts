/** `connector-studio package`. Placeholder until its issue lands. */
export async function runPackage(_args: string[]): Promise<number> {
  console.error("connector-studio package: not available yet.");
  return 2;
}
