import { logicAppsLosses } from "../export/logic-apps/custom-api-template";
import type { ConnectorDocument } from "../model/connector-document";
import { hasClientSecret } from "../model/secrets";

/** A place a connector can be used, how it gets there, and what it loses on the way. */
export interface ConnectorTarget {
  name: "Power Platform" | "Azure Logic Apps";
  /** The products that use the connector there. */
  hosts: string;
  /** The control (or CLI command) that makes the files for it. */
  how: string;
  /** What the connector loses there; empty when everything carries over. */
  losses: string[];
}

/**
 * Where the connector can be used: Power Platform (Power Apps, Power Automate) takes the connector package
 * whole; Azure Logic Apps takes a customApis resource, which has no place for custom code, policies and
 * several authentication types (see {@link logicAppsLosses}). One document, both targets: no connector has to
 * be made again by hand in the other product.
 */
export function connectorTargets(doc: ConnectorDocument): ConnectorTarget[] {
  const secretNote = hasClientSecret(doc.properties)
    ? ["The OAuth client secret is never written to a file: it is given when the connector is created."]
    : [];
  return [
    {
      name: "Power Platform",
      hosts: "Power Apps, Power Automate",
      how: "Export (connector package), or connector-studio package for certification",
      losses: secretNote,
    },
    {
      name: "Azure Logic Apps",
      hosts: "Logic Apps (a Microsoft.Web/customApis resource)",
      how: "Export → For Azure Logic Apps (ARM / Bicep), or connector-studio package --target logic-apps",
      losses: [
        ...logicAppsLosses(doc),
        ...(hasClientSecret(doc.properties)
          ? [
              "The OAuth client secret becomes a secure template parameter, given when the template is deployed.",
            ]
          : []),
      ],
    },
  ];
}
