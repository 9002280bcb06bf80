import packageJson from "../../package.json";

/** The tool as reports name it (SARIF `tool.driver`). */
export const TOOL = { name: "connector-studio", version: packageJson.version };
