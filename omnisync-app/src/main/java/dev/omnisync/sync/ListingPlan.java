package dev.omnisync.sync;

import dev.omnisync.channel.FieldKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Every field's verdict for one listing, and what that means for its revision. */
public record ListingPlan(ListingSnapshot listing, List<FieldPlan> fields) {

    public ListingPlan {
        fields = List.copyOf(fields);
    }

    public Set<FieldKey> dirty() {
        Set<FieldKey> dirty = EnumSet.noneOf(FieldKey.class);
        fields.stream().filter(f -> f.verdict() == FieldPlan.Verdict.SEND).forEach(f -> dirty.add(f.field()));
        return dirty;
    }

    public FieldPlan field(FieldKey key) {
        return fields.stream().filter(f -> f.field() == key).findFirst().orElse(null);
    }

    /**
     * 0 = a quantity cut to zero or to the low-stock threshold, 1 = other quantity, 2 = price, 3 = content:
     * the most urgent reason among the dirty fields.
     */
    public int priority(int lowStockThreshold) {
        Set<FieldKey> dirty = dirty();
        if (dirty.contains(FieldKey.QUANTITY)) {
            FieldPlan q = field(FieldKey.QUANTITY);
            int desired = (Integer) q.desired().value();
            Integer online = parse(q.online());
            boolean cut = online == null || desired < online;
            return cut && desired <= lowStockThreshold ? 0 : 1;
        }
        if (dirty.contains(FieldKey.PRICE)) {
            return 2;
        }
        return 3;
    }

    private static Integer parse(String online) {
        try {
            return online == null ? null : Integer.valueOf(online);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
