// The role of a file in its repository (production code, test, sample or tutorial, documentation), which a reviewer
// looks at before judging a line: `acks=0` in a unit test or a getting-started sample is not a production hazard.
// The role comes from the path (directory and file names), and the user's globs win over every built-in guess.
import { globToRegExp } from './glob';

export type FileRole = 'production' | 'test' | 'sample' | 'docs';
export const FILE_ROLES: readonly FileRole[] = ['production', 'test', 'sample', 'docs'];

export interface RoleContext {
  role: FileRole;
  /** Why: the path segment or glob that decided, e.g. `directory 'src/test'`. */
  reason: string;
}

/** User globs (relative to the workspace folder) -> role; the first that matches wins over the built-in guesses. */
export type RoleGlobs = Readonly<Record<string, FileRole>>;

export interface RolePath {
  /** The path relative to the workspace folder (or the CLI path argument), with forward slashes. */
  relative: string;
  /** The workspace folder's (or the walked folder's) own name: a repository called `kafka-examples` is samples. */
  rootName?: string;
}

// Words of a directory name that mark what it holds. Names are split into words at `-`, `_`, `.`, `+`, spaces and
// camelCase humps, so `MassTransit.KafkaIntegration.Tests`, `spring-kafka-test` and `integrationTest` all say "test".
// `mock` is not among them: `JedisMock` or a gateway's mock plugin can be production code. `quickstart` is not a
// sample word: IdentityServer's `Quickstart/` folder is a production login UI.
const TEST_WORDS = new Set(['test', 'tests', 'testing', 'spec', 'specs', 'e2e', 'testdata', 'fixture', 'fixtures', 'testutil', 'testutils', 'testkit', 'systemtest', 'systemtests', 'itest', 'itests']);
const BENCH_WORDS = new Set(['bench', 'benches', 'benchmark', 'benchmarks', 'jmh', 'perf', 'loadtest', 'loadtests']);
const SAMPLE_WORDS = new Set(['example', 'examples', 'sample', 'samples', 'demo', 'demos', 'tutorial', 'tutorials', 'playground', 'showcase', 'cookbook', 'workshop', 'katas']);
/** Documentation words count only at either end of a directory name: `docs-site` is documentation, `api-docs-annotations` is code. */
const DOCS_WORDS = new Set(['docs', 'doc', 'documentation', 'asciidoc', 'antora', 'mkdocs', 'website']);
/**
 * The workspace folder's own name counts only when it names a collection (`rabbitmq-tutorials`, `kafka-examples`):
 * a repository called `opentelemetry-demo` or `payments-sample` is one application, built to look like production.
 */
const ROOT_WORDS = new Set(['examples', 'samples', 'tutorials', 'demos', 'quickstarts', 'workshops', 'katas', 'tests']);
/**
 * Whole directory names that only mean "tests" by convention (Maven's `src/it`, Perl's and Celery's `t`), and the
 * folders of continuous integration, whose brokers exist to run tests.
 */
const TEST_DIRECTORIES = new Set(['it', 't', '__tests__', '__mocks__', 'ci', '.ci', '.github', '.circleci', '.buildkite', '.gitlab']);
const SAMPLE_DIRECTORIES = new Set(['getting-started', 'hello-world']);
const JVM_SOURCE_ROOTS = new Set(['java', 'kotlin', 'scala', 'groovy']);

