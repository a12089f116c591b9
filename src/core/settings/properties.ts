// Settings from Java .properties files (Kafka client and broker configuration).
import type { PropertiesDocument } from '../parsers/properties';
import type { KeyIndex } from '../keyIndex';
import type { LineIndex } from '../text';
import type { Setting } from '../types';

/** The systems whose keys a plain .properties file may hold, in the order they are tried. */
const PROPERTIES_SYSTEMS = ['kafka'];

export function settingsFromProperties(
  file: string,
  document: PropertiesDocument,
  lines: LineIndex,
  keys: KeyIndex,
): Setting[] {
  const settings: Setting[] = [];
  for (const entry of document.entries) {
    for (const system of PROPERTIES_SYSTEMS) {
      const info = keys.lookup(system, entry.key);
      if (!info) continue;
      const position = lines.positionAt(entry.keySpan.start);
      settings.push({
        file,
        line: position.line,
        column: position.column,
        system,
        key: info.key,
        rawKey: entry.key,
        value: entry.value,
        keySpan: entry.keySpan,
        valueSpan: entry.valueSpan,
      });
      break;
    }
  }
  return settings;
}
