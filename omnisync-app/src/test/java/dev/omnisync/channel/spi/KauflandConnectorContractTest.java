package dev.omnisync.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.kaufland.KauflandConnector;
import dev.omnisync.channel.kaufland.KauflandSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The connector contract for Kaufland against its sandbox (real limit: 150 units per bulk call). */
class KauflandConnectorContractTest extends ConnectorContract {

    @Override
    protected Channel channel() {
        return Channel.KAUFLAND;
    }

    @Override
    protected String region() {
        return "de";
    }

    @Override
    protected ChannelConnector newConnector() {
        return connectorWith(Clock.systemUTC());
    }

    private KauflandConnector connectorWith(Clock clock) {
        KauflandSettings settings = new KauflandSettings(Duration.ofSeconds(2), Duration.ofMillis(500), 3, Duration.ofMillis(50),
                Duration.ofSeconds(1), null, "de", null, null, Duration.ofMillis(200), null, null);
        return new KauflandConnector(new ChannelSettings(Map.of()), settings, clock);
    }

    @Override
    protected String channelRef(JsonNode offer) {
        return offer.path("ids").path("id_unit").asString(null);
    }

    @Override
    protected Map<String, String> webhookCredentials(String url) {
        return Map.of("callbackUrl", url);
    }

    @Override
    protected String secretCredential() {
        return "secretKey";
    }

    @Override
    protected OfferValues everyField(String sku) {
        return OfferValues.builder().price(new BigDecimal("19.99"), "EUR").quantity(11)
                .identifiers(new OfferValues.Identifiers(ean(0), null, null, null, null, "Acme"))
                .gpsr(new OfferValues.Gpsr(
                        new OfferValues.Party("Acme GmbH", "Hauptstr. 1", "Berlin", "10115", "DE", "safety@acme.example",
                                "+49301234567", "https://acme.example/contact"),
                        null, List.of(), List.of()))
                .build();
    }

    @Override
    protected void assertEveryFieldArrived(JsonNode offer, OfferValues sent) {
        JsonNode contact = offer.path("attributes").path("product_safety_contact");
        assertThat(contact.path("name").asString()).isEqualTo("Acme GmbH");
        assertThat(contact.path("address").asString()).isEqualTo("Hauptstr. 1, Berlin, 10115, DE");
        assertThat(contact.path("email_address").asString()).isEqualTo("safety@acme.example");
    }

    /** Kaufland has no access tokens: every request is signed with a timestamp, and a skewed clock is refused. */
    @Override
    @Test
    void anExpiredTokenIsRefreshed() {
        Map<String, String> refs = seed(List.of("TOK-1"));
        ChannelConnector skewed = connectorWith(Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofMinutes(-10)));
        PushOutcome outcome = skewed.push(account, List.of(priceQuantity("TOK-1", refs.get("TOK-1"), "5.00", 1))).outcomes().get(0);
        assertThat(outcome).isInstanceOfSatisfying(PushOutcome.RetryLater.class, r -> assertThat(r.reason()).contains("401"));
        assertThat(pushAndSettle(List.of(priceQuantity("TOK-1", refs.get("TOK-1"), "5.50", 2))).get(0))
                .isInstanceOf(PushOutcome.Accepted.class);
        assertThat(control.offer("TOK-1").path("price").asString()).isEqualTo("5.50");
    }
}
