import { z } from 'zod';
import { deviceCategorySchema } from './devices';

export const customFieldTypes = ['text', 'number', 'date', 'boolean'] as const;
export const customFieldTypeSchema = z.enum(customFieldTypes);
export type CustomFieldType = z.infer<typeof customFieldTypeSchema>;

export const customFieldLimits = {
  /** Fields one category may define. */
  perCategoryMax: 50,
  labelMax: 100,
} as const;

/** A stable identifier: the key a device's value is stored under, so a label can change freely. */
export const customFieldKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,49}$/, 'Use lowercase letters, digits and _, starting with a letter (at most 50)');

export const customFieldInputSchema = z.object({
  key: customFieldKeySchema,
  label: z.string().trim().min(1).max(customFieldLimits.labelMax),
  type: customFieldTypeSchema,
  required: z.boolean().default(false),
});
export type CustomFieldInput = z.input<typeof customFieldInputSchema>;

/** The whole list for one category, in display order; keys must differ. */
export const customFieldsPutSchema = z.object({
  fields: z
    .array(customFieldInputSchema)
    .max(customFieldLimits.perCategoryMax)
    .superRefine((fields, ctx) => {
      const seen = new Set<string>();
      fields.forEach((f, i) => {
        if (seen.has(f.key)) ctx.addIssue({ code: 'custom', message: `The key ${f.key} is used twice`, path: [i, 'key'] });
        seen.add(f.key);
      });
    }),
});
export type CustomFieldsPut = z.input<typeof customFieldsPutSchema>;

export const customFieldCategoryParamsSchema = z.object({ category: deviceCategorySchema });

export const customFieldSchema = z.object({
  id: z.string(),
  category: deviceCategorySchema,
  key: z.string(),
  label: z.string(),
  type: customFieldTypeSchema,
  required: z.boolean(),
  position: z.number().int(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const customFieldsListSchema = z.object({ items: z.array(customFieldSchema) });
export type CustomFieldsList = z.infer<typeof customFieldsListSchema>;
