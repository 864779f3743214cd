export function sourcesHash(): string;
export function buildConsole(options?: { force?: boolean }): Promise<{ built: boolean }>;
