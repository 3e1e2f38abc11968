// The name of the non-secret "signed in" hint cookie that public pages read in the browser (no imports: client-safe).
export const SIGNED_IN_HINT_COOKIE = 'lvq_signed_in';
