package dev.omnisync.console;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.Products;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.listing.Listing;
import dev.omnisync.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a page of listings into grid rows: two reads (products, accounts) per page, whatever its size. */
@Component
class ListingRows {

    /** One grid row: online values are what the channel last accepted, store values what the catalog has now. */
    record Row(long id, String sku, String title, String channel, String account, String status, String onlineQuantity,
            String storeQuantity, String onlinePrice, String storePrice, String syncPolicy, String sellingPolicy,
            Instant lastSync, String error, boolean inventorySync, String priceManagedBy) {

        public boolean quantityDiffers() {
            return !onlineQuantity.equals(storeQuantity);
        }

        /** Compared as amounts: "5.00" online and "5" in the store are the same price. */
        public boolean priceDiffers() {
            try {
                return new java.math.BigDecimal(onlinePrice).compareTo(new java.math.BigDecimal(storePrice)) != 0;
            } catch (NumberFormatException e) {
                return !onlinePrice.equals(storePrice);
            }
        }
    }

    private final Products products;
    private final ChannelAccounts accounts;
    private final JsonMapper json = JsonMapper.builder().build();

    ListingRows(Products products, ChannelAccounts accounts) {
        this.products = products;
        this.accounts = accounts;
    }

    List<Row> rows(WorkspaceId workspace, List<Listing> page) {
        Map<String, Product> bySku = page.isEmpty() ? Map.of()
                : products.findAll(workspace, page.stream().map(Listing::sku).distinct().toList());
        Map<Long, String> accountNames = accountNames(workspace);
        return page.stream().map(l -> row(l, bySku.get(l.sku()), accountNames)).toList();
    }

    Map<Long, String> accountNames(WorkspaceId workspace) {
        return accounts.all(workspace).stream().collect(Collectors.toMap(ChannelAccount::id, ChannelAccount::name, (a, b) -> a));
    }

    Map<Long, ChannelAccount> accounts(WorkspaceId workspace) {
        return accounts.all(workspace).stream().collect(Collectors.toMap(ChannelAccount::id, Function.identity(), (a, b) -> a));
    }

    Row row(Listing l, Product product, Map<Long, String> accountNames) {
        Map<String, String> online = online(l.onlineJson());
        return new Row(l.id(), l.sku(), product == null ? "(not in the store)" : product.title(), l.channel().displayName(),
                accountNames.getOrDefault(l.accountId(), "#" + l.accountId()), l.status(), online.getOrDefault("QUANTITY", "—"),
                product == null ? "—" : Integer.toString(product.available()), online.getOrDefault("PRICE", "—"),
                product == null || product.price() == null ? "—" : product.price().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), l.syncPolicyName(),
                l.sellingPolicyName(), l.lastSyncedAt(), l.lastError(), l.inventorySync(), l.priceManagedBy().name());
    }

    Map<String, String> online(String onlineJson) {
        if (onlineJson == null || onlineJson.isBlank()) {
            return Map.of();
        }
        JsonNode node = json.readTree(onlineJson);
        Map<String, String> values = new java.util.HashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString()));
        return values;
    }
}
