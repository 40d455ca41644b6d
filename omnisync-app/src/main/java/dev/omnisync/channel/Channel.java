package dev.omnisync.channel;

import static dev.omnisync.channel.FieldKey.*;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The eight sales channels, each with exactly the optional Synchronization Policy fields it offers
 * (labels as its policy editor words them) and its documented limits as defaults.
 */
public enum Channel {

    EBAY("eBay", "ebay", List.of(
            new ChannelField(TITLE, "Title"),
            new ChannelField(DESCRIPTION, "Description"),
            new ChannelField(IMAGES, "Images"),
            new ChannelField(IDENTIFIERS, "Identifier"),
            new ChannelField(CATEGORIES, "Categories & specifics"),
            new ChannelField(GPSR, "GPSR details"),
            new ChannelField(SHIPPING_POLICY, "Shipping Policy"),
            new ChannelField(RETURN_POLICY, "Return Policy"),
            new ChannelField(FITMENT, "Vehicle compatibility (fitment)"),
            new ChannelField(OTHER, "Other settings (VAT, Strike-Through Price, Lot size, etc.)")),
            // bulk_update_price_quantity: 25 requests; 2,000,000 Inventory API calls a day ≈ 23/s; 250 revisions/listing/day
            new ChannelLimits(25, 23, 25, 250, Duration.ZERO, Duration.ofMillis(200), 0)),

    AMAZON("Amazon", "amazon", List.of(
            new ChannelField(TITLE, "Title"),
            new ChannelField(DESCRIPTION, "Description"),
            new ChannelField(IMAGES, "Images"),
            new ChannelField(GPSR, "GPSR details"),
            new ChannelField(ATTRIBUTES, "Attributes")),
            // JSON_LISTINGS_FEED: 25,000 messages, ≤10 MiB; Listings Items PATCH 5 req/s, burst 5
            new ChannelLimits(25_000, 5, 5, 0, Duration.ZERO, Duration.ofMillis(200), 10L * 1024 * 1024)),

    TIKTOK_SHOP("TikTok Shop", "tiktok", List.of(
            new ChannelField(TITLE, "Title"),
            new ChannelField(DESCRIPTION, "Description"),
            new ChannelField(IMAGES, "Images"),
            new ChannelField(CATEGORIES, "Category"),
            new ChannelField(GPSR, "GPSR details")),
            // one product (all its SKUs) per call; rate unpublished, so a conservative 5/s
            new ChannelLimits(1, 5, 5, 0, Duration.ZERO, Duration.ofMillis(200), 0)),

    WALMART("Walmart", "walmart", List.of(
            new ChannelField(TITLE, "Title"),
            new ChannelField(DESCRIPTION, "Description"),
            new ChannelField(IMAGES, "Images")),
            // inventory feed ≤5 MB, 10 feeds/hour; single inventory PUT ~200/min (unconfirmed)
            // … and up to 10 quantity cuts go as single inventory PUTs between feeds
            new ChannelLimits(10_000, 3.3, 5, 0, Duration.ofMinutes(6), Duration.ofMillis(200), 5L * 1024 * 1024, 10)),

    KAUFLAND("Kaufland", "kaufland", List.of(
            new ChannelField(GPSR, "GPSR details")),
            // units/bulk: 150 units, no duplicates; 111 req/s per seller across all endpoints
            new ChannelLimits(150, 111, 111, 0, Duration.ZERO, Duration.ofMillis(200), 0)),

    TEMU("Temu", "temu", List.of(
            new ChannelField(TITLE, "Title"),
            new ChannelField(DESCRIPTION, "Description"),
            new ChannelField(IMAGES, "Images, Size Chart, Weight"),
            new ChannelField(CATEGORIES, "Category")),
            // one goods (product) per call; rate unpublished, so a conservative 5/s
            new ChannelLimits(1, 5, 5, 0, Duration.ZERO, Duration.ofMillis(200), 0)),

    OTTO("OTTO Market", "otto", List.of(),
            // quantities ≤200 per call (prices ≤500); per-endpoint limits unpublished, so 5/s
            new ChannelLimits(200, 5, 5, 0, Duration.ZERO, Duration.ofMillis(200), 0)),

    MIRAKL("Mirakl", "mirakl", List.of(
            new ChannelField(CATEGORIES, "Categories, Attributes")),
            // OF01 PARTIAL_UPDATE: one file carries everything due, at most one import a minute
            new ChannelLimits(100_000, 1, 1, 0, Duration.ofMinutes(1), Duration.ofMillis(200), 0));

    private static final List<ChannelField> RECOMMENDED = List.of(new ChannelField(PRICE, "Price"), new ChannelField(QUANTITY, "Quantity"));

    private final String displayName;
    private final String slug;
    private final List<ChannelField> optionalFields;
    private final ChannelLimits documentedLimits;

    Channel(String displayName, String slug, List<ChannelField> optionalFields, ChannelLimits documentedLimits) {
        this.displayName = displayName;
        this.slug = slug;
        this.optionalFields = optionalFields;
        this.documentedLimits = documentedLimits;
    }

    public String displayName() {
        return displayName;
    }

    /** The path segment of the channel's sandbox and webhooks ({@code /sandbox/{slug}/}). */
    public String slug() {
        return slug;
    }

    public List<ChannelField> recommendedFields() {
        return RECOMMENDED;
    }

    public List<ChannelField> optionalFields() {
        return optionalFields;
    }

    public ChannelLimits documentedLimits() {
        return documentedLimits;
    }

    /** Whether this channel's Synchronization Policy offers the toggle. */
    public boolean offers(FieldKey key) {
        return key.isRecommended() || optionalFields.stream().anyMatch(f -> f.key() == key);
    }

    /** The name of the sandbox account the default run seeds, e.g. "Sandbox OTTO". */
    public String sandboxAccountName() {
        return "Sandbox " + (this == OTTO ? "OTTO" : displayName);
    }

    /** Parses {@code EBAY}, {@code ebay} or the sandbox slug {@code tiktok}. */
    public static Optional<Channel> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        for (Channel c : values()) {
            if (c.name().equalsIgnoreCase(v) || c.slug.equalsIgnoreCase(v)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static String allNames() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Enum::name).toList());
    }

    @Override
    public String toString() {
        return name().toUpperCase(Locale.ROOT);
    }
}