export function fileRole(where: RolePath, globs: RoleGlobs = {}): RoleContext {
  const relative = where.relative.replace(/\\/g, '/').replace(/^\.\//, '');
  for (const [glob, role] of Object.entries(globs)) {
    if (FILE_ROLES.includes(role) && globToRegExp(glob).test(relative)) return { role, reason: `the setting's glob '${glob}'` };
  }
  const slash = relative.lastIndexOf('/');
  const fileName = relative.slice(slash + 1);
  const fromFile = roleOfFileName(fileName);
  if (fromFile) return fromFile;
  return directoryRole(slash < 0 ? '' : relative.slice(0, slash), where.rootName ?? '');
}

const PRODUCTION: RoleContext = { role: 'production', reason: 'no test, sample or documentation marker in its path' };
/** Directory path and root name -> role: a workspace has far fewer directories than files. */
const directoryRoles = new Map<string, RoleContext>();

function directoryRole(directory: string, rootName: string): RoleContext {
  const id = `${rootName}\u0000${directory}`;
  const cached = directoryRoles.get(id);
  if (cached) return cached;
  let result = PRODUCTION;
  // The nearest directory that says something decides: `examples/app/src/test/…` is a test of a sample.
  const segments = directory.split('/').filter((s) => s !== '' && s !== '.');
  // Below `src/main/java` (Kotlin, Scala, Groovy) the directories are a package name: Spring Initializr's
  // `com.example.orders` is production code, not a sample.
  const source = segments.findIndex((s, k) => JVM_SOURCE_ROOTS.has(s) && k > 0 && segments[k - 1] === 'main');
  for (let k = segments.length - 1; k >= 0 && result === PRODUCTION; k--) {
    if (source >= 0 && k > source) continue;
    const role = roleOfDirectory(segments[k]!);
    if (role) result = { role, reason: `directory '${segments[k]!}'` };
  }
  if (result === PRODUCTION && rootName) {
    const words = wordsOf(rootName).filter((w) => ROOT_WORDS.has(w));
    if (words.length > 0) result = { role: words.includes('tests') ? 'test' : 'sample', reason: `workspace folder '${rootName}'` };
  }
  if (directoryRoles.size > 20000) directoryRoles.clear();
  directoryRoles.set(id, result);
  return result;
}

function roleOfDirectory(name: string): FileRole | undefined {
  const lower = name.toLowerCase();
  if (TEST_DIRECTORIES.has(lower)) return 'test';
  if (SAMPLE_DIRECTORIES.has(lower)) return 'sample';
  const words = wordsOf(name);
  if (words.some((w) => TEST_WORDS.has(w) || BENCH_WORDS.has(w))) return 'test';
  if (words.some((w) => SAMPLE_WORDS.has(w))) return 'sample';
  if (DOCS_WORDS.has(words[0] ?? '') || DOCS_WORDS.has(words[words.length - 1] ?? '')) return 'docs';
  return undefined;
}

/**
 * A file's own name marks it as a test only in the naming conventions of test frameworks (`test_consumer.py`,
 * `consumer_test.go`, `ConsumerTest.java`, `ConsumerTests.cs`, `OrdersIT.java`, `consumer.spec.ts`, `consumer_spec.rb`,
 * `ConsumerSpec.scala`, `ExchangeBind_Specs.cs`, `conftest.py`). Names never make a sample: `UserExample.java` is a
 * MyBatis criteria class and `SampleStore.java` a metrics store, both production code.
 */
const TEST_FILE = /^(test_|test-|tests?$|conftest$|Test[A-Z_])|(_test|_tests|\.test|\.spec|_spec|[a-z0-9]Tests?|[a-z0-9]IT|[a-z0-9]ITCase|_Specs?)$/;
/** `OrdersSpec` is a test in Scala, Groovy (Spock), Kotlin (Kotest) and C# (MSpec); in Java `KafkaSpec` is a model class. */
const SPEC_FILE = /[a-z0-9]Specs?$/;
const SPEC_EXTENSIONS = new Set(['scala', 'groovy', 'kt', 'cs']);

function roleOfFileName(fileName: string): RoleContext | undefined {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  const test = TEST_FILE.test(stem) || (SPEC_EXTENSIONS.has(extension) && SPEC_FILE.test(stem));
  return test ? { role: 'test', reason: `file name '${fileName}'` } : undefined;
}

/** `MassTransit.KafkaIntegration.Tests` -> masstransit, kafka, integration, tests. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s\-_.+@]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}
