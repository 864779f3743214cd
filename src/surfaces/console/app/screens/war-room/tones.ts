/** The color that helps read an impact; the word beside it carries the meaning. */
export const impactTone = { none: 'muted', minor: 'minor', major: 'major', critical: 'critical', maintenance: 'info' } as const;
