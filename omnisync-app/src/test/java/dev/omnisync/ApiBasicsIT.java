package dev.omnisync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ApiBasicsIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Test
    void apiRefusesMissingAndWrongTokensWithProblemDetails() {
        var anonymous = new ApiClient(port, null).get("/api/channels");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).contains("application/problem+json");
        assertThat(anonymous.json().get("detail").asString()).contains("Bearer");

        var wrong = new ApiClient(port, "osk_not-a-real-token-at-all").get("/api/channels");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void defaultWorkspaceOpensWithTheConfiguredToken() {
        assertThat(new ApiClient(port, "it-default-workspace-token").get("/api/channels").status()).isEqualTo(200);
    }

    @Test
    void channelsListExactlyTheSeedsFieldToggles() {
        JsonNode channels = ApiClient.newWorkspace(port, workspaces).get("/api/channels").json();
        assertThat(channels.size()).isEqualTo(8);
        assertThat(optionalKeys(channels, "EBAY")).containsExactly("TITLE", "DESCRIPTION", "IMAGES", "IDENTIFIERS",
                "CATEGORIES", "GPSR", "SHIPPING_POLICY", "RETURN_POLICY", "FITMENT", "OTHER");
        assertThat(optionalKeys(channels, "AMAZON")).containsExactly("TITLE", "DESCRIPTION", "IMAGES", "GPSR", "ATTRIBUTES");
        assertThat(optionalKeys(channels, "TIKTOK_SHOP")).containsExactly("TITLE", "DESCRIPTION", "IMAGES", "CATEGORIES", "GPSR");
        assertThat(optionalKeys(channels, "WALMART")).containsExactly("TITLE", "DESCRIPTION", "IMAGES");
        assertThat(optionalKeys(channels, "KAUFLAND")).containsExactly("GPSR");
        assertThat(optionalKeys(channels, "TEMU")).containsExactly("TITLE", "DESCRIPTION", "IMAGES", "CATEGORIES");
        assertThat(optionalKeys(channels, "OTTO")).isEmpty();
        assertThat(optionalKeys(channels, "MIRAKL")).containsExactly("CATEGORIES");
        for (JsonNode channel : channels) {
            assertThat(channel.get("recommendedFields").toString()).isEqualTo("[\"PRICE\",\"QUANTITY\"]");
            assertThat(channel.get("limits").get("batchSize").asInt()).isPositive();
        }
        JsonNode temu = find(channels, "TEMU");
        assertThat(temu.get("optionalFields").get(2).get("label").asString()).isEqualTo("Images, Size Chart, Weight");
    }

    @Test
    void unknownPathsAnswerProblemDetailNot500() {
        var response = ApiClient.newWorkspace(port, workspaces).get("/api/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).contains("application/problem+json");
    }

    @Test
    void operabilityEndpointsAnswer() {
        var open = new ApiClient(port, null);
        assertThat(open.get("/actuator/health").status()).isEqualTo(200);
        assertThat(open.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(open.get("/v3/api-docs").body()).contains("/api/channels");
    }

    private static List<String> optionalKeys(JsonNode channels, String channel) {
        List<String> keys = new ArrayList<>();
        find(channels, channel).get("optionalFields").forEach(f -> keys.add(f.get("key").asString()));
        return keys;
    }

    private static JsonNode find(JsonNode channels, String channel) {
        for (JsonNode c : channels) {
            if (c.get("channel").asString().equals(channel)) {
                return c;
            }
        }
        throw new AssertionError("no channel " + channel);
    }
}
