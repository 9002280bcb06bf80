// Minimal types for js-yaml 4 (no @types package is installed); only what src/model/text uses.
declare module "js-yaml" {
  export interface Mark {
    name: string | null;
    buffer: string;
    position: number;
    line: number;
    column: number;
  }
  export class YAMLException extends Error {
    reason: string;
    mark: Mark | undefined;
  }
  export interface Schema {
    readonly __schemaBrand?: never;
  }
  export const CORE_SCHEMA: Schema;
  export const JSON_SCHEMA: Schema;
  export const DEFAULT_SCHEMA: Schema;
  /** The loader's internal state as the listener sees it (the fields read here). */
  export interface LoaderState {
    input: string;
    position: number;
    line: number;
    lineStart: number;
    depth: number;
    kind: string | null;
    result: unknown;
    anchorMap: Record<string, unknown>;
  }
  export interface LoadOptions {
    filename?: string;
    schema?: Schema;
    json?: boolean;
    maxDepth?: number;
    listener?: (eventType: "open" | "close", state: LoaderState) => void;
  }
  export function load(text: string, options?: LoadOptions): unknown;
  export interface DumpOptions {
    indent?: number;
    noArrayIndent?: boolean;
    skipInvalid?: boolean;
    flowLevel?: number;
    schema?: Schema;
    sortKeys?: boolean | ((a: string, b: string) => number);
    lineWidth?: number;
    noRefs?: boolean;
    noCompatMode?: boolean;
    condenseFlow?: boolean;
    quotingType?: "'" | '"';
    forceQuotes?: boolean;
  }
  export function dump(value: unknown, options?: DumpOptions): string;
}
