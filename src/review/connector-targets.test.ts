import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import { connectorTargets } from "./connector-targets";

describe("connectorTargets", () => {
  it("a plain connector loses nothing anywhere", () => {
    const targets = connectorTargets(createEmptyConnector());
    expect(targets.map((t) => [t.name, t.losses])).toEqual([
      ["Power Platform", []],
      ["Azure Logic Apps", []],
    ]);
  });

  it("custom code, policies and a client secret are named where they do not carry over", () => {
    const doc = createEmptyConnector();
    const targets = connectorTargets({
      ...doc,
      script: "// code",
      properties: {
        properties: {
          connectionParameters: {
            token: { type: "oauthSetting", oAuthSettings: { clientId: "a", clientSecret: "s" } },
          },
          policyTemplateInstances: [{ templateId: "a" }, { templateId: "b" }],
        },
      },
    });
    expect(targets[0]?.losses).toEqual([
      "The OAuth client secret is never written to a file: it is given when the connector is created.",
    ]);
    expect(targets[1]?.losses).toEqual([
      "Custom code (script.csx) does not run in a Logic Apps custom connector: the operations it handles call the API directly.",
      "2 policies (policyTemplateInstances) are not part of a Logic Apps custom connector: the API is called without them.",
      "The OAuth client secret becomes a secure template parameter, given when the template is deployed.",
    ]);
  });
});
