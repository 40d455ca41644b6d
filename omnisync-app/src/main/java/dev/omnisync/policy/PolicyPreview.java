package dev.omnisync.policy;

import dev.omnisync.channel.FieldKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an edit of a policy, or moving listings to another policy, would change, per field — shown to the
 * user before anything is applied. Concrete before → after values ({@link Sample}) come from the sync
 * engine; until it provides them, {@code sample} is empty.
 *
 * @param affectedListings listings whose policy is edited or who move to another policy
 * @param changes          per field: what happens and to how many listings
 */
public record PolicyPreview(long affectedListings, List<FieldChange> changes) {

    /** What happens to a field. */
    public enum Effect {
        /** The field starts flowing: its value will be sent. */
        ENABLED,
        /** The field stops flowing; nothing is sent because of it. */
        DISABLED,
        /** The field keeps flowing, but its value is computed differently (Selling Policy). */
        CHANGED
    }

    /**
     * @param listings       how many listings this effect applies to
     * @param listingsToSend how many of them will get the field sent because of the change
     * @param settings       for CHANGED: which settings differ, e.g. "rounding NONE → END_99"
     */
    public record FieldChange(FieldKey field, Effect effect, long listings, long listingsToSend, List<String> settings,
            List<Sample> sample) {

        public FieldChange {
            settings = List.copyOf(settings);
            sample = List.copyOf(sample);
        }
    }

    /** One listing's value before and after the change. */
    public record Sample(String listingId, String sku, String before, String after) {
    }

    public PolicyPreview {
        changes = List.copyOf(changes);
    }

    /** Whether applying this would change what is sent for any listing. */
    public boolean affectsListings() {
        return affectedListings > 0 && !changes.isEmpty();
    }

    /** An edit of a synchronization policy that {@code listings} listings use. */
    public static PolicyPreview ofSyncEdit(SynchronizationPolicy before, SynchronizationPolicy after, long listings) {
        return ofSyncMove(Map.of(before, listings), after);
    }

    /**
     * Listings moving to {@code target}, counted by the policy they have now (listings already on the
     * target are not in the map).
     */
    public static PolicyPreview ofSyncMove(Map<SynchronizationPolicy, Long> listingsByCurrent, SynchronizationPolicy target) {
        long affected = listingsByCurrent.values().stream().mapToLong(Long::longValue).sum();
        List<FieldChange> changes = new ArrayList<>();
        for (FieldKey field : FieldKey.values()) {
            long enabled = 0;
            long disabled = 0;
            for (var entry : listingsByCurrent.entrySet()) {
                boolean now = entry.getKey().enables(field);
                boolean then = target.enables(field);
                if (!now && then) {
                    enabled += entry.getValue();
                } else if (now && !then) {
                    disabled += entry.getValue();
                }
            }
            if (enabled > 0 || (affected == 0 && enabledWithoutListings(listingsByCurrent, target, field))) {
                changes.add(new FieldChange(field, Effect.ENABLED, enabled, enabled, List.of(), List.of()));
            }
            if (disabled > 0 || (affected == 0 && disabledWithoutListings(listingsByCurrent, target, field))) {
                changes.add(new FieldChange(field, Effect.DISABLED, disabled, 0, List.of(), List.of()));
            }
        }
        return new PolicyPreview(affected, changes);
    }

    /** An edit of a selling policy that {@code listings} listings use. */
    public static PolicyPreview ofSellingEdit(SellingPolicy before, SellingPolicy after, long listings) {
        return ofSellingMove(Map.of(before, listings), after);
    }

