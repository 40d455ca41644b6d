package dev.omnisync.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders of one simulated channel, in creation order. */
public final class SandboxOrders {

    private final Map<String, SandboxOrder> byId = new LinkedHashMap<>();

    public synchronized void add(SandboxOrder order) {
        if (byId.containsKey(order.orderId)) {
            throw new IllegalArgumentException("order " + order.orderId + " exists already");
        }
        byId.put(order.orderId, order);
    }

    public synchronized Optional<SandboxOrder> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Orders last changed at or after {@code from} (and before {@code to} when given), oldest change first. */
    public synchronized List<SandboxOrder> updatedBetween(Instant from, Instant to) {
        List<SandboxOrder> out = new ArrayList<>();
        for (SandboxOrder o : byId.values()) {
            if ((from == null || !o.updated.isBefore(from)) && (to == null || o.updated.isBefore(to))) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparing(o -> o.updated));
        return out;
    }

    public synchronized List<SandboxOrder> all() {
        return new ArrayList<>(byId.values());
    }

    public synchronized void clear() {
        byId.clear();
    }
}
