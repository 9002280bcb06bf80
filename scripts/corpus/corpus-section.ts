/** One part of `npm run test:corpus`: runs over the corpus and counts passes and failures. */
export interface CorpusSectionResult {
  passed: number;
  failed: number;
  /** Lines to print (failures with a clear message, statistics). */
  lines: string[];
}

export interface CorpusSection {
  name: string;
  run(corpusDir: string): Promise<CorpusSectionResult>;
}
