import { z } from "zod";

/** A URL, an environment variable reference, or empty (filled in later). */
const urlOrEmpty = z
  .string()
  .refine(
    (v) => v === "" || /^https?:\/\/\S+$/i.test(v) || /^@environmentVariables\(/.test(v),
    'Enter a full URL starting with https:// (or an @environmentVariables("…") reference).',
  );

const label = z.string().refine((v) => v.trim() !== "", "Enter the label the connection dialog shows.");

/** Per-field rules of the Security form. */
export const securitySchema = z.object({
  authType: z.enum(["none", "basic", "apiKey", "oauth2"]),
  userNameLabel: label,
  passwordLabel: label,
  apiKeyLabel: label,
  apiKeyName: z
    .string()
    .refine((v) => v.trim() !== "", "Enter the header or query parameter name the API expects.")
    .refine((v) => !/\s/.test(v), "The parameter name cannot contain spaces."),
  apiKeyLocation: z.enum(["header", "query"]),
  identityProvider: z.string(),
  clientId: z.string(),
  authorizationUrl: urlOrEmpty,
  tokenUrl: urlOrEmpty,
  refreshUrl: urlOrEmpty,
  scope: z.string(),
  redirectMode: z.enum(["Global", "GlobalPerConnector", "Direct"]),
  loginUri: urlOrEmpty,
  tenantId: z.string().refine((v) => !/\s/.test(v), "The tenant ID cannot contain spaces."),
  resourceUri: z.string(),
  loginUriAAD: z.string(),
  onBehalfOf: z.boolean(),
  templates: z.record(z.string(), z.string()),
});
