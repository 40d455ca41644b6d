package dev.omnisync.catalog;

import java.util.List;

/**
 * What an import did. {@code results} lists every row when the file has at most
 * {@link ProductImport#LIST_ALL_UP_TO} rows; for bigger files it lists only the rejected rows (at most
 * {@link ProductImport#MAX_LISTED_REJECTIONS}) and {@code resultsListed} says {@code REJECTED_ONLY}. The
 * counts always cover every row.
 */
public record ImportReport(long rows, long created, long updated, long unchanged, long rejected, String resultsListed,
        List<RowResult> results) {

    /** One row's outcome. {@code row} is 1 for the first product (the CSV header is not a row). */
    public record RowResult(long row, String sku, Outcome outcome, List<String> reasons) {
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }
}
