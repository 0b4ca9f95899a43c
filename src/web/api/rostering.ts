import { rosterImportSchema, rosterImportsPageSchema, rosterUploadResponseSchema, type RosterImport } from '../../shared/api/rostering';
import { http, upload } from './http';

export type { RosterImport };

/** Sends a OneRoster zip; the import then runs on the server, and its progress is read with fetchImport. */
export async function uploadRoster(file: File, onProgress: (fraction: number) => void): Promise<RosterImport> {
  const res = await upload('/api/rostering/imports', file, {
    schema: rosterUploadResponseSchema,
    query: { fileName: file.name },
    contentType: 'application/zip',
    onProgress,
  });
  return res.import;
}

export const fetchImports = (page: number, pageSize = 10) =>
  http.get('/api/rostering/imports', rosterImportsPageSchema, { page, pageSize });
export const fetchImport = (id: string) => http.get(`/api/rostering/imports/${encodeURIComponent(id)}`, rosterImportSchema);
