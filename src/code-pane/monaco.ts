// The lean Monaco entry: the editor API, its contributions (hover, suggest,
// find…), YAML and C# tokenizers and the JSON language service; no TypeScript, CSS or HTML workers.
// src/code-pane is the only place that imports monaco-editor.
export * from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/yaml/register";
import "monaco-editor/languages/definitions/csharp/register";
export * as json from "monaco-editor/languages/features/json/register";
