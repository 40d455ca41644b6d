package dev.omnisync.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelField;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.sandbox.SandboxServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The one contract every connector passes against its sandbox marketplace (a standalone {@link SandboxServer} on a
 * free port, driven through its control API). Subclasses say how to build the connector and the account, which
 * channel ids an offer has, and how their channel shows each optional field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConnectorContract {

    protected SandboxServer.Handle sandbox;
    protected SandboxControl control;
    protected ChannelConnector connector;
    protected ConnectorAccount account;
    private long nextListing = 1;

    /** The channel under test. */
    protected abstract Channel channel();

    /** A connector with test-friendly settings: short read timeout (≈500 ms), 3 tries, short backoff. */
    protected abstract ChannelConnector newConnector();

    /** The channel's id of a seeded offer (from {@code _control/offers/{sku}}: its {@code ids}), or null. */
    protected abstract String channelRef(JsonNode offer);

    /** Values for every optional field the channel offers, for {@code sku}. */
    protected abstract OfferValues everyField(String sku);

    /** Asserts that the sandbox's view of the offer shows every optional field of {@link #everyField}. */
    protected abstract void assertEveryFieldArrived(JsonNode offer, OfferValues sent);

    /** Whether pushes come back Pending and are read by polling. */
    protected boolean asynchronous() {
        return false;
    }

    /** Whether listed offers carry EAN/GTIN. */
    protected boolean offersExposeGtin() {
        return true;
    }

    /** Whether listed offers carry the quantity. */
    protected boolean offersExposeQuantity() {
        return true;
    }

    /** The account's region/marketplace/storefront. */
    protected String region() {
        return null;
    }

    protected String currency() {
        return "EUR";
    }

    /** Sandbox settings for this channel's tests. */
    protected Map<String, Object> sandboxProperties() {
        return Map.of("omnisync.sandbox.processing-delay", "100ms");
    }

    @BeforeAll
    void startSandbox() {
        sandbox = SandboxServer.start(0, sandboxProperties());
        control = new SandboxControl(sandbox.baseUrl(channel().slug()));
    }

    @AfterAll
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void freshChannel() {
        control.reset();
        connector = newConnector();
        account = new ConnectorAccount(42, channel(), sandbox.baseUrl(channel().slug()), region(), currency(), control.credentials());
    }

    // ------------------------------------------------------------------ helpers

    /** Seeds offers on the channel and answers their channel ids by SKU. */
    protected Map<String, String> seed(List<String> skus) {
        List<Map<String, Object>> offers = new ArrayList<>();
        int i = 0;
        for (String sku : skus) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("sku", sku);
            o.put("ean", ean(i++));
            o.put("price", "10.00");
            o.put("quantity", 5);
            o.put("title", "Seeded " + sku);
            offers.add(o);
        }
        for (int from = 0; from < offers.size(); from += 100) {
            control.post("/offers", offers.subList(from, Math.min(offers.size(), from + 100)));
        }
        Map<String, String> refs = new LinkedHashMap<>();
        for (String sku : skus) {
            refs.put(sku, channelRef(control.offer(sku)));
        }
        return refs;
    }

    protected static String ean(int i) {
        String twelve = String.format("400638%06d", i);
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (twelve.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
        }
        return twelve + ((10 - sum % 10) % 10);
    }

    protected static List<String> skus(String prefix, int n) {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            skus.add(prefix + "-" + i);
        }
        return skus;
    }

    protected ItemUpdate update(String sku, String ref, Set<FieldKey> fields, OfferValues values) {
        return new ItemUpdate(nextListing++, sku, ref, null, fields, values);
    }

    protected ItemUpdate priceQuantity(String sku, String ref, String price, int quantity) {
        return update(sku, ref, EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY),
                OfferValues.priceAndQuantity(new BigDecimal(price), currency(), quantity));
    }

    protected List<ItemUpdate> priceQuantityUpdates(Map<String, String> refs, String price, int quantity) {
        List<ItemUpdate> updates = new ArrayList<>();
        refs.forEach((sku, ref) -> updates.add(priceQuantity(sku, ref, price, quantity)));
        return updates;
    }

    /** Pushes and, for asynchronous channels, polls until nothing is Pending; one outcome per update. */
    protected List<PushOutcome> pushAndSettle(List<ItemUpdate> updates) {
        PushResult result = connector.push(account, updates);
        assertThat(result.outcomes()).hasSize(updates.size());
        return settle(result.outcomes());
    }

    protected List<PushOutcome> settle(List<PushOutcome> outcomes) {
        Map<Long, PushOutcome> byListing = new LinkedHashMap<>();
        outcomes.forEach(o -> byListing.put(o.listingId(), o));
        Instant deadline = Instant.now().plusSeconds(30);
        while (byListing.values().stream().anyMatch(o -> o instanceof PushOutcome.Pending)) {
            assertThat(Instant.now()).as("async jobs finish within 30 s").isBefore(deadline);
            sleep(150);
            Map<PendingJob, Boolean> jobs = new IdentityHashMap<>();
            byListing.values().stream().filter(o -> o instanceof PushOutcome.Pending)
                    .forEach(o -> jobs.put(((PushOutcome.Pending) o).job(), true));
            for (PendingJob job : jobs.keySet()) {
                List<PushOutcome> polled = connector.poll(account, job);
                assertThat(polled).as("one outcome per item of the job").hasSize(job.items().size());
                polled.forEach(o -> byListing.put(o.listingId(), o));
            }
        }
        List<PushOutcome> out = new ArrayList<>();
        outcomes.forEach(o -> out.add(byListing.get(o.listingId())));
        return out;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the sandbox shows the offer in the expected state (channels may apply accepted work a bit later). */
    protected JsonNode awaitOffer(String sku, java.util.function.Predicate<JsonNode> ready) {
        Instant deadline = Instant.now().plusSeconds(15);
        JsonNode offer = control.offer(sku);
        while (!ready.test(offer) && Instant.now().isBefore(deadline)) {
            sleep(100);
            offer = control.offer(sku);
        }
        return offer;
    }

    protected static void assertAllAccepted(List<PushOutcome> outcomes) {
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(PushOutcome.Accepted.class));
    }

    // ------------------------------------------------------------------ the contract

    @Test
    void everyOptionalFieldOfTheChannelReachesIt() {
        String sku = "FULL-1";
        Map<String, String> refs = seed(List.of(sku));
        Set<FieldKey> fields = EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY);
        channel().optionalFields().stream().map(ChannelField::key).forEach(fields::add);
        OfferValues values = everyField(sku);
        List<PushOutcome> outcomes = pushAndSettle(List.of(update(sku, refs.get(sku), fields, values)));
        assertThat(outcomes.get(0)).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(((PushOutcome.Accepted) outcomes.get(0)).fields()).containsAll(fields);
        JsonNode offer = awaitOffer(sku, o -> o.path("quantity").asInt() == values.quantity()
                && o.path("price").isString() && new BigDecimal(o.path("price").asString()).compareTo(values.price()) == 0);
        assertThat(offer.path("quantity").asInt()).isEqualTo(values.quantity());
        assertThat(new BigDecimal(offer.path("price").asString())).isEqualByComparingTo(values.price());
        assertEveryFieldArrived(offer, values);
    }

    @Test
    void aBatchAtTheLimitIsOneCall() {
        int limit = connector.limits().batchSize();
        Map<String, String> refs = seed(skus("AT", limit));
        long before = control.stat("updateRequests");
        List<PushOutcome> outcomes = pushAndSettle(priceQuantityUpdates(refs, "12.34", 7));
        assertAllAccepted(outcomes);
        assertThat(control.stat("updateRequests") - before).as("update calls for a batch of " + limit).isEqualTo(updateCallsFor(limit));
        String last = "AT-" + (limit - 1);
        assertThat(awaitOffer(last, o -> o.path("quantity").asInt() == 7).path("quantity").asInt()).isEqualTo(7);
    }

    @Test
    void oneOverTheLimitIsSplitNeverRejected() {
        int limit = connector.limits().batchSize();
        Map<String, String> refs = seed(skus("OVER", limit + 1));
        long before = control.stat("updateRequests");
        List<PushOutcome> outcomes = pushAndSettle(priceQuantityUpdates(refs, "12.34", 3));
        assertAllAccepted(outcomes);
        assertThat(control.stat("updateRequests") - before).as("update calls for a batch of " + (limit + 1))
                .isEqualTo(2 * updateCallsFor(limit));
        assertThat(control.stat("rejectedRequests")).isZero();
    }

    /** Update calls one full batch of price+quantity changes costs (Walmart: an inventory and a price feed). */
    protected int updateCallsFor(int items) {
        return 1;
    }

    @Test
    void a429IsHonouredWithADelay() {
        Map<String, String> refs = seed(List.of("THR-1"));
        control.fault("HTTP_429", 1, null, null);
        PushResult first = connector.push(account, List.of(priceQuantity("THR-1", refs.get("THR-1"), "9.99", 4)));
        PushOutcome outcome = first.outcomes().get(0);
        if (outcome instanceof PushOutcome.RetryLater later) {
            assertThat(later.delay()).isPositive();
            assertThat(later.reason()).contains("429");
            outcome = settle(connector.push(account, List.of(priceQuantity("THR-1", refs.get("THR-1"), "9.99", 4))).outcomes()).get(0);
        } else {
            outcome = settle(first.outcomes()).get(0);
        }
        assertThat(outcome).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(control.stat("rateLimited")).isEqualTo(1);
        assertThat(awaitOffer("THR-1", o -> o.path("quantity").asInt() == 4).path("quantity").asInt()).isEqualTo(4);
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        Map<String, String> refs = seed(List.of("ERR-1"));
        control.fault("HTTP_500", 2, null, null);
        long before = control.stat("requests");
        List<PushOutcome> outcomes = pushAndSettle(List.of(priceQuantity("ERR-1", refs.get("ERR-1"), "8.00", 2)));
        assertThat(outcomes.get(0)).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(control.stat("requests") - before).as("two failed tries and the good one, at least").isGreaterThanOrEqualTo(3);
    }

    @Test
    void serverErrorsBeyondTheRetriesComeBackAsRetryLater() {
        Map<String, String> refs = seed(List.of("ERR-2"));
        control.fault("HTTP_500", 10, null, null);
        PushResult result = connector.push(account, List.of(priceQuantity("ERR-2", refs.get("ERR-2"), "8.00", 2)));
        assertThat(result.outcomes().get(0)).isInstanceOfSatisfying(PushOutcome.RetryLater.class,
                later -> assertThat(later.delay()).isPositive());
        assertThat(result.calls()).as("bounded tries").isLessThanOrEqualTo(8);
    }

    @Test
    void timeoutsAreRetried() {
        Map<String, String> refs = seed(List.of("SLOW-1"));
        control.fault("TIMEOUT", 1, null, 1500L);
        List<PushOutcome> outcomes = pushAndSettle(List.of(priceQuantity("SLOW-1", refs.get("SLOW-1"), "7.00", 6)));
        assertThat(outcomes.get(0)).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(awaitOffer("SLOW-1", o -> o.path("quantity").asInt() == 6).path("quantity").asInt()).isEqualTo(6);
    }

    @Test
    void oneRejectedItemDoesNotFailItsBatch() {
        Map<String, String> refs = seed(List.of("REJ-0", "REJ-1", "REJ-2"));
        control.fault("REJECT_SKU", 1, "REJ-1", null);
        List<PushOutcome> outcomes = pushAndSettle(priceQuantityUpdates(refs, "15.00", 9));
        assertThat(outcomes.get(0)).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(PushOutcome.Rejected.class,
                r -> assertThat(r.channelMessage()).isNotBlank());
        assertThat(outcomes.get(2)).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(awaitOffer("REJ-2", o -> o.path("quantity").asInt() == 9).path("quantity").asInt()).isEqualTo(9);
    }

    @Test
    void anExpiredTokenIsRefreshed() {
        Map<String, String> refs = seed(List.of("TOK-1"));
        assertThat(pushAndSettle(List.of(priceQuantity("TOK-1", refs.get("TOK-1"), "5.00", 1))).get(0))
                .isInstanceOf(PushOutcome.Accepted.class);
        expireCredentials();
        assertThat(pushAndSettle(List.of(priceQuantity("TOK-1", refs.get("TOK-1"), "5.50", 2))).get(0))
                .isInstanceOf(PushOutcome.Accepted.class);
        assertThat(awaitOffer("TOK-1", o -> o.path("quantity").asInt() == 2).path("quantity").asInt()).isEqualTo(2);
    }

    /** Makes the channel refuse the current access token (channels without tokens override the token test). */
    protected void expireCredentials() {
        control.post("/tokens/expire", null);
    }

    @Test
    void wrongCredentialsAreRefusedWithoutQuarantiningTheListing() {
        Map<String, String> refs = seed(List.of("BAD-1"));
        Map<String, String> wrong = new HashMap<>(account.credentials());
        wrong.put(secretCredential(), "not-the-secret");
        ConnectorAccount bad = new ConnectorAccount(43, channel(), account.baseUrl(), region(), currency(), wrong);
        PushOutcome outcome = connector.push(bad, List.of(priceQuantity("BAD-1", refs.get("BAD-1"), "5.00", 1))).outcomes().get(0);
        assertThat(outcome).isInstanceOf(PushOutcome.RetryLater.class);
        assertThat(control.offer("BAD-1").path("quantity").asInt()).isEqualTo(5);
    }

    /** The credential whose wrong value the channel must refuse. */
    protected String secretCredential() {
        return "clientSecret";
    }

    @Test
    void asyncJobsReportSuccessAndFailurePerItem() {
        assumeTrue(asynchronous(), "only for channels with asynchronous submissions");
        List<String> skus = skus("ASYNC", asyncBatchSize());
        Map<String, String> refs = seed(skus);
        control.fault("REJECT_SKU", 1, "ASYNC-1", null);
        PushResult result = connector.push(account, priceQuantityUpdates(refs, "11.00", 8));
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o).isInstanceOf(PushOutcome.Pending.class));
        List<PushOutcome> settled = settle(result.outcomes());
        assertThat(settled.get(1)).isInstanceOfSatisfying(PushOutcome.Rejected.class, r -> assertThat(r.channelMessage()).isNotBlank());
        List<PushOutcome> others = new ArrayList<>(settled);
        others.remove(1);
        assertAllAccepted(others);
        assertThat(control.offer("ASYNC-0").path("quantity").asInt()).isEqualTo(8);
    }

    @Test
    void aThrottledPollKeepsTheJobPendingInsteadOfResending() {
        assumeTrue(asynchronous(), "only for channels with asynchronous submissions");
        Map<String, String> refs = seed(skus("POLL", asyncBatchSize()));
        PushResult result = connector.push(account, priceQuantityUpdates(refs, "13.00", 4));
        PendingJob job = ((PushOutcome.Pending) result.outcomes().get(0)).job();
        long updates = control.stat("updateRequests");
        control.fault("HTTP_429", 1, null, null);
        List<PushOutcome> polled = connector.poll(account, job);
        assertThat(polled).hasSize(job.items().size())
                .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(PushOutcome.Pending.class,
                        p -> assertThat(p.job().pollAfter()).isPositive()));
        assertAllAccepted(settle(polled));
        assertThat(control.stat("updateRequests")).as("nothing resent").isEqualTo(updates);
    }

    /** How many items make a push asynchronous. */
    protected int asyncBatchSize() {
        return 3;
    }

    @Test
    void ordersAreListedSinceACursor() {
        Instant since = Instant.now().minusSeconds(5);
        seed(List.of("ORD-1", "ORD-2"));
        JsonNode created = control.post("/orders", Map.of("lines", List.of(Map.of("sku", "ORD-1", "quantity", 2), Map.of("sku", "ORD-2", "quantity", 1))));
        String orderId = created.path("orderId").asString();
        List<ChannelOrder> orders = allOrders(OrderCursor.since(since));
        ChannelOrder order = orders.stream().filter(o -> o.channelOrderId().equals(orderId)).findFirst().orElseThrow();
        assertThat(order.state()).isEqualTo(ChannelOrder.OrderState.OPEN);
        Map<String, Integer> quantities = new HashMap<>();
        order.lines().forEach(l -> quantities.merge(l.sku(), l.quantity(), Integer::sum));
        assertThat(quantities).containsEntry("ORD-1", 2).containsEntry("ORD-2", 1);
        assertThat(order.lines()).allSatisfy(l -> assertThat(l.lineId()).isNotBlank());

        OrderPage last = lastPage(OrderCursor.since(since));
        sleep(1100);
        control.post("/orders/" + orderId + "/cancel", null);
        List<ChannelOrder> changed = allOrders(last.next());
        ChannelOrder cancelled = changed.stream().filter(o -> o.channelOrderId().equals(orderId)).findFirst().orElseThrow();
        assertThat(cancelled.state()).isEqualTo(ChannelOrder.OrderState.CANCELLED);
    }

    private List<ChannelOrder> allOrders(OrderCursor cursor) {
        List<ChannelOrder> all = new ArrayList<>();
        OrderPage page;
        int pages = 0;
        do {
            page = connector.ordersSince(account, cursor);
            all.addAll(page.orders());
            cursor = page.next();
        } while (page.hasMore() && ++pages < 50);
        return all;
    }

    private OrderPage lastPage(OrderCursor cursor) {
        OrderPage page;
        do {
            page = connector.ordersSince(account, cursor);
            cursor = page.next();
        } while (page.hasMore());
        return page;
    }

    @Test
    void offersAreListedForLinking() {
        Map<String, String> refs = seed(List.of("LNK-0", "LNK-1", "LNK-2"));
        Map<String, ChannelOffer> found = new HashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            OfferPage page = connector.listOffers(account, cursor);
            page.offers().forEach(o -> found.put(o.sku(), o));
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < 50);
        assertThat(found).containsKeys("LNK-0", "LNK-1", "LNK-2");
        ChannelOffer first = found.get("LNK-0");
        assertThat(first.channelRef()).isNotBlank();
        if (refs.get("LNK-0") != null) {
            assertThat(first.channelRef()).isEqualTo(refs.get("LNK-0"));
        }
        assertThat(first.price()).isEqualByComparingTo("10.00");
        if (offersExposeGtin()) {
            assertThat(first.gtin()).endsWith(ean(0));
        }
        if (offersExposeQuantity()) {
            assertThat(first.quantity()).isEqualTo(5);
        }
    }

    @Test
    void notificationsAreVerifiedAndForgeriesRefused() {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            Map<String, String> credentials = new HashMap<>(account.credentials());
            credentials.putAll(webhookCredentials(hook.url()));
            ConnectorAccount withHook = new ConnectorAccount(account.accountId(), channel(), account.baseUrl(), region(), currency(), credentials);
            subscribe(withHook, hook.url());
            seed(List.of("NTF-1"));
            String orderId = control.post("/orders", Map.of("lines", List.of(Map.of("sku", "NTF-1", "quantity", 1))))
                    .path("orderId").asString();
            WebhookReceiver.Delivery delivery = hook.next(Duration.ofSeconds(10));
            java.util.Optional<ChannelNotification> notification = connector.verifyNotification(withHook, delivery.headers(), delivery.body());
            assertThat(notification).as("a genuine delivery is accepted").isPresent();
            assertThat(notification.get().topic()).isNotBlank();
            if (notification.get().channelOrderId() != null) {
                assertThat(notification.get().channelOrderId()).isEqualTo(orderId);
            }
            if (signsNotifications()) {
                byte[] forged = new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"storefront\"", "\"storefrOnt\"").replace(orderId, orderId + "9")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(forged).isNotEqualTo(delivery.body());
                assertThat(connector.verifyNotification(withHook, delivery.headers(), forged)).as("a forged body is refused").isEmpty();
                assertThat(connector.verifyNotification(withHook, Map.of(), delivery.body())).as("an unsigned delivery is refused").isEmpty();
            }
        }
    }

    /** Whether the channel signs its notifications (Amazon's go through SQS unsigned). */
    protected boolean signsNotifications() {
        return true;
    }

    /** Credentials the account needs to check deliveries to {@code url} (e.g. the signed callback URL). */
    protected Map<String, String> webhookCredentials(String url) {
        return Map.of();
    }

    /** Subscribes the account's orders notifications to {@code url} (by default through the sandbox's control API). */
    protected void subscribe(ConnectorAccount account, String url) {
        control.post("/subscription", Map.of("url", url));
    }

    protected static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
