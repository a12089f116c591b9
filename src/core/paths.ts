// File-name helpers shared by format and manifest recognition.

export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

/**
 * Files whose presence in a `vendor/` folder marks it as third-party code, whose clients and settings are not the
 * project's: Go's `vendor/modules.txt` and Composer's `vendor/autoload.php`. A `vendor` folder without them (a
 * marketplace's vendor module) is read as usual.
 */
export const VENDOR_MARKERS: readonly string[] = ['modules.txt', 'autoload.php'];
