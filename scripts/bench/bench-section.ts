/** One part of `npm run bench`. Each measurement is printed as a median and a ratio against a floor measured in the same run. */
export interface BenchSection {
  name: string;
  run(corpusDir: string, options: { runs: number }): Promise<string[]>;
}
