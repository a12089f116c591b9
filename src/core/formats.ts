// Which of MQ Lens's formats a file is, from its name alone, so callers can skip files cheaply before reading them.

export type Format = 'properties';

export function formatOf(fileName: string): Format | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
  if (base.endsWith('.properties')) return 'properties';
  return undefined;
}
