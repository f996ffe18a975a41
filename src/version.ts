export const CRIEUR_VERSION = "0.1.0";
