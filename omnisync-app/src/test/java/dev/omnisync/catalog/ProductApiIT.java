package dev.omnisync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ProductApiIT {

    static final String FULL_PRODUCT = """
            {
              "title": "Classic Mug, Red",
              "description": "<p>Stoneware, 350 ml.</p>",
              "images": ["https://img.example.com/mug-red-1.jpg", "https://img.example.com/mug-red-2.jpg"],
              "price": "12.99", "salePrice": "11.49", "msrp": "14.99",
              "quantity": 17,
              "identifiers": {"ean": "4006381333931", "upc": "036000291452", "gtin": "04006381333931",
                              "isbn": "9783161484100", "mpn": "NH-MUG-RED", "brand": "Nordhaus"},
              "categoryPath": ["Home & Kitchen", "Mugs"],
              "attributes": {"Color": ["Red"], "Material": ["Stoneware", "Glaze"]},
              "gpsr": {
                "manufacturer": {"companyName": "Acme GmbH", "addressLine1": "Hauptstr. 1", "city": "Berlin",
                                 "postalCode": "10115", "country": "DE", "email": "safety@acme.example"},
                "responsiblePerson": {"companyName": "Acme EU Rep", "addressLine1": "Rue 2", "city": "Paris",
                                      "postalCode": "75001", "country": "FR", "email": "rep@acme.example"},
                "safetyInformation": "Hot liquids can scald.",
                "documents": [{"type": "SAFETY_INSTRUCTIONS", "url": "https://acme.example/safety.pdf"}]
              },
              "shippingProfile": "Standard DE", "returnProfile": "30 days",
              "fitment": [{"Make": "BMW", "Model": "3 Series", "Year": "2012"}],
              "vatPercent": "19", "lotSize": 2, "sizeChart": "https://img.example.com/size.png",
              "weightKg": "0.35", "enabled": false
            }""";

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StockLedger stockLedger;

    @Autowired
    ProductCatalog catalog;

    ApiClient api;
    long workspaceId;

    @BeforeEach
    void newWorkspace() {
        var issued = workspaces.create("catalog-" + java.util.UUID.randomUUID());
        workspaceId = issued.workspace().value();
        api = new ApiClient(port, issued.token());
    }

    @Test
    void putCreatesThenReplacesAndGetAnswersEveryField() {
        var created = api.put("/api/products/MUG-RED", FULL_PRODUCT);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode p = api.get("/api/products/MUG-RED").json();
        assertThat(p.get("sku").asString()).isEqualTo("MUG-RED");
        assertThat(p.get("parentSku").isNull()).isTrue();
        assertThat(p.get("title").asString()).isEqualTo("Classic Mug, Red");
        assertThat(p.get("description").asString()).isEqualTo("<p>Stoneware, 350 ml.</p>");
        assertThat(p.get("images").toString()).isEqualTo("[\"https://img.example.com/mug-red-1.jpg\",\"https://img.example.com/mug-red-2.jpg\"]");
        assertThat(p.get("price").asString()).isEqualTo("12.99");
        assertThat(p.get("salePrice").asString()).isEqualTo("11.49");
        assertThat(p.get("msrp").asString()).isEqualTo("14.99");
        assertThat(p.get("quantity").asInt()).isEqualTo(17);
        assertThat(p.get("onHand").asInt()).isEqualTo(17);
        assertThat(p.get("reserved").asInt()).isZero();
        assertThat(p.get("available").asInt()).isEqualTo(17);
        JsonNode ids = p.get("identifiers");
        assertThat(ids.get("ean").asString()).isEqualTo("4006381333931");
        assertThat(ids.get("upc").asString()).isEqualTo("036000291452");
        assertThat(ids.get("gtin").asString()).isEqualTo("04006381333931");
        assertThat(ids.get("isbn").asString()).isEqualTo("9783161484100");
        assertThat(ids.get("mpn").asString()).isEqualTo("NH-MUG-RED");
        assertThat(ids.get("brand").asString()).isEqualTo("Nordhaus");
        assertThat(p.get("categoryPath").toString()).isEqualTo("[\"Home & Kitchen\",\"Mugs\"]");
        assertThat(p.get("attributes").get("Color").toString()).isEqualTo("[\"Red\"]");
        assertThat(p.get("attributes").get("Material").toString()).isEqualTo("[\"Stoneware\",\"Glaze\"]");
        JsonNode gpsr = p.get("gpsr");
        assertThat(gpsr.get("manufacturer").get("companyName").asString()).isEqualTo("Acme GmbH");
        assertThat(gpsr.get("manufacturer").get("country").asString()).isEqualTo("DE");
        assertThat(gpsr.get("responsiblePerson").get("city").asString()).isEqualTo("Paris");
        assertThat(gpsr.get("safetyInformation").asString()).isEqualTo("Hot liquids can scald.");
        assertThat(gpsr.get("documents").get(0).get("url").asString()).isEqualTo("https://acme.example/safety.pdf");
        assertThat(p.get("shippingProfile").asString()).isEqualTo("Standard DE");
        assertThat(p.get("returnProfile").asString()).isEqualTo("30 days");
        assertThat(p.get("fitment").get(0).get("Model").asString()).isEqualTo("3 Series");
        assertThat(p.get("vatPercent").asString()).isEqualTo("19");
        assertThat(p.get("lotSize").asInt()).isEqualTo(2);
        assertThat(p.get("sizeChart").asString()).isEqualTo("https://img.example.com/size.png");
        assertThat(p.get("weightKg").asString()).isEqualTo("0.35");
        assertThat(p.get("enabled").asBoolean()).isFalse();
        assertThat(p.get("version").asLong()).isEqualTo(1);
        assertThat(p.get("updatedAt").asString()).endsWith("Z");
        assertThat(p.get("variants").size()).isZero();

        var replaced = api.put("/api/products/MUG-RED", "{\"title\": \"Mug\", \"price\": \"10\"}");
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode r = replaced.json();
        assertThat(r.get("title").asString()).isEqualTo("Mug");
        assertThat(r.get("price").asString()).isEqualTo("10.00");
        assertThat(r.get("quantity").asInt()).as("a replace resets what it leaves out").isZero();
        assertThat(r.get("images").size()).isZero();
        assertThat(r.get("identifiers").get("ean").isNull()).isTrue();
        assertThat(r.get("gpsr").isNull()).isTrue();
        assertThat(r.get("enabled").asBoolean()).isTrue();
        assertThat(r.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void listsKeepCommasQuotesBracesAndBackslashes() {
        String path = "[\"Home, Garden\", \"Say \\\"hi\\\"\", \"back\\\\slash\", \"{braces}\", \"NULL\", \"Ümlaut – ✓\"]";
        assertThat(api.put("/api/products/ODD-1", "{\"categoryPath\": " + path + "}").status()).isEqualTo(201);
        assertThat(api.get("/api/products/ODD-1").json().get("categoryPath").toString()).isEqualTo(
                api.put("/api/products/ODD-2", "{\"categoryPath\": " + path + "}").json().get("categoryPath").toString());
        JsonNode categories = api.get("/api/products/ODD-1").json().get("categoryPath");
        assertThat(categories.get(0).asString()).isEqualTo("Home, Garden");
        assertThat(categories.get(1).asString()).isEqualTo("Say \"hi\"");
        assertThat(categories.get(2).asString()).isEqualTo("back\\slash");
        assertThat(categories.get(3).asString()).isEqualTo("{braces}");
        assertThat(categories.get(4).asString()).isEqualTo("NULL");
        assertThat(categories.get(5).asString()).isEqualTo("Ümlaut – ✓");
    }

    @Test
    void availableIsOnHandMinusReservedNeverBelowZero() {
        api.put("/api/products/STOCK-1", "{\"quantity\": 12}");
        jdbc.sql("update product set reserved = 2 where workspace_id = ? and sku = 'STOCK-1'").param(workspaceId).update();
        JsonNode p = api.get("/api/products/STOCK-1").json();
        assertThat(p.get("onHand").asInt()).isEqualTo(12);
        assertThat(p.get("reserved").asInt()).isEqualTo(2);
        assertThat(p.get("available").asInt()).isEqualTo(10);
        JsonNode oversold = api.patch("/api/products/STOCK-1", "{\"quantity\": 1}").json();
        assertThat(oversold.get("reserved").asInt()).as("a merchant write leaves reservations alone").isEqualTo(2);
        assertThat(oversold.get("available").asInt()).isZero();

        var workspace = new dev.omnisync.workspace.WorkspaceId(workspaceId);
        assertThat(stockLedger.stock(workspace, List.of("STOCK-1", "NONE"))).containsOnlyKeys("STOCK-1")
                .containsEntry("STOCK-1", new StockLedger.Stock(1, 2));
        assertThat(catalog.findAll(workspace, List.of("STOCK-1", "STOCK-1", "NONE")).get("STOCK-1").available()).isZero();
        assertThat(catalog.existingSkus(workspace, List.of("STOCK-1", "NONE"))).containsExactly("STOCK-1");
    }

    @Test
    void aProductReadCanBeWrittenBackUnchanged() {
        api.put("/api/products/ROUND-1", FULL_PRODUCT);
        String read = api.get("/api/products/ROUND-1").body();
        var again = api.put("/api/products/ROUND-1", read);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("version").asLong()).isEqualTo(1);
        assertThat(changes("ROUND-1")).hasSize(1);
    }

    @Test
    void patchChangesOnlyTheFieldsPresentAndNullClears() {
        api.put("/api/products/P-1", FULL_PRODUCT);
        var patched = api.patch("/api/products/P-1", "{\"quantity\": 5}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("quantity").asInt()).isEqualTo(5);
        assertThat(patched.json().get("title").asString()).isEqualTo("Classic Mug, Red");
        assertThat(patched.json().get("price").asString()).isEqualTo("12.99");

        JsonNode p = api.patch("/api/products/P-1", "{\"price\": \"17.50\", \"salePrice\": null, \"identifiers\": {\"mpn\": null}}").json();
        assertThat(p.get("price").asString()).isEqualTo("17.50");
        assertThat(p.get("salePrice").isNull()).isTrue();
        assertThat(p.get("identifiers").get("mpn").isNull()).isTrue();
        assertThat(p.get("identifiers").get("ean").asString()).as("other identifiers stay").isEqualTo("4006381333931");
        assertThat(p.get("quantity").asInt()).isEqualTo(5);
        assertThat(p.get("version").asLong()).isEqualTo(3);

        List<Change> changes = changes("P-1");
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0).fields()).contains("title", "price", "quantity", "identifiers", "gpsr", "fitment", "enabled");
        assertThat(changes.get(0).version()).isEqualTo(1);
        assertThat(changes.get(1).fields()).containsExactly("quantity");
        assertThat(changes.get(1).version()).isEqualTo(2);
        assertThat(changes.get(2).fields()).containsExactlyInAnyOrder("price", "salePrice", "identifiers");
        assertThat(changes.get(2).version()).isEqualTo(3);
    }

    @Test
    void aWriteThatChangesNothingRecordsNothingAndKeepsTheVersion() {
        api.put("/api/products/NOOP-1", "{\"title\": \"Mug\", \"price\": \"17.5\", \"quantity\": 3}");
        assertThat(api.patch("/api/products/NOOP-1", "{\"price\": \"17.50\", \"quantity\": 3}").json().get("version").asLong()).isEqualTo(1);
        assertThat(api.put("/api/products/NOOP-1", "{\"title\": \"Mug\", \"price\": \"17.5000\", \"quantity\": 3}").status()).isEqualTo(200);
        assertThat(api.get("/api/products/NOOP-1").json().get("version").asLong()).isEqualTo(1);
        assertThat(changes("NOOP-1")).hasSize(1);
    }

    @Test
    void variantsHangUnderTheirParent() {
        api.put("/api/products/SHIRT", "{\"title\": \"Shirt\"}");
        api.put("/api/products/SHIRT-M", "{\"title\": \"Shirt M\", \"parentSku\": \"SHIRT\", \"attributes\": {\"Size\": [\"M\"]}}");
        api.put("/api/products/SHIRT-L", "{\"title\": \"Shirt L\", \"parentSku\": \"SHIRT\", \"attributes\": {\"Size\": \"L\"}}");
        JsonNode parent = api.get("/api/products/SHIRT").json();
        assertThat(parent.get("variants").toString()).isEqualTo("[\"SHIRT-L\",\"SHIRT-M\"]");
        assertThat(api.get("/api/products/SHIRT-L").json().get("parentSku").asString()).isEqualTo("SHIRT");

        assertProblem(api.put("/api/products/SHIRT-S", "{\"parentSku\": \"NO-SUCH-PARENT\"}"), 400, "parentSku");
        assertProblem(api.put("/api/products/SHIRT-X", "{\"parentSku\": \"SHIRT-X\"}"), 400, "parentSku");
        assertProblem(api.put("/api/products/SHIRT-M-SLIM", "{\"parentSku\": \"SHIRT-M\"}"), 400, "itself a variant");
        api.put("/api/products/CLOTHING", "{\"title\": \"All clothing\"}");
        assertProblem(api.patch("/api/products/SHIRT", "{\"parentSku\": \"CLOTHING\"}"), 400, "has variants");
        assertThat(api.patch("/api/products/SHIRT-L", "{\"parentSku\": null}").json().get("parentSku").isNull()).isTrue();
        assertThat(api.get("/api/products/SHIRT").json().get("variants").toString()).isEqualTo("[\"SHIRT-M\"]");
    }

    @Test
    void listPagesBySkuPrefixWithAKeyset() {
        for (String sku : List.of("A-1", "A-2", "A-3", "A.4", "B-1")) {
            api.put("/api/products/" + sku, "{\"title\": \"" + sku + "\"}");
        }
        JsonNode first = api.get("/api/products?sku=A&limit=3").json();
        assertThat(skus(first.get("items"))).containsExactly("A-1", "A-2", "A-3");
        assertThat(first.get("next").asString()).isEqualTo("A-3");
        JsonNode second = api.get("/api/products?sku=A&limit=3&after=A-3").json();
        assertThat(skus(second.get("items"))).containsExactly("A.4");
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(skus(api.get("/api/products?sku=A-").json().get("items"))).containsExactly("A-1", "A-2", "A-3");
        assertThat(skus(api.get("/api/products").json().get("items"))).containsExactly("A-1", "A-2", "A-3", "A.4", "B-1");
        assertThat(api.get("/api/products/A.4").json().get("title").asString()).isEqualTo("A.4");
        assertProblem(api.get("/api/products?limit=0"), 400, "limit");
        assertProblem(api.get("/api/products?limit=abc"), 400, "limit");
    }

    @Test
    void badInputIsAProblemNamingTheFieldNeverA500() {
        api.put("/api/products/OK-1", "{\"title\": \"ok\"}");
        assertProblem(api.put("/api/products/BAD-1", "{\"title\": "), 400, "JSON");
        assertProblem(api.put("/api/products/BAD-1", "[1, 2]"), 400, "object");
        assertProblem(api.put("/api/products/BAD-1", "{\"quantity\": \"many\"}"), 400, "quantity");
        assertProblem(api.put("/api/products/BAD-1", "{\"quantity\": 1.5}"), 400, "quantity");
        assertProblem(api.put("/api/products/BAD-1", "{\"quantity\": 99999999999}"), 400, "quantity");
        assertProblem(api.put("/api/products/BAD-1", "{\"quantity\": -1}"), 400, "quantity");
        assertProblem(api.put("/api/products/BAD-1", "{\"price\": \"-0.01\"}"), 400, "price");
        assertProblem(api.put("/api/products/BAD-1", "{\"price\": \"abc\"}"), 400, "price");
        assertProblem(api.put("/api/products/BAD-1", "{\"price\": \"12345678901\"}"), 400, "price");
        assertProblem(api.put("/api/products/BAD-1", "{\"price\": true}"), 400, "price");
        assertProblem(api.put("/api/products/BAD-1", "{\"msrp\": \"1.23456\"}"), 400, "msrp");
        assertProblem(api.put("/api/products/BAD-1", "{\"title\": \"" + "x".repeat(501) + "\"}"), 400, "title");
        assertProblem(api.put("/api/products/BAD-1", "{\"description\": \"" + "x".repeat(100_001) + "\"}"), 400, "description");
        assertProblem(api.put("/api/products/BAD-1", "{\"images\": [\"not a url\"]}"), 400, "images[0]");
        assertProblem(api.put("/api/products/BAD-1", "{\"images\": [\"ftp://x.example/a.jpg\"]}"), 400, "images[0]");
        StringBuilder images = new StringBuilder("[");
        for (int i = 0; i < 25; i++) {
            images.append(i == 0 ? "" : ",").append("\"https://img.example.com/").append(i).append(".jpg\"");
        }
        assertProblem(api.put("/api/products/BAD-1", "{\"images\": " + images + "]}"), 400, "images");
        assertProblem(api.put("/api/products/BAD-1", "{\"lotSize\": 0}"), 400, "lotSize");
        assertProblem(api.put("/api/products/BAD-1", "{\"vatPercent\": \"101\"}"), 400, "vatPercent");
        assertProblem(api.put("/api/products/BAD-1", "{\"identifiers\": {\"ean\": \"4006381333932\"}}"), 400, "identifiers.ean");
        assertProblem(api.put("/api/products/BAD-1", "{\"identifiers\": {\"asin\": \"B000\"}}"), 400, "asin");
        assertProblem(api.put("/api/products/BAD-1", "{\"gpsr\": {\"maker\": \"x\"}}"), 400, "gpsr");
        assertProblem(api.put("/api/products/BAD-1", "{\"gpsr\": {\"manufacturer\": {\"city\": \"Berlin\"}}}"), 400, "companyName");
        assertProblem(api.put("/api/products/BAD-1", "{\"fitment\": [\"BMW\"]}"), 400, "fitment");
        assertProblem(api.put("/api/products/BAD-1", "{\"attributes\": [\"Red\"]}"), 400, "attributes");
        assertProblem(api.put("/api/products/BAD-1", "{\"colour\": \"red\"}"), 400, "colour");
        assertProblem(api.put("/api/products/BAD-1", "{\"sku\": \"OTHER\"}"), 400, "sku");
        assertProblem(api.put("/api/products/" + "S".repeat(101), "{}"), 400, "sku");
        assertProblem(api.put("/api/products/A%20B", "{}"), 400, "whitespace");
        assertProblem(api.patch("/api/products/OK-1", "{\"quantity\": -3}"), 400, "quantity");
        assertProblem(api.patch("/api/products/OK-1", "{\"enabled\": \"maybe\"}"), 400, "enabled");
        assertProblem(api.patch("/api/products/NO-SUCH-SKU", "{\"quantity\": 1}"), 404, "NO-SUCH-SKU");
        assertProblem(api.get("/api/products/NO-SUCH-SKU"), 404, "NO-SUCH-SKU");
        assertThat(api.get("/api/products/BAD-1").status()).as("nothing of the bad writes was stored").isEqualTo(404);
        assertThat(api.get("/api/products/OK-1").json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aWorkspaceSeesNothingOfAnothersProducts() {
        ApiClient other = ApiClient.newWorkspace(port, workspaces);
        api.put("/api/products/MINE-1", "{\"title\": \"mine\", \"quantity\": 4}");
        assertThat(other.get("/api/products/MINE-1").status()).isEqualTo(404);
        assertThat(other.patch("/api/products/MINE-1", "{\"quantity\": 1}").status()).isEqualTo(404);
        assertThat(other.get("/api/products").json().get("items").size()).isZero();
        assertThat(other.put("/api/products/MINE-1", "{\"title\": \"theirs\"}").status()).as("the same SKU is theirs to use").isEqualTo(201);
        assertThat(api.get("/api/products/MINE-1").json().get("title").asString()).isEqualTo("mine");
        assertThat(api.get("/api/products/MINE-1").json().get("quantity").asInt()).isEqualTo(4);
    }

    @Test
    void theDefaultWorkspaceHasTheDemoCatalog() {
        ApiClient defaults = new ApiClient(port, "it-default-workspace-token");
        JsonNode mug = defaults.get("/api/products/MUG-CLASSIC").json();
        assertThat(mug.get("variants").toString()).isEqualTo("[\"MUG-CLASSIC-BLUE\",\"MUG-CLASSIC-RED\",\"MUG-CLASSIC-WHITE\"]");
        JsonNode red = defaults.get("/api/products/MUG-CLASSIC-RED").json();
        assertThat(red.get("identifiers").get("ean").asString()).hasSize(13);
        assertThat(red.get("gpsr").get("manufacturer").get("companyName").asString()).isNotBlank();
        assertThat(defaults.get("/api/products?limit=1000").json().get("items").size()).isGreaterThanOrEqualTo(20);
    }

    record Change(List<String> fields, long version) {
    }

    List<Change> changes(String sku) {
        return jdbc.sql("select fields, version from product_change where workspace_id = ? and sku = ? order by change_id")
                .params(workspaceId, sku)
                .query((rs, n) -> new Change(List.of((String[]) rs.getArray(1).getArray()), rs.getLong(2))).list();
    }

    static List<String> skus(JsonNode items) {
        List<String> skus = new ArrayList<>();
        items.forEach(i -> skus.add(i.get("sku").asString()));
        return skus;
    }

    static void assertProblem(ApiClient.Response response, int status, String mentioned) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).contains("application/problem+json");
        assertThat(response.json().get("detail").asString()).as(response.toString()).containsIgnoringCase(mentioned);
    }
}
