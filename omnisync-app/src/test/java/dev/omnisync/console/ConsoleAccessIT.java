package dev.omnisync.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's session guard covers its pages only: the API keeps its bearer tokens, the rest stays open. */
@IntegrationTest
class ConsoleAccessIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void pagesWithoutASessionGoToSignInWhileTheApiStillAnswersWithItsOwn401() throws Exception {
        for (String page : new String[] {"/", "/listings", "/policies", "/products", "/orders", "/accounts", "/listings/1"}) {
            HttpResponse<String> response = get(page, null);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).as(page).endsWith("/login");
        }
        HttpResponse<String> api = get("/api/listings", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("Bearer");
        assertThat(get("/api/listings", "Bearer it-default-workspace-token").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
        assertThat(get("/webjars/htmx.org/2.0.4/dist/htmx.min.js", null).statusCode()).isEqualTo(200);
    }

    @Test
    void signingInWithTheApiTokenGivesAStrictHttpOnlySessionCookieAndAWrongTokenIsRefusedOnThePage() throws Exception {
        HttpResponse<String> wrong = post("/login", "token=not-a-token-at-all");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("That API token is not valid");

        HttpResponse<String> right = post("/login", "token=it-default-workspace-token");
        assertThat(right.statusCode()).isEqualTo(302);
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("JSESSIONID").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> dashboard = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dashboard").contains("eBay");
        // the session is not a bearer token: the API does not accept it
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/listings"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