    /** Listings moving to the selling policy {@code target}, counted by the policy they have now. */
    public static PolicyPreview ofSellingMove(Map<SellingPolicy, Long> listingsByCurrent, SellingPolicy target) {
        long affected = listingsByCurrent.values().stream().mapToLong(Long::longValue).sum();
        long priceChanged = 0;
        long quantityChanged = 0;
        Set<String> priceSettings = new LinkedHashSet<>();
        Set<String> quantitySettings = new LinkedHashSet<>();
        for (var entry : listingsByCurrent.entrySet()) {
            List<String> price = priceDifferences(entry.getKey().price(), target.price());
            List<String> quantity = quantityDifferences(entry.getKey().quantity(), target.quantity());
            if (!price.isEmpty()) {
                priceChanged += entry.getValue();
                priceSettings.addAll(price);
            }
            if (!quantity.isEmpty()) {
                quantityChanged += entry.getValue();
                quantitySettings.addAll(quantity);
            }
        }
        List<FieldChange> changes = new ArrayList<>();
        if (!priceSettings.isEmpty()) {
            changes.add(new FieldChange(FieldKey.PRICE, Effect.CHANGED, priceChanged, priceChanged, limit(priceSettings), List.of()));
        }
        if (!quantitySettings.isEmpty()) {
            changes.add(new FieldChange(FieldKey.QUANTITY, Effect.CHANGED, quantityChanged, quantityChanged, limit(quantitySettings), List.of()));
        }
        return new PolicyPreview(affected, changes);
    }

    /** The price settings that differ, written as "setting before → after". */
    public static List<String> priceDifferences(PriceRule a, PriceRule b) {
        List<String> diffs = new ArrayList<>();
        if (a.source() != b.source()) {
            diffs.add("source " + a.source() + " → " + b.source());
        }
        if (a.currencyRate().compareTo(b.currencyRate()) != 0) {
            diffs.add("currencyRate " + plain(a.currencyRate()) + " → " + plain(b.currencyRate()));
        }
        if (a.vatPercent().compareTo(b.vatPercent()) != 0) {
            diffs.add("vatPercent " + plain(a.vatPercent()) + " → " + plain(b.vatPercent()));
        }
        if (!sameModifiers(a.modifiers(), b.modifiers())) {
            diffs.add("modifiers " + describe(a.modifiers()) + " → " + describe(b.modifiers()));
        }
        if (a.rounding() != b.rounding()) {
            diffs.add("rounding " + a.rounding() + " → " + b.rounding());
        }
        return diffs;
    }

    /** The quantity settings that differ, written as "setting before → after". */
    public static List<String> quantityDifferences(QuantityRule a, QuantityRule b) {
        List<String> diffs = new ArrayList<>();
        if (a.source() != b.source()) {
            diffs.add("source " + a.source() + " → " + b.source());
        }
        if (!Objects.equals(a.fixedValue(), b.fixedValue())) {
            diffs.add("fixedValue " + a.fixedValue() + " → " + b.fixedValue());
        }
        if (a.percentage() != b.percentage()) {
            diffs.add("percentage " + a.percentage() + " → " + b.percentage());
        }
        if (!Objects.equals(a.minPosted(), b.minPosted())) {
            diffs.add("minPosted " + a.minPosted() + " → " + b.minPosted());
        }
        if (!Objects.equals(a.maxPosted(), b.maxPosted())) {
            diffs.add("maxPosted " + a.maxPosted() + " → " + b.maxPosted());
        }
        if (a.buffer() != b.buffer()) {
            diffs.add("buffer " + a.buffer() + " → " + b.buffer());
        }
        return diffs;
    }

    private static boolean enabledWithoutListings(Map<SynchronizationPolicy, Long> current, SynchronizationPolicy target, FieldKey field) {
        return target.enables(field) && current.keySet().stream().anyMatch(p -> !p.enables(field));
    }

    private static boolean disabledWithoutListings(Map<SynchronizationPolicy, Long> current, SynchronizationPolicy target, FieldKey field) {
        return !target.enables(field) && current.keySet().stream().anyMatch(p -> p.enables(field));
    }

    private static boolean sameModifiers(List<PriceModifier> a, List<PriceModifier> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).kind() != b.get(i).kind() || a.get(i).value().compareTo(b.get(i).value()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<PriceModifier> modifiers) {
        if (modifiers.isEmpty()) {
            return "none";
        }
        List<String> steps = new ArrayList<>();
        for (PriceModifier m : modifiers) {
            steps.add((m.value().signum() < 0 ? "" : "+") + plain(m.value()) + (m.kind() == PriceModifier.Kind.PERCENT ? "%" : ""));
        }
        return String.join(" ", steps);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static List<String> limit(Set<String> settings) {
        return settings.stream().limit(10).toList();
    }
}
