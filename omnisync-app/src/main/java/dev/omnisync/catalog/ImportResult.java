package dev.omnisync.catalog;

/** An import either ran through the file, or the file could not be read (as a whole, or from some point on). */
public sealed interface ImportResult {

    record Imported(ImportReport report) implements ImportResult {
    }

    /**
     * The file was refused: bad header, not a JSON array, or unreadable from some row on. Batches before that
     * point were stored; {@code report} says what they did.
     */
    record Refused(String detail, ImportReport report) implements ImportResult {
    }
}
