package dev.omnisync.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * One offer as a marketplace holds it. Mutable, guarded by the owning {@link SandboxOffers}' lock. {@code ids}
 * holds the channel's own identifiers (eBay offerId, Kaufland id_unit, TikTok product/sku ids, ...).
 */
public final class SandboxOffer {
    public final String sku;
    public String ean;
    public BigDecimal price;
    public String currency;
    public int quantity;
    public String title;
    public String description;
    public List<String> images = new ArrayList<>();
    public final Map<String, Object> attributes = new LinkedHashMap<>();
    public final Map<String, String> ids = new LinkedHashMap<>();
    public int updates;
    public Instant lastUpdated = Instant.now();

    public SandboxOffer(String sku) {
        this.sku = sku;
    }

    /** Counts one change made through the channel's API. */
    public void touched() {
        updates++;
        lastUpdated = Instant.now();
    }

    public ObjectNode toJson() {
        ObjectNode n = SandboxJson.object();
        n.put("sku", sku);
        n.put("ean", ean);
        n.put("price", price == null ? null : price.toPlainString());
        n.put("currency", currency);
        n.put("quantity", quantity);
        n.put("title", title);
        n.put("description", description);
        var imgs = n.putArray("images");
        images.forEach(imgs::add);
        n.set("attributes", SandboxJson.MAPPER.valueToTree(attributes));
        n.set("ids", SandboxJson.MAPPER.valueToTree(ids));
        n.put("updates", updates);
        n.put("lastUpdated", lastUpdated.toString());
        return n;
    }
}
