// Which of MQ Lens's formats a file is, from its name alone, so callers can skip files cheaply before reading them.

import type { Language } from './code/lexer';
import { manifestKind } from './detect/manifests';
import { baseName } from './paths';

export type Format = 'properties' | 'spring-properties' | 'conf' | 'spring-yaml' | 'compose' | 'yaml' | 'manifest' | Language;

const CODE_EXTENSIONS: Readonly<Record<string, Language>> = {
  py: 'python', java: 'java', kt: 'kotlin', scala: 'scala', go: 'go', cs: 'csharp', rs: 'rust',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript', ts: 'javascript', mts: 'javascript', cts: 'javascript', tsx: 'javascript',
};

const SPRING_PROPERTIES = /^(application|bootstrap)([-.][\w.-]*)?\.properties$/;
const SPRING_YAML = /^(application|bootstrap)([-.][\w.-]*)?\.ya?ml$/;
const COMPOSE = /^(docker-)?compose([-.][\w.-]*)?\.ya?ml$/;
const CONF = /^(rabbitmq|redis[\w.-]*|broker[\w.-]*|standalone|client|bookkeeper|proxy|mosquitto[\w.-]*|[\w.-]*nats[\w.-]*|jetstream[\w.-]*)\.conf$/;

export { baseName };

export function formatOf(fileName: string): Format | undefined {
  const base = baseName(fileName).toLowerCase();
  if (manifestKind(fileName)) return 'manifest';
  const template = TEMPLATE.exec(base);
  if (template) return templateFormat(template[1]!);
  return formatOfName(base);
}

/**
 * Copies to edit before use carry a suffix: `config.py.prod.example`, `application.yml.sample`, `server.properties.dist`,
 * `docker-compose.kafka.tpl`. They are read as the file they become.
 */
const TEMPLATE = /^(.+?)\.(?:example|sample|dist|template|tpl|tmpl|default)$/;

function templateFormat(stem: string): Format | undefined {
  // `config.py.prod` → `config.py`; `docker-compose.kafka` → compose.
  const format = formatOfName(stem) ?? (stem.includes('.') ? formatOfName(stem.slice(0, stem.lastIndexOf('.'))) : undefined);
  if (format && format !== 'manifest') return format;
  return /^(docker-)?compose\b/.test(stem) ? 'compose' : undefined;
}

function formatOfName(base: string): Format | undefined {
  if (SPRING_PROPERTIES.test(base)) return 'spring-properties';
  if (base.endsWith('.properties')) return 'properties';
  if (SPRING_YAML.test(base)) return 'spring-yaml';
  if (COMPOSE.test(base)) return 'compose';
  if (base.endsWith('.yaml') || base.endsWith('.yml')) return 'yaml';
  if (CONF.test(base)) return 'conf';
  const extension = base.slice(base.lastIndexOf('.') + 1);
  if (base.includes('.') && !base.endsWith('.d.ts')) return CODE_EXTENSIONS[extension];
  return undefined;
}

/** The language of a source-code format, or undefined for configuration formats. */
export function languageOf(format: Format): Language | undefined {
  return (Object.values(CODE_EXTENSIONS) as string[]).includes(format) ? (format as Language) : undefined;
}

/** The line-comment marker of a format, for inserted directives. */
export function lineCommentOf(format: Format): '#' | '//' {
  const language = languageOf(format);
  return language && language !== 'python' ? '//' : '#';
}

/**
 * A file's format decided by its content where the name is only a hint: a YAML file with a top-level `services:` map
 * of images or builds is a compose file whatever it is called (`kafka-cluster.yml`, `docker/stack.yaml`), one with a
 * top-level `spring:` that configures messaging is Spring configuration (`config/portal-prod.yaml`), and a
 * `.properties` file of `spring.kafka.*` keys is Spring's. Cheap: a few anchored regular expressions.
 */
export function formatByContent(format: Format, text: string): Format {
  if (format === 'yaml') {
    // GitHub Actions and OpenFaaS stacks have `services:` maps too, with other meanings.
    if (COMPOSE_SERVICES.test(text) && COMPOSE_SERVICE_CHILD.test(text) && !NOT_COMPOSE.test(text)) return 'compose';
    if (SPRING_MESSAGING_YAML.test(text) && /^spring:[ \t]*(#.*)?$/m.test(text)) return 'spring-yaml';
  }
  if (format === 'properties' && SPRING_MESSAGING_PROPERTIES.test(text)) return 'spring-properties';
  return format;
}

const COMPOSE_SERVICES = /^services:[ \t]*(#.*)?$/m;
const COMPOSE_SERVICE_CHILD = /^[ \t]+(image|build):/m;
const NOT_COMPOSE = /^(jobs|on|functions|provider|steps|hosts):/m;
const SPRING_MESSAGING_YAML = /^[ \t]+(kafka|rabbitmq|pulsar|activemq|artemis|jms):[ \t]*(#.*)?$/m;
const SPRING_MESSAGING_PROPERTIES = /^[ \t]*spring\.(kafka|rabbitmq|pulsar|activemq|artemis|cloud\.stream)\./m;
