package dev.omnisync.catalog;

import static dev.omnisync.catalog.ProductApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ProductImportIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    long workspaceId;

    @BeforeEach
    void newWorkspace() {
        var issued = workspaces.create("import-" + java.util.UUID.randomUUID());
        workspaceId = issued.workspace().value();
        api = new ApiClient(port, issued.token());
    }

    ApiClient.Response csv(String body) {
        return api.send("POST", "/api/products/import", body, "text/csv");
    }

    @Test
    void aStockFileChangesOnlyQuantities() {
        api.put("/api/products/MUG-1", "{\"title\": \"Mug\", \"price\": \"12.99\", \"quantity\": 3, \"images\": [\"https://img.example.com/m.jpg\"]}");
        api.put("/api/products/MUG-2", "{\"title\": \"Mug 2\", \"price\": \"9.99\", \"quantity\": 8}");

        var response = csv("sku,quantity\nMUG-1,10\nMUG-2,8\n");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("rows").asLong()).isEqualTo(2);
        assertThat(report.get("updated").asLong()).isEqualTo(1);
        assertThat(report.get("unchanged").asLong()).isEqualTo(1);
        assertThat(report.get("results").get(0).get("outcome").asString()).isEqualTo("UPDATED");
        assertThat(report.get("results").get(1).get("outcome").asString()).isEqualTo("UNCHANGED");

        JsonNode mug = api.get("/api/products/MUG-1").json();
        assertThat(mug.get("quantity").asInt()).isEqualTo(10);
        assertThat(mug.get("title").asString()).isEqualTo("Mug");
        assertThat(mug.get("price").asString()).isEqualTo("12.99");
        assertThat(mug.get("images").size()).isEqualTo(1);
        assertThat(fields("MUG-1")).containsExactly(List.of("title", "images", "price", "quantity"), List.of("quantity"));
        assertThat(fields("MUG-2")).hasSize(1);
    }

    @Test
    void badRowsAreRejectedWithReasonsAndGoodRowsKept() {
        var response = csv("""
                sku,title,price,quantity,ean,images,categoryPath,attr:Color,attr:Size
                GOOD-1,Red mug,12.99,5,4006381333931,https://img.example.com/a.jpg|https://img.example.com/b.jpg,Home|Mugs,Red,
                BAD-1,Blue mug,-1,5,,,,,
                BAD-2,Green mug,3.50,lots,,,,,
                "BAD 3",White mug,3.50,1,,,,,
                GOOD-2,"Shirt, cotton",19.90,7,,,,Blue|Navy,XL
                BAD-4,Mug,1,1,4006381333932,,,,
                BAD-5,Mug,1,1
                ,No sku,1,1,,,,,
                """);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("rows").asLong()).isEqualTo(8);
        assertThat(report.get("created").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(6);
        JsonNode results = report.get("results");
        assertThat(results.get(1).get("row").asLong()).isEqualTo(2);
        assertThat(results.get(1).get("sku").asString()).isEqualTo("BAD-1");
        assertThat(results.get(1).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(results.get(1).get("reasons").get(0).asString()).contains("price");
        assertThat(results.get(2).get("reasons").get(0).asString()).contains("quantity");
        assertThat(results.get(3).get("reasons").get(0).asString()).contains("whitespace");
        assertThat(results.get(5).get("reasons").get(0).asString()).contains("ean");
        assertThat(results.get(6).get("reasons").get(0).asString()).contains("cells");
        assertThat(results.get(7).get("reasons").get(0).asString()).contains("sku");

        JsonNode good = api.get("/api/products/GOOD-1").json();
        assertThat(good.get("images").size()).isEqualTo(2);
        assertThat(good.get("categoryPath").toString()).isEqualTo("[\"Home\",\"Mugs\"]");
        assertThat(good.get("attributes").toString()).isEqualTo("{\"Color\":[\"Red\"]}");
        assertThat(good.get("identifiers").get("ean").asString()).isEqualTo("4006381333931");
        JsonNode shirt = api.get("/api/products/GOOD-2").json();
        assertThat(shirt.get("title").asString()).isEqualTo("Shirt, cotton");
        assertThat(shirt.get("attributes").get("Color").toString()).isEqualTo("[\"Blue\",\"Navy\"]");
        assertThat(shirt.get("attributes").get("Size").toString()).isEqualTo("[\"XL\"]");
        assertThat(api.get("/api/products/BAD-1").status()).isEqualTo(404);
    }

    @Test
    void attributeColumnsChangeOnlyTheirAttribute() {
        api.put("/api/products/ATTR-1", "{\"attributes\": {\"Color\": [\"Red\"], \"Material\": [\"Steel\"]}}");
        assertThat(csv("sku,attr:Color,attr:Size\nATTR-1,Blue,\n").status()).isEqualTo(200);
        assertThat(api.get("/api/products/ATTR-1").json().get("attributes").toString())
                .isEqualTo("{\"Color\":[\"Blue\"],\"Material\":[\"Steel\"]}");
        assertThat(csv("sku,attr:Material\nATTR-1,\n").json().get("updated").asLong()).isEqualTo(1);
        assertThat(api.get("/api/products/ATTR-1").json().get("attributes").toString()).isEqualTo("{\"Color\":[\"Blue\"]}");
    }

    @Test
    void aPartialRowForANewSkuCreatesTheProductWithThoseFields() {
        JsonNode report = csv("sku,quantity\nNEW-1,4\n").json();
        assertThat(report.get("created").asLong()).isEqualTo(1);
        JsonNode p = api.get("/api/products/NEW-1").json();
        assertThat(p.get("quantity").asInt()).isEqualTo(4);
        assertThat(p.get("title").isNull()).isTrue();
        assertThat(fields("NEW-1")).containsExactly(List.of("quantity"));
    }

    @Test
    void variantsMayFollowTheirParentInTheSameFile() {
        JsonNode report = csv("sku,parentSku,title\nTEE,,Tee\nTEE-S,TEE,Tee S\nTEE-M,NOPE,Tee M\nTEE-S-X,TEE-S,Tee S X\n").json();
        assertThat(report.get("created").asLong()).isEqualTo(2);
        assertThat(report.get("results").get(2).get("reasons").get(0).asString()).contains("parentSku");
        assertThat(report.get("results").get(3).get("reasons").get(0).asString()).contains("itself a variant");
        assertThat(api.get("/api/products/TEE").json().get("variants").toString()).isEqualTo("[\"TEE-S\"]");
    }

    @Test
    void aJsonArrayImportsLikeAPatchPerRow() {
        api.put("/api/products/J-1", "{\"title\": \"One\", \"price\": \"5\"}");
        var response = api.post("/api/products/import", """
                [
                  {"sku": "J-1", "quantity": 9},
                  {"sku": "J-2", "title": "Two", "price": "7.25", "identifiers": {"brand": "Acme"}, "attributes": {"Color": ["Red"]}},
                  {"sku": "J-3", "price": "-2"},
                  {"title": "no sku"},
                  {"sku": "J-4", "colour": "red"},
                  "not an object",
                  {"sku": "J-1", "price": "5.00"}
                ]""");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("rows").asLong()).isEqualTo(7);
        assertThat(report.get("created").asLong()).isEqualTo(1);
        assertThat(report.get("updated").asLong()).isEqualTo(1);
        assertThat(report.get("unchanged").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(4);
        assertThat(report.get("results").get(4).get("reasons").get(0).asString()).contains("colour");
        JsonNode one = api.get("/api/products/J-1").json();
        assertThat(one.get("quantity").asInt()).isEqualTo(9);
        assertThat(one.get("title").asString()).isEqualTo("One");
        assertThat(api.get("/api/products/J-2").json().get("identifiers").get("brand").asString()).isEqualTo("Acme");
    }

    @Test
    void aRepeatedImportChangesNothing() {
        String file = "sku,title,price,quantity\nR-1,Mug,12.99,3\nR-2,Cup,4.50,0\n";
        assertThat(csv(file).json().get("created").asLong()).isEqualTo(2);
        JsonNode again = csv(file).json();
        assertThat(again.get("unchanged").asLong()).isEqualTo(2);
        assertThat(fields("R-1")).hasSize(1);
        assertThat(api.get("/api/products/R-1").json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aFileThatCannotBeUsedIsRefusedAsAWhole() {
        assertProblem(csv("sku,quantity,colour\nX-1,1,red\n"), 400, "colour");
        assertProblem(csv(""), 400, "empty");
        assertProblem(csv("X-1,5\nX-2,6\n"), 400, "X-1");
        assertProblem(csv("title,quantity\nMug,5\n"), 400, "sku");
        assertProblem(csv("sku,quantity\n"), 400, "no rows");
        assertProblem(csv("sku,quantity,quantity\nX-1,1,2\n"), 400, "twice");
        assertProblem(api.post("/api/products/import", "{\"sku\": \"X-1\"}"), 400, "array");
        var truncated = api.post("/api/products/import", "[{\"sku\": \"X-T\"}, {\"sku\": \"X-U\", ");
        assertProblem(truncated, 400, "JSON");
        assertThat(truncated.json().get("report").get("created").asLong()).as("complete rows before the damage are kept").isEqualTo(1);
        assertThat(api.get("/api/products/X-U").status()).isEqualTo(404);
        assertProblem(api.post("/api/products/import", ""), 400, "empty");
        assertThat(api.send("POST", "/api/products/import", "x", "application/xml").status()).isEqualTo(415);
        assertThat(api.get("/api/products/X-1").status()).isEqualTo(404);
    }

    @Test
    void aBigFileListsOnlyRejectedRows() {
        StringBuilder file = new StringBuilder("sku,quantity\n");
        for (int i = 1; i <= 2_500; i++) {
            file.append("BIG-").append(i).append(',').append(i == 1_700 ? "-5" : Integer.toString(i % 50)).append('\n');
        }
        JsonNode report = csv(file.toString()).json();
        assertThat(report.get("rows").asLong()).isEqualTo(2_500);
        assertThat(report.get("created").asLong()).isEqualTo(2_499);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("resultsListed").asString()).isEqualTo("REJECTED_ONLY");
        assertThat(report.get("results").size()).isEqualTo(1);
        assertThat(report.get("results").get(0).get("row").asLong()).isEqualTo(1_700);
        assertThat(jdbc.sql("select count(*) from product_change where workspace_id = ?").param(workspaceId)
                .query(Long.class).single()).isEqualTo(2_499);
        assertThat(api.get("/api/products/BIG-2500").json().get("quantity").asInt()).isEqualTo(0);
        assertThat(api.get("/api/products/BIG-2499").json().get("quantity").asInt()).isEqualTo(49);
    }

    @Test
    void concurrentImportsOfTheSameNewSkusAllSucceedAndKeepVersionsConsistent() throws Exception {
        int writers = 4;
        List<java.util.concurrent.Future<ApiClient.Response>> answers = new java.util.ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            for (int w = 0; w < writers; w++) {
                List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 300).boxed().toList());
                java.util.Collections.shuffle(order, new java.util.Random(w));
                StringBuilder file = new StringBuilder("sku,quantity\n");
                for (int i : order) {
                    file.append("RACE-").append(i).append(',').append(w + 1).append('\n');
                }
                answers.add(pool.submit(() -> csv(file.toString())));
            }
            for (var answer : answers) {
                assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("""
                select count(*) from product p where p.workspace_id = ? and p.sku like 'RACE-%'
                and p.version = (select count(*) from product_change c where c.workspace_id = p.workspace_id and c.sku = p.sku)
                and p.on_hand between 1 and 4""").param(workspaceId).query(Long.class).single()).isEqualTo(300);
    }

    @Test
    void quotedCellsMaySpanLinesAndABrokenQuoteStopsTheFileWithAProblem() {
        JsonNode report = csv("sku,description\nQ-1,\"Line one,\nline \"\"two\"\"\"\n").json();
        assertThat(report.get("created").asLong()).isEqualTo(1);
        assertThat(api.get("/api/products/Q-1").json().get("description").asString()).isEqualTo("Line one,\nline \"two\"");

        var broken = csv("sku,title\nQ-2,fine\nQ-3,\"broken\"quote\nQ-4,never\n");
        assertProblem(broken, 400, "CSV");
        assertThat(api.get("/api/products/Q-4").status()).isEqualTo(404);
    }

    @Test
    void aBigJsonArrayIsWrittenInBatches() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 1; i <= 2_500; i++) {
            body.append(i == 1 ? "" : ",").append("{\"sku\":\"JB-").append(i).append("\",\"quantity\":").append(i).append('}');
        }
        JsonNode report = api.post("/api/products/import", body.append(']').toString()).json();
        assertThat(report.get("created").asLong()).isEqualTo(2_500);
        assertThat(report.get("resultsListed").asString()).isEqualTo("REJECTED_ONLY");
        assertThat(api.get("/api/products/JB-2500").json().get("quantity").asInt()).isEqualTo(2_500);
    }

    List<List<String>> fields(String sku) {
        return jdbc.sql("select fields from product_change where workspace_id = ? and sku = ? order by change_id")
                .params(workspaceId, sku)
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).list();
    }
}
