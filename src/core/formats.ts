// Which of MQ Lens's formats a file is, from its name alone, so callers can skip files cheaply before reading them.

export type Format = 'properties' | 'spring-properties' | 'conf' | 'spring-yaml' | 'compose' | 'yaml';

const SPRING_PROPERTIES = /^(application|bootstrap)([-.][\w.-]*)?\.properties$/;
const SPRING_YAML = /^(application|bootstrap)([-.][\w.-]*)?\.ya?ml$/;
const COMPOSE = /^(docker-)?compose([-.][\w.-]*)?\.ya?ml$/;
const CONF = /^(rabbitmq|redis[\w.-]*|broker[\w.-]*|standalone|client|bookkeeper|proxy)\.conf$/;

export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

export function formatOf(fileName: string): Format | undefined {
  const base = baseName(fileName).toLowerCase();
  if (SPRING_PROPERTIES.test(base)) return 'spring-properties';
  if (base.endsWith('.properties')) return 'properties';
  if (SPRING_YAML.test(base)) return 'spring-yaml';
  if (COMPOSE.test(base)) return 'compose';
  if (base.endsWith('.yaml') || base.endsWith('.yml')) return 'yaml';
  if (CONF.test(base)) return 'conf';
  return undefined;
}

/** The line-comment marker of a format, for inserted directives. */
export function lineCommentOf(format: Format): '#' | '//' {
  return format === 'properties' || format === 'spring-properties' || format === 'conf' || format.endsWith('yaml') || format === 'compose' ? '#' : '//';
}
