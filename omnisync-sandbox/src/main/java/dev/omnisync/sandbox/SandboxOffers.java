package dev.omnisync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The offers of one simulated seller account, keyed by SKU. Thread-safe by one lock (the sandbox is small). */
public final class SandboxOffers {

    private final Map<String, SandboxOffer> bySku = new LinkedHashMap<>();

    public synchronized Optional<SandboxOffer> find(String sku) {
        return Optional.ofNullable(bySku.get(sku));
    }

    /** The offer whose channel id {@code key} equals {@code value} (e.g. offerId, id_unit). */
    public synchronized Optional<SandboxOffer> findById(String key, String value) {
        return bySku.values().stream().filter(o -> value != null && value.equals(o.ids.get(key))).findFirst();
    }

    public synchronized SandboxOffer getOrCreate(String sku, Consumer<SandboxOffer> onCreate) {
        return bySku.computeIfAbsent(sku, s -> {
            SandboxOffer offer = new SandboxOffer(s);
            onCreate.accept(offer);
            return offer;
        });
    }

    public synchronized List<SandboxOffer> all() {
        return new ArrayList<>(bySku.values());
    }

    public synchronized void remove(String sku) {
        bySku.remove(sku);
    }

    /** Runs a change atomically with respect to other sandbox calls. */
    public synchronized <T> T change(java.util.function.Supplier<T> change) {
        return change.get();
    }

    public synchronized void clear() {
        bySku.clear();
    }
}
