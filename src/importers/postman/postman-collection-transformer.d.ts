// Postman's own v1 → v2 transformer ships no types; this is the one call the importer makes.
declare module "postman-collection-transformer" {
  interface ConvertOptions {
    inputVersion: string;
    outputVersion: string;
    retainIds?: boolean;
  }
  const transformer: {
    convert(
      collection: unknown,
      options: ConvertOptions,
      callback: (error: Error | null, result: unknown) => void,
    ): unknown;
  };
  export default transformer;
}
