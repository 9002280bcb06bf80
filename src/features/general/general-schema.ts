import { z } from "zod";
import { basePathProblem, hostProblem, TITLE_MAX_LENGTH } from "../../model/operations/general";

const optionalUrl = z
  .string()
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "Enter a full URL starting with https://.");

/** Per-field rules of the General form (messages say how to fix the value). */
export const generalSchema = z
  .object({
    title: z
      .string()
      .refine((v) => v.trim() !== "", "Enter a connector name.")
      .refine(
        (v) => v.length <= TITLE_MAX_LENGTH,
        `The connector name can have at most ${TITLE_MAX_LENGTH} characters.`,
      ),
    description: z.string(),
    iconBrandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour such as #0f6cbd."),
    scheme: z.enum(["https", "http"]),
    host: z.string().superRefine((v, ctx) => {
      const problem = hostProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    basePath: z.string().superRefine((v, ctx) => {
      const problem = basePathProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    gateway: z.boolean(),
    contactName: z.string(),
    contactUrl: optionalUrl,
    contactEmail: z
      .string()
      .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "Enter an email address."),
    website: optionalUrl,
    privacyPolicy: optionalUrl,
    category1: z.string(),
    category2: z.string(),
    publisher: z.string(),
    stackOwner: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.category2 !== "" && values.category2 === values.category1) {
      ctx.addIssue({ code: "custom", path: ["category2"], message: "Choose a different second category." });
    }
  });
