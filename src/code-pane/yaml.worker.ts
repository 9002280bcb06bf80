// Entry of monaco-yaml's language worker, bundled by Vite as a module worker (`?worker`).
import "monaco-yaml/yaml.worker.js";
