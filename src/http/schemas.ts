// Request and response schemas of the API (zod); the same objects validate requests and generate the OpenAPI document.

import { z } from "@hono/zod-openapi";

/** Control characters other than tab and newlines have no place in a question (NUL bytes, escapes). */
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

export const TurnSchema = z
  .object({
    role: z.enum(["user", "assistant"]),
    content: z.string().max(8000).regex(NO_CONTROL, "must not contain control characters"),
  })
  .openapi("Turn");

export const AskBodySchema = z
  .object({
    question: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(2000, "must be at most 2000 characters")
      .regex(NO_CONTROL, "must not contain control characters")
      .openapi({ example: "东城区累计建成了多少个职工之家？" }),
    history: z.array(TurnSchema).max(20, "at most 20 turns").optional().openapi({ description: "Earlier turns, oldest first" }),
    topK: z.number().int().min(1).max(20).optional().openapi({ description: "Passages to retrieve (default 5)" }),
  })
  .openapi("AskRequest");

export type AskBody = z.infer<typeof AskBodySchema>;

export const CitationSchema = z
  .object({
    n: z.number().int(),
    articleId: z.string(),
    articleTitle: z.string(),
    sectionId: z.string(),
    heading: z.string(),
    text: z.string().openapi({ description: "The cited passage, verbatim from the article" }),
    quote: z.string().optional().openapi({ description: "The exact sentence(s) the answer relies on, one per line, each verbatim in text" }),
    score: z.number(),
  })
  .openapi("Citation");

export const AskResponseSchema = z
  .object({
    answer: z.string().openapi({ description: "Prose with inline markers [1], [2] … referring to citations[].n" }),
    answerable: z.boolean(),
    citations: z.array(CitationSchema),
    rewrittenQuestion: z.string().optional(),
    timings: z.object({ retrieveMs: z.number(), answerMs: z.number() }).optional(),
  })
  .openapi("AskResponse");

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error");

export const HealthSchema = z
  .object({ status: z.literal("ok"), articles: z.number(), chunks: z.number(), embedder: z.string() })
  .openapi("Health");

export const ArticleSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    subtitle: z.string().optional(),
    byline: z.string().optional(),
    sections: z.array(z.object({ id: z.string(), heading: z.string() })),
  })
  .openapi("ArticleSummary");

export const ArticleSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    subtitle: z.string().optional(),
    byline: z.string().optional(),
    sections: z.array(
      z.object({ id: z.string(), heading: z.string(), headingPath: z.array(z.string()), speaker: z.string().optional(), text: z.string() }),
    ),
  })
  .openapi("Article");

/** One line per problem: `history.3.role: Invalid option…`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "body"}: ${i.message}`).join("; ");
}
