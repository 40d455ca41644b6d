package dev.omnisync.sandbox;

import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * Counters of one simulated channel. {@code updateRequests} counts only calls that change offers (a feed or
 * import counts once, at submission); {@code itemsUpdated} counts offers changed.
 */
public final class SandboxStats {
    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong updateRequests = new AtomicLong();
    public final AtomicLong itemsUpdated = new AtomicLong();
    public final AtomicLong rateLimited = new AtomicLong();
    public final AtomicLong rejectedRequests = new AtomicLong();

    public void updateRequest() {
        updateRequests.incrementAndGet();
    }

    public void itemsUpdated(int n) {
        itemsUpdated.addAndGet(n);
    }

    public ObjectNode toJson() {
        ObjectNode n = SandboxJson.object();
        n.put("requests", requests.get());
        n.put("updateRequests", updateRequests.get());
        n.put("itemsUpdated", itemsUpdated.get());
        n.put("rateLimited", rateLimited.get());
        n.put("rejectedRequests", rejectedRequests.get());
        return n;
    }

    public void reset() {
        requests.set(0);
        updateRequests.set(0);
        itemsUpdated.set(0);
        rateLimited.set(0);
        rejectedRequests.set(0);
    }
}
