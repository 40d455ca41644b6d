package dev.omnisync.channel.kaufland;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelNotification;
import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.OfferValues;
import dev.omnisync.channel.wire.Query;
import dev.omnisync.channel.wire.WireJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kaufland signing against the wire doc's worked examples, and the bulk payload rules. */
class KauflandSigningTest {

    private static final String SECRET = "b3575f222f7b768c25160b879699118b331c6883dd6010864b7ead130be77cd5";

    @Test
    void signsTheWorkedPatchExample() {
        byte[] body = WireJson.write(new KauflandPayloads.UnitData(5, 1999));
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"amount\":5,\"listing_price\":1999}");
        String signature = KauflandClient.sign(SECRET, "PATCH", "https://sellerapi.kaufland.com/v2/units/123456789?storefront=de", body, 1700000000L);
        assertThat(signature).isEqualTo("496dd640ae5df3af73d62ee8941cfe410e313d1dc8eceba6b9da402239e142e1");
        assertThat(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(signature))).isEqualTo("SW3WQK5d869z1i7olBz+QQ4xPR3I7OumudpAIjnhQuE=");
    }

    @Test
    void signsTheWorkedGetExampleWithTheEncodedQueryAsSent() {
        String query = Query.of().add("storefront", "de").add("ts_updated_from_iso", "2024-05-01T00:00:00Z").add("limit", 100)
                .add("offset", 0).toString();
        assertThat(query).isEqualTo("?storefront=de&ts_updated_from_iso=2024-05-01T00%3A00%3A00Z&limit=100&offset=0");
        String uri = "https://sellerapi.kaufland.com/v2/order-units" + query;
        assertThat(KauflandClient.sign(SECRET, "GET", uri, null, 1700000000L))
                .isEqualTo("f95f5d9414133fdbd818e34b47020531362ba75446f72adf0d9798a546c985bb");
        assertThat(KauflandClient.sign(SECRET, "GET", uri.replace("%3A", ":"), null, 1700000000L))
                .as("the unencoded URI signs differently").isNotEqualTo("f95f5d9414133fdbd818e34b47020531362ba75446f72adf0d9798a546c985bb");
    }

    @Test
    void pricesGoInCentsAndOnlyTheSentFields() {
        ItemUpdate priceOnly = new ItemUpdate(1, "MUG", "1000", null, EnumSet.of(FieldKey.PRICE),
                OfferValues.priceAndQuantity(new BigDecimal("12.995"), "EUR", 17));
        assertThat(new String(WireJson.write(KauflandConnector.bulkUnit(priceOnly)), StandardCharsets.UTF_8))
                .isEqualTo("{\"id_unit\":1000,\"unit_data\":{\"listing_price\":1300}}");
        ItemUpdate both = new ItemUpdate(2, "MUG", "1001", null, EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY),
                OfferValues.priceAndQuantity(new BigDecimal("12.99"), "EUR", 0));
        assertThat(new String(WireJson.write(KauflandConnector.bulkUnit(both)), StandardCharsets.UTF_8))
                .isEqualTo("{\"id_unit\":1001,\"unit_data\":{\"amount\":0,\"listing_price\":1299}}");
    }

    @Test
    void bulkChunksNeverExceedTheLimitNorRepeatAUnit() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int max = 1 + random.nextInt(150);
            List<ItemUpdate> updates = new ArrayList<>();
            int n = random.nextInt(400);
            for (int i = 0; i < n; i++) {
                updates.add(new ItemUpdate(i, "S" + i, String.valueOf(1 + random.nextInt(60)), null, EnumSet.of(FieldKey.QUANTITY),
                        OfferValues.priceAndQuantity(null, null, 1)));
            }
            List<List<ItemUpdate>> chunks = KauflandConnector.chunks(updates, max);
            assertThat(chunks.stream().mapToInt(List::size).sum()).as("seed " + seed).isEqualTo(n);
            for (List<ItemUpdate> chunk : chunks) {
                assertThat(chunk.size()).as("seed " + seed).isBetween(1, max);
                assertThat(chunk.stream().map(ItemUpdate::channelRef).distinct().count()).as("seed " + seed).isEqualTo(chunk.size());
            }
        }
    }

    @Test
    void notificationsAreCheckedWithTheSameSignature() {
        Instant now = Instant.ofEpochSecond(1700000000L);
        KauflandConnector connector = new KauflandConnector(new dev.omnisync.channel.ChannelSettings(Map.of()),
                KauflandSettings.defaults(), Clock.fixed(now, ZoneOffset.UTC));
        ConnectorAccount account = new ConnectorAccount(7, Channel.KAUFLAND, "https://sellerapi.kaufland.com", "de", "EUR",
                Map.of("clientKey", "k", "secretKey", SECRET, "callbackUrl", "https://hooks.example.com/kaufland"));
        byte[] body = "{\"event_name\":\"order_unit_new\",\"id_message\":\"a1b2\",\"resource\":\"/order-units/3145/\",\"storefront\":\"de\"}"
                .getBytes(StandardCharsets.UTF_8);
        String signature = KauflandClient.sign(SECRET, "POST", "https://hooks.example.com/kaufland", body, 1700000000L);
        Optional<ChannelNotification> ok = connector.verifyNotification(account,
                Map.of("Shop-Timestamp", "1700000000", "Shop-Signature", signature), body);
        assertThat(ok).hasValueSatisfying(n -> {
            assertThat(n.topic()).isEqualTo("order_unit_new");
            assertThat(n.notificationId()).isEqualTo("a1b2");
        });
        assertThat(connector.verifyNotification(account, Map.of("Shop-Timestamp", "1700000000", "Shop-Signature", signature.replace('4', '5')), body)).isEmpty();
        assertThat(connector.verifyNotification(account, Map.of("Shop-Timestamp", "1699999000", "Shop-Signature",
                KauflandClient.sign(SECRET, "POST", "https://hooks.example.com/kaufland", body, 1699999000L)), body))
                .as("older than five minutes").isEmpty();
        assertThat(connector.verifyNotification(account, Map.of(), body)).isEmpty();
    }

    @Test
    void accountsNeverShowTheirCredentials() {
        ConnectorAccount account = new ConnectorAccount(7, Channel.KAUFLAND, "https://x", "de", "EUR", Map.of("secretKey", SECRET));
        assertThat(account.toString()).doesNotContain(SECRET).contains("secretKey").contains("redacted");
    }
}
