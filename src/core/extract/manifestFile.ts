// Manifests as an analysed format: no settings, but the catalogue clients they declare (for client-status rules).
import type { ClientIndex } from '../detect/clientIndex';
import { manifestKind, parseManifest } from '../detect/manifests';
import type { ClientUse, ExtractContext, Extraction } from './types';

export function extractManifestFile(context: ExtractContext, clients: ClientIndex): Extraction {
  const kind = manifestKind(context.file);
  const clientUses: ClientUse[] = [];
  if (kind) {
    for (const dependency of parseManifest(kind, context.text)) {
      const [client] = clients.matchManifest(dependency.coordinate).filter((c) => !c.usage);
      if (!client) continue;
      // The finding covers the dependency's line, without its indentation.
      const start = context.lines.offsetAt({ line: dependency.line, column: 1 });
      const lineText = context.text.slice(start).split(/\r\n|\r|\n/, 1)[0]!;
      const indent = lineText.length - lineText.trimStart().length;
      clientUses.push({ client, span: { start: start + indent, end: start + lineText.trimEnd().length }, evidence: 'dependency' });
    }
  }
  const lineComment = kind === 'requirements' || kind === 'pyproject' || kind === 'pipfile' || kind === 'cargo' ? '#' : '//';
  return { settings: [], comments: [], lineComment, clientUses };
}
