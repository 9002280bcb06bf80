import { connectorTitle, type ConnectorDocument } from "../model/connector-document";
import { isJsonObject, type JsonObject } from "../model/json-value";
import { listOperations } from "../model/swagger-types";

export interface ReadmeOptions {
  independentPublisher: boolean;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function properties(doc: ConnectorDocument): JsonObject {
  return isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
}

/** The kind of credentials the connection asks for, in words, from securityDefinitions. */
export function describeAuthentication(doc: ConnectorDocument): string {
  const schemes = Object.values(doc.definition.securityDefinitions ?? {});
  if (schemes.length === 0) return "No authentication is needed.";
  return schemes
    .map((s) => {
      if (s.type === "apiKey")
        return `An API key, sent in the ${s.in === "query" ? "query string" : "header"} \`${String(s.name)}\`.`;
      if (s.type === "basic") return "A user name and password (basic authentication).";
      if (s.type === "oauth2")
        return `OAuth 2.0 sign-in${s.authorizationUrl ? ` through ${s.authorizationUrl}` : ""}.`;
      return `Authentication of type ${String(s.type)}.`;
    })
    .join(" Or: ");
}

function operationLines(doc: ConnectorDocument): string[] {
  const lines: string[] = [];
  const ops = listOperations(doc.definition).filter((o) => o.operation["x-ms-visibility"] !== "internal");
  const actions = ops.filter((o) => o.operation["x-ms-trigger"] === undefined);
  const triggers = ops.filter((o) => o.operation["x-ms-trigger"] !== undefined);
  const item = (o: (typeof ops)[number]) => {
    const name =
      text(o.operation.summary) || text(o.operation.operationId) || `${o.method.toUpperCase()} ${o.path}`;
    const description = text(o.operation.description) || text(o.operation.summary);
    return `#### ${name}\n${description || "_Describe what this operation does._"}\n`;
  };
  if (triggers.length > 0) {
    lines.push("### Triggers", "");
    for (const t of triggers) lines.push(item(t));
  }
  lines.push("### Actions", "");
  if (actions.length === 0) lines.push("_No actions yet._", "");
  for (const a of actions) lines.push(item(a));
  return lines;
}

/**
 * The `README.md` the connectors repository asks for, generated from the definition, with the template's
 * sections (Publisher, Prerequisites, Supported Operations, Obtaining Credentials, Getting Started, Known Issues
 * and Limitations, FAQ, Deployment Instructions). Sections the files cannot answer carry a short prompt for
 * the author instead of invented text.
 */
export function generateReadme(doc: ConnectorDocument, options: ReadmeOptions): string {
  const title = connectorTitle(doc);
  const props = properties(doc);
  const publisher = text(props.publisher) || "_Your name or company_";
  const description = text(doc.definition.info?.description);
  const heading = options.independentPublisher ? `${title} (Independent Publisher)` : title;
  const website = Array.isArray(doc.definition["x-ms-connector-metadata"])
    ? (doc.definition["x-ms-connector-metadata"] as JsonObject[]).find((m) => m.propertyName === "Website")
        ?.propertyValue
    : undefined;
  return [
    `# ${heading}`,
    description || "_Describe the service and what the connector lets users do._",
    "",
    "## Publisher",
    String(publisher),
    "",
    "## Prerequisites",
    typeof website === "string"
      ? `You need an account with the service (${website}).`
      : "_What users need before they can connect (an account, a plan, a licence)._",
    "",
    "## Supported Operations",
    ...operationLines(doc),
    "## Obtaining Credentials",
    describeAuthentication(doc),
    "",
    "## Getting Started",
    "_How to create a connection and a first flow with this connector._",
    "",
    "## Known Issues and Limitations",
    "_Limits, throttling or operations that behave differently._",
    "",
    "## Frequently Asked Questions",
    "_Questions users ask, with answers._",
    "",
    "## Deployment Instructions",
    "Deploy the connector as a custom connector with either command-line tool, from the folder that holds these files:",
    "",
    "```sh",
    "paconn login",
    `paconn create --api-def apiDefinition.swagger.json --api-prop apiProperties.json${doc.script !== null ? " --script script.csx" : ""}`,
    "```",
    "",
    "```sh",
    "pac auth create --environment <environment URL>",
    `pac connector create --api-definition-file apiDefinition.swagger.json --api-properties-file apiProperties.json${
      doc.script !== null ? " --script-file script.csx" : ""
    }`,
    "```",
    "",
  ].join("\n");
}

/** `intro.md` for verified publishers (ISV Studio): description, prerequisites, credentials, getting started… */
export function generateIntro(doc: ConnectorDocument): string {
  return [
    `## ${connectorTitle(doc)}`,
    text(doc.definition.info?.description) ||
      "_One paragraph (at most eight sentences) on what the connector does._",
    "",
    "### Prerequisites",
    "_What users need before they can connect._",
    "",
    "### How to get credentials",
    describeAuthentication(doc),
    "",
    "### Get started with your connector",
    "_A first flow, step by step._",
    "",
    "### Known issues and limitations",
    "_Limits and caveats._",
    "",
    "### Common errors and remedies",
    "_Errors users may see and what to do._",
    "",
    "### FAQ",
    "_Questions and answers._",
    "",
  ].join("\n");
}
