package dev.omnisync.order;

/**
 * What one import step did.
 *
 * @param orders      orders read from the channel
 * @param newLines    lines stored for the first time
 * @param transitions known lines whose status moved forward
 */
public record ImportSummary(int orders, int newLines, int transitions) {

    public static final ImportSummary NOTHING = new ImportSummary(0, 0, 0);

    public ImportSummary plus(ImportSummary other) {
        return new ImportSummary(orders + other.orders, newLines + other.newLines, transitions + other.transitions);
    }
}
