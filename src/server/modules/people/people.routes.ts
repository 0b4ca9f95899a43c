import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  academicSessionSchema,
  classSummarySchema,
  districtSummarySchema,
  peoplePageSchema,
  peopleQuerySchema,
  personDetailSchema,
  schoolSchema,
} from '../../../shared/api/people';
import { errorBodySchema } from '../../../shared/errors';
import { AppError } from '../../platform/errors';
import { auditFrom, writeAudit } from '../../platform/audit';
import { requestContext, requireActor } from '../../platform/http/auth.plugin';
import { searchPeople } from './people.repository';
import { getPerson } from './get-person';
import { listClasses, listSchools } from './schools.repository';
import { districtSummary } from './district-summary';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/api/district/summary',
    {
      config: { permission: 'district.summary' },
      schema: {
        tags: ['people'],
        summary: 'District-wide counts (no student records)',
        response: { 200: districtSummarySchema, ...errors },
      },
    },
    async (req) => districtSummary(db, requireActor(req).districtId),
  );

  app.get(
    '/api/schools',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags: ['people'],
        summary: 'Schools of the district',
        response: { 200: z.object({ items: z.array(schoolSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listSchools(db, requireActor(req)) }),
  );

  app.get(
    '/api/schools/:id',
    {
      config: { permission: 'schools.read' },
      schema: { tags: ['people'], summary: 'One school', params: idParams, response: { 200: schoolSchema, ...errors } },
    },
    async (req) => {
      const [school] = await listSchools(db, requireActor(req), req.params.id);
      if (!school) throw new AppError('not_found', 'School not found');
      return school;
    },
  );

  app.get(
    '/api/academic-sessions',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags: ['people'],
        summary: 'School years and terms',
        response: { 200: z.object({ items: z.array(academicSessionSchema) }), ...errors },
      },
    },
    async (req) => {
      const { rows } = await db.query<{
        id: string;
        sourced_id: string;
        title: string;
        session_type: string;
        start_date: string;
        end_date: string;
        school_year: number;
        parent_id: string | null;
      }>(`SELECT * FROM academic_sessions WHERE district_id = $1 AND status = 'active' ORDER BY start_date, session_type`, [
        requireActor(req).districtId,
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          sourcedId: r.sourced_id,
          title: r.title,
          type: r.session_type,
          startDate: r.start_date,
          endDate: r.end_date,
          schoolYear: r.school_year,
          parentId: r.parent_id,
        })),
      };
    },
  );

  app.get(
    '/api/classes',
    {
      config: { permission: 'classes.read' },
      schema: {
        tags: ['people'],
        summary: 'Classes the caller may see (a teacher: their own)',
        querystring: z.object({ schoolId: z.uuid().optional(), q: z.string().max(100).optional() }),
        response: { 200: z.object({ items: z.array(classSummarySchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listClasses(db, requireActor(req), req.query) }),
  );

  app.get(
    '/api/classes/:id',
    {
      config: { permission: 'classes.read' },
      schema: { tags: ['people'], summary: 'One class', params: idParams, response: { 200: classSummarySchema, ...errors } },
    },
    async (req) => {
      const [cls] = await listClasses(db, requireActor(req), { id: req.params.id });
      if (!cls) throw new AppError('not_found', 'Class not found');
      return cls;
    },
  );

  app.get(
    '/api/people',
    {
      config: { permission: 'people.read' },
      schema: {
        tags: ['people'],
        summary: 'Search the people directory (scoped to what the caller may see)',
        querystring: peopleQuerySchema,
        response: { 200: peoplePageSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const result = await searchPeople(db, actor, req.query);
      if (req.query.q || req.query.role === 'student' || req.query.classId) {
        await writeAudit(db, auditFrom(requestContext(req), { action: 'people.search', details: { ...req.query, results: result.total } }));
      }
      return { ...result, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/api/people/:id',
    {
      config: { permission: 'students.read' },
      schema: {
        tags: ['people'],
        summary: "A person's record; reads of a student are audited",
        params: idParams,
        response: { 200: personDetailSchema, ...errors },
      },
    },
    async (req) => getPerson(db, { ...requestContext(req), actor: requireActor(req) }, req.params.id),
  );
};
