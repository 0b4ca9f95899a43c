/** Limits shared by the server's validation and the web app's forms. */
export const limits = {
  passwordMin: 12,
  passwordMax: 256,
  nameMax: 200,
  emailMax: 254,
  searchMax: 100,
  pageSizeMax: 200,
  pageSizeDefault: 50,
} as const;
