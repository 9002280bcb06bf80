/** The `workerData` that marks a thread as a validate worker (kept apart so main.ts can check it cheaply). */
export const VALIDATE_WORKER_MARK = "connector-studio:validate";
