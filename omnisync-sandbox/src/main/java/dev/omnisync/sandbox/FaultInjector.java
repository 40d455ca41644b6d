package dev.omnisync.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The faults injected into one simulated channel through {@code _control/faults}, consumed in order. */
public final class FaultInjector {

    private final List<Fault> faults = new ArrayList<>();

    public synchronized void add(Fault fault) {
        faults.add(fault);
    }

    /** Consumes one request-level fault (429, 500, TIMEOUT, SLOW), if any is pending. */
    public synchronized Optional<Fault> nextRequestFault() {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.type != Fault.Type.REJECT_SKU) {
                f.remaining--;
                if (f.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** True when a REJECT_SKU fault covers {@code sku} (a fault without sku covers every SKU); consumes one. */
    public synchronized boolean rejects(String sku) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.type == Fault.Type.REJECT_SKU && (f.sku == null || f.sku.equals(sku))) {
                f.remaining--;
                if (f.remaining <= 0) {
                    it.remove();
                }
                return true;
            }
        }
        return false;
    }

    public synchronized void clear() {
        faults.clear();
    }
}
