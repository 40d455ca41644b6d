package dev.omnisync.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.IssuedToken;
import dev.omnisync.workspace.Workspaces;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every refusal of the console is a message on the page that says what to do, never an error page or a 5xx. */
@IntegrationTest
class ConsoleRefusalsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    private String session;

    @BeforeEach
    void signIn() throws Exception {
        IssuedToken issued = workspaces.create("refusals-" + UUID.randomUUID());
        HttpResponse<String> login = post("/login", "token=" + URLEncoder.encode(issued.token(), StandardCharsets.UTF_8), false);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        session = cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void htmxActionsAnswerTheMessageInPlace() throws Exception {
        assertRefused(post("/listings/bulk/preview", "scope=ids&targetPolicy=SYNC:1", true), "Select at least one listing");
        assertRefused(post("/listings/bulk/preview", "scope=filter&channel=EBAY", true), "Choose the policy to assign");
        assertRefused(post("/listings/bulk/preview", "scope=filter&channel=ETSY&targetPolicy=SYNC:1", true), "Unknown channel 'ETSY'");
        assertRefused(post("/listings/bulk/preview", "scope=ids&listingIds=99999999&targetPolicy=SYNC:1", true),
                "not in this workspace");
        assertRefused(post("/listings/bulk/99999999/undo", "", true), "There is no bulk change 99999999");
        assertRefused(post("/listings/link", "sku=NOPE&accountId=", true), "Choose the channel account");
        assertRefused(post("/policies/sync/save", "channel=OTTO&name=Too+much&fields=PRICE&fields=TITLE", true),
                "OTTO Market does not offer TITLE");
        assertRefused(post("/policies/sync/save", "channel=EBAY&name=&fields=PRICE", true), "name");
        assertRefused(post("/policies/selling/save", "channel=EBAY&name=X&priceSource=PRICE&rounding=NONE&currencyRate=0"
                + "&quantitySource=PRODUCT", true), "currencyRate must be greater than 0");
        HttpResponse<String> example = post("/policies/selling/example", "priceSource=PRICE&rounding=NONE&quantitySource=FIXED"
                + "&examplePrice=3", true);
        assertThat(example.statusCode()).isEqualTo(200);
        assertThat(unescaped(example.body())).contains("quantity.fixedValue must be 0 or more");
    }

    @Test
    void pagesShowTheMessageOnAPage() throws Exception {
        HttpResponse<String> account = post("/accounts", "channel=EBAY&name=Mine&currency=EURO", false);
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("role=\"alert\"");
        assertThat(unescaped(account.body())).contains("'currency' EURO is not an ISO 4217 code");
        HttpResponse<String> missing = get("/listings/99999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no listing 99999999 in this workspace");
        HttpResponse<String> policy = get("/policies/sync/new?channel=ETSY");
        assertThat(policy.body()).contains("Choose a channel for the new policy");
        HttpResponse<String> filter = get("/listings?status=not%20a%20status");
        assertThat(filter.statusCode()).isEqualTo(200);
        assertThat(unescaped(filter.body())).contains("'status' is a word such as ACTIVE or QUARANTINED");
    }

    @Test
    void anAddedAccountsCredentialsAreStoredButNeverShown() throws Exception {
        HttpResponse<String> added = post("/accounts", "channel=KAUFLAND&name=Kaufland+DE&region=de&currency=EUR&createStoreOrders=on"
                + "&credentialKey1=clientKey&credentialValue1=s3cret-client-key-xyz&credentialKey2=secretKey&credentialValue2=s3cret-2", false);
        assertThat(added.statusCode()).isEqualTo(302);
        HttpResponse<String> page = get("/accounts");
        assertThat(page.body()).contains("Kaufland DE").contains("stored (never shown)").doesNotContain("s3cret");
        assertThat(page.body()).doesNotContain("other channels can oversell");
        HttpResponse<String> refused = post("/accounts", "channel=KAUFLAND&name=X&currency=EUR&credentialValue1=orphan", false);
        assertThat(unescaped(refused.body())).contains("Credential 1 has a value but no name").doesNotContain("orphan");
    }

    private static void assertRefused(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).as(response.body()).contains("class=\"refusal\"");
        assertThat(unescaped(response.body())).contains(message);
    }

    private static String unescaped(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, boolean htmx) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            builder.header("Cookie", session);
        }
        if (htmx) {
            builder.header("HX-Request", "true");
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
