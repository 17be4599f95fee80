/**
 * A text to say in the language active when it is shown, not when it was composed: what stores keep instead
 * of a finished string, so a language switch changes it at once.
 */
export type LocalText = () => string;
