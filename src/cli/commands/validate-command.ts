/** `connector-studio validate`. Placeholder until its issue lands. */
export async function runValidate(_args: string[]): Promise<number> {
  console.error("connector-studio validate: not available yet.");
  return 2;
}
