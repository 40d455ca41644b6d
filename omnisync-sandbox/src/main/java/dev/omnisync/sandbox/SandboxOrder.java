package dev.omnisync.sandbox;

import java.time.Instant;
import java.util.List;

/** A buyer order on a simulated channel. Lines keep the SKU and quantity; the channel renders its own shape. */
public final class SandboxOrder {

    public enum Status { OPEN, CANCELLED }

    public record Line(String lineId, String sku, int quantity) {
    }

    public final String orderId;
    public final List<Line> lines;
    public final Instant created;
    public volatile Instant updated;
    public volatile Status status = Status.OPEN;

    public SandboxOrder(String orderId, List<Line> lines, Instant created) {
        this.orderId = orderId;
        this.lines = List.copyOf(lines);
        this.created = created;
        this.updated = created;
    }
}
