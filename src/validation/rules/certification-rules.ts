import { DEFAULT_BRAND_COLOR, INDEPENDENT_PUBLISHER_BRAND_COLOR } from "../../model/create-empty-connector";
import { isJsonObject } from "../../model/json-value";
import { child } from "../rule-context";
import { DEFINITION_FILE, PROPERTIES_FILE, type OperationInfo, type Rule } from "../rule-types";
import { CONNECTOR_CATEGORIES } from "../../model/operations/general";

const D = DEFINITION_FILE;
const P = PROPERTIES_FILE;

/** Words a certified title may not contain (connector string guidance). */
export const RESTRICTED_TITLE_WORDS = [
  "api",
  "connector",
  "power apps",
  "powerapps",
  "power automate",
  "power bi",
  "power platform",
  "logic apps",
  "copilot studio",
];
const PRODUCT_NAMES = [
  "power apps",
  "powerapps",
  "power automate",
  "microsoft flow",
  "power bi",
  "power platform",
  "logic apps",
  "copilot studio",
];

const DEV_HOST = /(^|[.-])(dev|test|testing|stage|staging|sandbox|qa|uat|localhost)([.-]|$)/i;

function describeOp(op: OperationInfo): string {
  const id = op.operation.operationId;
  return typeof id === "string" && id !== "" ? `"${id}"` : `${op.method.toUpperCase()} ${op.path}`;
}

function hasWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^a-z0-9])${word.replace(/ /g, "\\s*")}([^a-z0-9]|$)`, "i").test(text);
}

function metadata(ctx: {
  definition: Record<string, unknown>;
}): Map<string, { value: unknown; index: number }> {
  const list = ctx.definition["x-ms-connector-metadata"];
  const out = new Map<string, { value: unknown; index: number }>();
  if (!Array.isArray(list)) return out;
  list.forEach((item, index) => {
    if (isJsonObject(item) && typeof item.propertyName === "string")
      out.set(item.propertyName.toLowerCase(), { value: item.propertyValue, index });
  });
  return out;
}

/** Certification content rules (docs/validation-rules.md): only in certification mode. */
export const certificationRules: Rule[] = [
  {
    id: "ValueContainsRestrictedWords",
    severity: "error",
    file: D,
    certificationOnly: true,
    summary: 'The title contains no "API", "Connector" or Power Platform product names.',
    *check(ctx) {
      const title = ctx.definition.info?.title;
      if (typeof title !== "string") return;
      const found = RESTRICTED_TITLE_WORDS.filter((w) => hasWord(title, w));
      if (found.length > 0) {
        yield {
          path: "/info/title",
          message: `The title "${title}" contains restricted words (${found.join(", ")}). Certified titles name the product or organisation only.`,
        };
      }
    },
  },
  {
    id: "FieldLengthExceeded",
    severity: "error",
    file: D,
    certificationOnly: true,
    summary:
      "Title at most 30 characters, ending with a letter or digit (ValueMustEndWithAlphanumeric); summaries and x-ms-summary at most 80.",
    *check(ctx) {
      const title = ctx.definition.info?.title;
      if (typeof title === "string") {
        const bare = title.replace(/\s*\(Independent Publisher\)$/, "");
        if (bare.length > 30)
          yield {
            path: "/info/title",
            message: `The title is ${bare.length} characters; certified titles have at most 30.`,
          };
        if (!/[A-Za-z0-9)]$/.test(title)) {
          yield {
            path: "/info/title",
            ruleId: "ValueMustEndWithAlphanumeric",
            message: "The title must end with a letter or digit.",
          };
        }
      }
      for (const op of ctx.operations) {
        const s = op.operation.summary;
        if (typeof s === "string" && s.length > 80) {
          yield {
            path: child(op.pointer, "summary"),
            severity: "warning",
            message: `The summary of ${describeOp(op)} is ${s.length} characters; certification asks for at most 80.`,
          };
        }
      }
    },
  },
  {
    id: "FieldLengthNotInRange",
    severity: "error",
    file: D,
    certificationOnly: true,
    summary: "The connector description has 30–500 characters.",
    *check(ctx) {
      const d = ctx.definition.info?.description;
      const len = typeof d === "string" ? d.trim().length : 0;
      if (len < 30 || len > 500) {
        yield {
          path: typeof d === "string" ? "/info/description" : "/info",
          message:
            len === 0
              ? "The connector has no description. Certification needs 30–500 characters saying what the service does."
              : `The description has ${len} characters; certification needs 30–500.`,
        };
      }
    },
  },
  {
    id: "ValueContainsProductNames",
    severity: "warning",
    file: D,
    certificationOnly: true,
    summary: "The description and operation texts do not name Power Platform products.",
    *check(ctx) {
      const d = ctx.definition.info?.description;
      if (typeof d === "string") {
        const found = PRODUCT_NAMES.filter((w) => hasWord(d, w));
        if (found.length > 0)
          yield {
            path: "/info/description",
            ruleId: "ValueContainsRestrictedWords",
            message: `The description names ${found.join(", ")}; certified descriptions describe the service, not Power Platform.`,
          };
      }
    },
  },
  {
    id: "OperationSummaryRequired",
    severity: "error",
    file: D,
    certificationOnly: true,
    summary:
      "Every operation has a summary and a description (RequiredValueEmpty), which differ, and the description ends with punctuation.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const { summary, description } = op.operation;
        // Internal operations (dynamic values and schemas, webhook deletes) never appear in the designer:
        // 21 certified connectors leave them without summary or description and were accepted.
        const internal = op.operation["x-ms-visibility"] === "internal";
        if (typeof summary !== "string" || summary.trim() === "") {
          if (internal) continue;
          yield {
            path: op.pointer,
            ruleId: "RequiredValueEmpty",
            message: `${describeOp(op)} has no summary. Add a short title such as "Get item"; it is the action's name in the designer.`,
          };
        } else if (!/^[\p{L}\p{N} ()'&,-]+$/u.test(summary)) {
          yield {
            path: child(op.pointer, "summary"),
            ruleId: "RestrictedCharactersInSummary",
            severity: "warning",
            message: `The summary "${summary}" should use only letters, digits, spaces and parentheses.`,
          };
        }
        if (typeof description !== "string" || description.trim() === "") {
          if (internal) continue;
          yield {
            path: op.pointer,
            ruleId: "RequiredValueEmpty",
            message: `${describeOp(op)} has no description. Add a full sentence saying what it does.`,
          };
        } else {
          if (!/[.!?)]$/.test(description.trim())) {
            yield {
              path: child(op.pointer, "description"),
              ruleId: "DescriptionMustEndWithPunctuation",
              severity: "warning",
              message: `The description of ${describeOp(op)} should be a full sentence ending with a full stop.`,
            };
          }
          if (
            typeof summary === "string" &&
            summary.trim().toLowerCase() === description.trim().toLowerCase()
          ) {
            yield {
              path: child(op.pointer, "description"),
              ruleId: "SummaryAndDescriptionMustDiffer",
              severity: "warning",
              message: `The description of ${describeOp(op)} repeats its summary. Say more in the description.`,
            };
          }
        }
      }
    },
  },
  {
    id: "ResponseSchemaMissing",
    severity: "warning",
    file: D,
    certificationOnly: true,
    summary:
      "Our rule: a visible operation describes the data of its successful response with a schema (internal operations, webhook triggers, 202/204 and `default`-only responses excepted).",
    *check(ctx) {
      for (const op of ctx.operations) {
        if (op.operation["x-ms-visibility"] === "internal" || op.isWebhook) continue;
        const responses = op.operation.responses;
        if (!isJsonObject(responses)) continue;
        const success = Object.entries(responses).filter(([code]) => /^2\d\d$/.test(code));
        // No 2xx at all, or a schema on "default": OperationShouldHaveSuccessfulResponse and
        // DefaultResponseHasSchema say what to do.
        if (success.length === 0) continue;
        const def = responses.default;
        if (isJsonObject(def) && def.schema !== undefined) continue;
        const described = success.some(
          ([code, r]) =>
            code === "202" ||
            code === "204" ||
            (isJsonObject(r) && (r.schema !== undefined || r["x-ms-dynamic-schema"] !== undefined)),
        );
        if (described) continue;
        const [code] = success[0] as [string, unknown];
        yield {
          path: child(child(op.pointer, "responses"), code),
          message: `The "${code}" response of ${describeOp(op)} has no schema, so flows get no outputs from it. Add the schema of what it returns (Test → Use response as schema), or answer 204 when it returns nothing.`,
        };
      }
    },
  },
  {
    id: "ParameterSummaryRequired",
    severity: "warning",
    file: D,
    certificationOnly: true,
    summary: "Every parameter has a description and an `x-ms-summary`.",
    *check(ctx) {
      const seen = new Set<string>();
      for (const op of ctx.operations) {
        for (const p of op.parameters) {
          if (seen.has(p.targetPointer)) continue;
          seen.add(p.targetPointer);
          const name = String(p.param.name);
          if (
            p.param.in !== "body" &&
            (typeof p.param["x-ms-summary"] !== "string" || p.param["x-ms-summary"] === "")
          ) {
            yield {
              path: p.targetPointer,
              message: `The parameter "${name}" has no "x-ms-summary" (its label in the designer). Add a short title-case label.`,
            };
          }
          if (typeof p.param.description !== "string" || p.param.description === "") {
            yield {
              path: p.targetPointer,
              ruleId: "ParameterDescriptionRequired",
              message: `The parameter "${name}" has no description. Add one; it is shown as the field's hint.`,
            };
          }
        }
      }
    },
  },
  {
    id: "ConnectorMetadataPropertiesMissing",
    severity: "error",
    file: D,
    certificationOnly: true,
    summary:
      "`x-ms-connector-metadata` has Website, Privacy policy and Categories (at most 2 known categories: InvalidConnectorCategory, TooManyConnectorCategories).",
    *check(ctx) {
      const meta = metadata(ctx);
      const missing = ["Website", "Privacy policy", "Categories"].filter((k) => !meta.has(k.toLowerCase()));
      if (missing.length > 0) {
        yield {
          path: ctx.definition["x-ms-connector-metadata"] === undefined ? "" : "/x-ms-connector-metadata",
          message: `"x-ms-connector-metadata" lacks ${missing.join(", ")}. Certification needs the website, the privacy policy URL and one or two categories.`,
        };
      }
      for (const key of ["website", "privacy policy"]) {
        const entry = meta.get(key);
        if (entry && (typeof entry.value !== "string" || !/^https?:\/\/[^\s]+$/.test(entry.value))) {
          yield {
            path: `/x-ms-connector-metadata/${entry.index}/propertyValue`,
            ruleId: "UrlNotValid",
            message: `The ${key} ${JSON.stringify(entry.value)} is not a URL.`,
          };
        }
      }
      const cats = meta.get("categories");
      if (cats && typeof cats.value === "string") {
        const list = cats.value
          .split(";")
          .map((c) => c.trim())
          .filter((c) => c !== "");
        const at = `/x-ms-connector-metadata/${cats.index}/propertyValue`;
        if (list.length > 2)
          yield {
            path: at,
            ruleId: "TooManyConnectorCategories",
            message: `There are ${list.length} categories; certification allows at most 2.`,
          };
        for (const c of list) {
          if (!(CONNECTOR_CATEGORIES as readonly string[]).includes(c)) {
            yield {
              path: at,
              ruleId: "InvalidConnectorCategory",
              message: `"${c}" is not a connector category. Use one of: ${CONNECTOR_CATEGORIES.join(", ")}.`,
            };
          }
        }
      }
    },
  },
  {
    id: "ContactInformationMissing",
    severity: "error",
    file: D,
    certificationOnly: true,
    summary: "`info.contact` has name, url and a valid email (ContactEmailNotValid).",
    *check(ctx) {
      const contact = ctx.definition.info?.contact;
      if (!isJsonObject(contact)) {
        yield {
          path: "/info",
          message: 'Certification needs "info.contact" with name, url and email of the publisher.',
        };
        return;
      }
      const missing = ["name", "url", "email"].filter(
        (k) => typeof contact[k] !== "string" || contact[k] === "",
      );
      if (missing.length > 0)
        yield { path: "/info/contact", message: `The contact lacks ${missing.join(", ")}.` };
      if (
        typeof contact.email === "string" &&
        contact.email !== "" &&
        !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact.email)
      ) {
        yield {
          path: "/info/contact/email",
          ruleId: "ContactEmailNotValid",
          message: `"${contact.email}" is not an email address.`,
        };
      }
    },
  },
  {
    id: "ProductionHostRequired",
    severity: "warning",
    file: D,
    certificationOnly: true,
    summary: "The host is a production host (not dev, test, staging, sandbox or localhost).",
    *check(ctx) {
      const host = ctx.definition.host;
      if (typeof host === "string" && DEV_HOST.test(host.split(":")[0] as string)) {
        yield {
          path: "/host",
          message: `The host "${host}" looks like a development or test server. Certified connectors point at the production service.`,
        };
      }
    },
  },
  {
    id: "PublisherInformationMissing",
    severity: "error",
    file: P,
    certificationOnly: true,
    summary: "apiProperties has `publisher` and `stackOwner`.",
    *check(ctx) {
      for (const key of ["publisher", "stackOwner"]) {
        const v = ctx.apiProperties[key];
        if (typeof v !== "string" || v.trim() === "") {
          yield {
            path: "/properties",
            message: `apiProperties.json has no "${key}". Certification needs the ${key === "publisher" ? "publisher's name" : "owner of the service (stack owner)"}.`,
          };
        }
      }
    },
  },
  {
    id: "IconBrandColorNotAllowed",
    severity: "error",
    file: P,
    certificationOnly: true,
    summary: `The brand colour is not the default "${DEFAULT_BRAND_COLOR}" or "#ffffff"; Independent Publisher connectors use "${INDEPENDENT_PUBLISHER_BRAND_COLOR}".`,
    *check(ctx) {
      const color = ctx.apiProperties.iconBrandColor;
      if (typeof color !== "string") return;
      const title = ctx.definition.info?.title;
      const independent = typeof title === "string" && /\(Independent Publisher\)$/.test(title);
      const c = color.toLowerCase();
      if (independent && c !== INDEPENDENT_PUBLISHER_BRAND_COLOR) {
        yield {
          path: "/properties/iconBrandColor",
          message: `Independent Publisher connectors use the brand colour "${INDEPENDENT_PUBLISHER_BRAND_COLOR}", not "${color}".`,
        };
      } else if (!independent && (c === DEFAULT_BRAND_COLOR || c === "#ffffff")) {
        yield {
          path: "/properties/iconBrandColor",
          message: `The brand colour "${color}" is ${c === DEFAULT_BRAND_COLOR ? "the default blue" : "white"}; certified connectors use their own non-white colour matching the icon background.`,
        };
      }
    },
  },
  {
    id: "IconNotValid",
    severity: "warning",
    file: "icon.png",
    certificationOnly: true,
    summary: "The icon is a PNG under 1 MB, ideally 230×230 (Independent Publisher connectors submit none).",
    *check(ctx) {
      const icon = ctx.doc.icon;
      const title = ctx.definition.info?.title;
      const independent = typeof title === "string" && /\(Independent Publisher\)$/.test(title);
      // No icon is fine here: the packaging step adds the default, and the repository keeps few icons.
      if (!icon) return;
      if (independent) {
        yield { path: "", message: "Independent Publisher connectors must not submit an icon; remove it." };
        return;
      }
      if (icon.bytes.length >= 1024 * 1024)
        yield { path: "", severity: "error", message: "The icon is 1 MB or larger; use a PNG under 1 MB." };
      const b = icon.bytes;
      const isPng = b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
      if (!isPng) {
        yield { path: "", message: "The icon is not a PNG; certification asks for icon.png." };
        return;
      }
      const width =
        ((b[16] as number) << 24) | ((b[17] as number) << 16) | ((b[18] as number) << 8) | (b[19] as number);
      const height =
        ((b[20] as number) << 24) | ((b[21] as number) << 16) | ((b[22] as number) << 8) | (b[23] as number);
      if (width !== 230 || height !== 230) {
        yield {
          path: "",
          severity: "info",
          message: `The icon is ${width}×${height}; the recommended size is 230×230 with the logo about 160×160 in the middle.`,
        };
      }
    },
  },
];
