package dev.omnisync.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AccountsIT {

    private static final String SECRET = "v^1.1#i^1#super-secret-refresh-token";

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChannelAccounts accounts;

    @Test
    void credentialsAreWriteOnlyAndEncryptedAtRest() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        var created = api.post("/api/accounts", """
                {"channel":"EBAY","name":"My eBay DE","region":"EBAY_DE","currency":"EUR","createStoreOrders":true,
                 "credentials":{"clientId":"app-1","clientSecret":"s3cr3t","refreshToken":"%s"}}""".formatted(SECRET));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(SECRET).doesNotContain("s3cr3t");
        assertThat(created.json().get("hasCredentials").asBoolean()).isTrue();
        String id = created.json().get("id").asString();

        assertThat(api.get("/api/accounts/" + id).body()).doesNotContain(SECRET);
        assertThat(api.get("/api/accounts").body()).doesNotContain(SECRET);

        byte[] stored = jdbc.sql("select credentials from channel_account where account_id = ?")
                .param(Long.parseLong(id)).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("super-secret").doesNotContain("s3cr3t");

        long workspace = jdbc.sql("select workspace_id from channel_account where account_id = ?")
                .param(Long.parseLong(id)).query(Long.class).single();
        assertThat(accounts.credentialsOf(new dev.omnisync.workspace.WorkspaceId(workspace), Long.parseLong(id)))
                .containsEntry("refreshToken", SECRET).containsEntry("clientSecret", "s3cr3t");
    }

    @Test
    void accountSettingsCanChangeAndTheWarningFollowsCreateStoreOrders() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        String id = api.post("/api/accounts", """
                {"channel":"otto","name":"OTTO","currency":"eur"}""").json().get("id").asString();
        JsonNode changed = api.patch("/api/accounts/" + id, """
                {"createStoreOrders":false,"priceManagedBy":"REPRICER"}""").json();
        assertThat(changed.get("channel").asString()).isEqualTo("OTTO");
        assertThat(changed.get("currency").asString()).isEqualTo("EUR");
        assertThat(changed.get("createStoreOrders").asBoolean()).isFalse();
        assertThat(changed.get("priceManagedBy").asString()).isEqualTo("REPRICER");
        assertThat(changed.get("storeStockWarning").asString()).contains("other channels will not see");
        assertThat(api.delete("/api/accounts/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/accounts/" + id).status()).isEqualTo(404);
    }

    @Test
    void badAccountInputIsRefusedWithAProblemDetail() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        for (String body : List.of(
                "{\"channel\":\"ETSY\",\"name\":\"x\",\"currency\":\"EUR\"}",
                "{\"name\":\"x\",\"currency\":\"EUR\"}",
                "{\"channel\":\"EBAY\",\"name\":\"\",\"currency\":\"EUR\"}",
                "{\"channel\":\"EBAY\",\"name\":\"x\",\"currency\":\"EURO\"}",
                "{\"channel\":\"EBAY\",\"name\":\"x\",\"currency\":\"EUR\",\"baseUrl\":\"ftp://x\"}",
                "{\"channel\":\"EBAY\",\"name\":\"x\",\"currency\":\"EUR\",\"credentials\":\"nope\"}",
                "{\"channel\":\"EBAY\",\"name\":\"x\",\"currency\":\"EUR\",\"colour\":\"red\"}",
                "{\"channel\":\"EBAY\",",
                "{\"channel\":\"EBAY\",\"name\":\"" + "n".repeat(101) + "\",\"currency\":\"EUR\"}")) {
            var response = api.post("/api/accounts", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).as(body).contains("application/problem+json");
            assertThat(response.json().get("detail").asString()).as(body).isNotBlank();
        }
        assertThat(api.get("/api/accounts/999999999").status()).isEqualTo(404);
        assertThat(api.get("/api/accounts/abc").status()).isEqualTo(400);
        assertThat(api.patch("/api/accounts/999999999", "{\"name\":\"y\"}").status()).isEqualTo(404);
    }

    @Test
    void aWorkspaceSeesNoneOfAnothersAccounts() {
        ApiClient mine = ApiClient.newWorkspace(port, workspaces);
        ApiClient theirs = ApiClient.newWorkspace(port, workspaces);
        String id = mine.post("/api/accounts", "{\"channel\":\"MIRAKL\",\"name\":\"Mine\",\"currency\":\"EUR\"}")
                .json().get("id").asString();
        assertThat(theirs.get("/api/accounts/" + id).status()).isEqualTo(404);
        assertThat(theirs.get("/api/accounts").json().size()).isZero();
        assertThat(theirs.delete("/api/accounts/" + id).status()).isEqualTo(404);
        assertThat(mine.get("/api/accounts/" + id).status()).isEqualTo(200);
    }

    @Test
    void theDefaultWorkspaceHasOneSandboxAccountPerChannel() {
        JsonNode all = new ApiClient(port, "it-default-workspace-token").get("/api/accounts").json();
        List<String> names = new java.util.ArrayList<>();
        all.forEach(a -> {
            if (a.get("sandbox").asBoolean()) {
                names.add(a.get("name").asString());
                assertThat(a.get("createStoreOrders").asBoolean()).isTrue();
                assertThat(a.get("baseUrl").asString()).startsWith("http://localhost:" + port + "/sandbox/");
            }
        });
        assertThat(names).containsExactlyInAnyOrder("Sandbox eBay", "Sandbox Amazon", "Sandbox TikTok Shop",
                "Sandbox Walmart", "Sandbox Kaufland", "Sandbox Temu", "Sandbox OTTO", "Sandbox Mirakl");
    }
}
