// The validate worker when the CLI runs from the TypeScript source (the bundle is its own worker entry).
import { isValidateWorker, serveValidateWorker } from "./validate-worker";

if (isValidateWorker()) serveValidateWorker();
