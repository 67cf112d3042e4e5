/** Where the dashboard's beta-link forms post to (the edge answers it; see beta-forms.ts). */
export const BETA_FORM_PATH = "/editor/beta-links";
