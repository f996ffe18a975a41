/** crieur's version, as in package.json. May import: nothing. */
export const CRIEUR_VERSION = "0.1.0";
