package dev.omnisync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProductRulesTest {

    @Test
    void skusAreOneToAHundredCharactersWithoutWhitespaceOrSlashes() {
        assertThat(ProductRules.sku("sku", "MUG-RED_1.2")).isEmpty();
        assertThat(ProductRules.sku("sku", "X".repeat(100))).isEmpty();
        assertThat(ProductRules.sku("sku", "X".repeat(101))).singleElement().asString().contains("101 characters");
        assertThat(ProductRules.sku("sku", "")).singleElement().asString().contains("required");
        assertThat(ProductRules.sku("sku", null)).singleElement().asString().contains("required");
        assertThat(ProductRules.sku("sku", "A B")).singleElement().asString().contains("whitespace");
        assertThat(ProductRules.sku("sku", "A\tB")).singleElement().asString().contains("whitespace");
        assertThat(ProductRules.sku("sku", "A\u00A0B")).singleElement().asString().contains("whitespace");
        assertThat(ProductRules.sku("sku", "A/B")).singleElement().asString().contains("slashes");
        assertThat(ProductRules.sku("parentSku", "A\\B")).singleElement().asString().contains("'parentSku'");
    }

    @Test
    void moneyIsNonNegativeWithAtMostFourDecimalsAndFitsTheColumn() {
        assertThat(ProductRules.check(ProductField.PRICE, new BigDecimal("0"))).isEmpty();
        assertThat(ProductRules.check(ProductField.PRICE, new BigDecimal("9999999999.9999"))).isEmpty();
        assertThat(ProductRules.check(ProductField.PRICE, new BigDecimal("17.5000000"))).isEmpty();
        assertThat(ProductRules.check(ProductField.PRICE, new BigDecimal("-0.01"))).singleElement().asString().contains("negative");
        assertThat(ProductRules.check(ProductField.SALE_PRICE, new BigDecimal("10000000000"))).singleElement().asString().contains("below");
        assertThat(ProductRules.check(ProductField.MSRP, new BigDecimal("1.00001"))).singleElement().asString().contains("4 decimal");
        assertThat(ProductRules.check(ProductField.VAT_PERCENT, new BigDecimal("100"))).isEmpty();
        assertThat(ProductRules.check(ProductField.VAT_PERCENT, new BigDecimal("100.5"))).isNotEmpty();
        assertThat(ProductRules.check(ProductField.WEIGHT_KG, new BigDecimal("0.0001"))).singleElement().asString().contains("3 decimal");
    }

    @Test
    void countsAndLengthsHaveLimits() {
        assertThat(ProductRules.check(ProductField.QUANTITY, -1)).singleElement().asString().contains("negative");
        assertThat(ProductRules.check(ProductField.QUANTITY, 0)).isEmpty();
        assertThat(ProductRules.check(ProductField.LOT_SIZE, 0)).singleElement().asString().contains("lotSize");
        assertThat(ProductRules.check(ProductField.LOT_SIZE, 1)).isEmpty();
        assertThat(ProductRules.check(ProductField.TITLE, "t".repeat(500))).isEmpty();
        assertThat(ProductRules.check(ProductField.TITLE, "t".repeat(501))).singleElement().asString().contains("title");
        assertThat(ProductRules.check(ProductField.DESCRIPTION, "d".repeat(100_001))).singleElement().asString().contains("description");
        List<String> images = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            images.add("https://img.example.com/" + i + ".jpg");
        }
        assertThat(ProductRules.check(ProductField.IMAGES, images.subList(0, 24))).isEmpty();
        assertThat(ProductRules.check(ProductField.IMAGES, images)).singleElement().asString().contains("at most 24");
        assertThat(ProductRules.check(ProductField.IMAGES, List.of("https://a.example/x.jpg", "https://a.example/x.jpg")))
                .singleElement().asString().contains("repeats");
        assertThat(ProductRules.check(ProductField.CATEGORY_PATH, Collections.nCopies(11, "Level"))).isNotEmpty();
    }

    @Test
    void imagesAndDocumentsAreAbsoluteHttpUrls() {
        assertThat(ProductRules.check(ProductField.IMAGES, List.of("http://img.example.com/a b.jpg"))).singleElement().asString()
                .contains("images[0]");
        assertThat(ProductRules.check(ProductField.IMAGES, List.of("/relative.jpg"))).singleElement().asString().contains("absolute");
        assertThat(ProductRules.check(ProductField.IMAGES, List.of("javascript:alert(1)"))).isNotEmpty();
        Gpsr gpsr = new Gpsr(null, null, null, List.of(new Gpsr.Document("MANUAL", "file:///etc/passwd")));
        assertThat(ProductRules.check(ProductField.GPSR, gpsr)).singleElement().asString().contains("documents[0].url");
    }

    @Test
    void gpsrContactsNeedACompanyNameAndACountryCode() {
        Gpsr.Contact noName = new Gpsr.Contact(null, "Hauptstr. 1", null, "Berlin", "10115", "Germany", "no-at-sign", null, null);
        List<String> reasons = ProductRules.check(ProductField.GPSR, new Gpsr(noName, null, "Keep dry.", List.of()));
        assertThat(reasons).anyMatch(r -> r.contains("gpsr.manufacturer.companyName"))
                .anyMatch(r -> r.contains("gpsr.manufacturer.country"))
                .anyMatch(r -> r.contains("gpsr.manufacturer.email"));
    }

    @Test
    void gtinsNeedTheirLengthAndCheckDigit() {
        assertThat(check("4006381333931", null, null, null)).isEmpty();
        assertThat(check("4006381333932", null, null, null)).singleElement().asString().contains("expected 1");
        assertThat(check("400638133393", null, null, null)).singleElement().asString().contains("8 or 13 digits");
        assertThat(check("40063813339X1", null, null, null)).isNotEmpty();
        assertThat(check(null, "036000291452", null, null)).isEmpty();
        assertThat(check(null, "036000291453", null, null)).isNotEmpty();
        assertThat(check(null, null, "00036000291452", null)).isEmpty();
        assertThat(check(null, null, null, "9783161484100")).isEmpty();
        assertThat(check(null, null, null, "316148410X")).isEmpty();
        assertThat(check(null, null, null, "080442957X")).isEmpty();
        assertThat(check(null, null, null, "0804429570")).isNotEmpty();
        assertThat(check(null, null, null, "978-3-16-148410-0")).singleElement().asString().contains("hyphens");
    }

    /** Any single wrong digit of a valid GTIN is caught (seeded random cases; the seed is printed on failure). */
    @Test
    void theCheckDigitCatchesEverySingleDigitError() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int n = 0; n < 2_000; n++) {
            int length = new int[] {8, 12, 13, 14}[random.nextInt(4)];
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < length - 1; i++) {
                body.append(random.nextInt(10));
            }
            String valid = body.toString() + ProductRules.gtinCheckDigit(body.toString());
            assertThat(check(null, null, valid, null)).as("seed %d: %s", seed, valid).isEmpty();
            int position = random.nextInt(length);
            char original = valid.charAt(position);
            char wrong = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
            String broken = valid.substring(0, position) + wrong + valid.substring(position + 1);
            assertThat(check(null, null, broken, null)).as("seed %d: %s -> %s", seed, valid, broken).isNotEmpty();
        }
    }

    @Test
    void attributesNeedNamesAndValues() {
        assertThat(ProductRules.check(ProductField.ATTRIBUTES, Map.of("Color", List.of("Red")))).isEmpty();
        assertThat(ProductRules.check(ProductField.ATTRIBUTES, Map.of("Color", List.of()))).singleElement().asString().contains("no values");
        assertThat(ProductRules.check(ProductField.ATTRIBUTES, Map.of(" ", List.of("x")))).singleElement().asString().contains("without a name");
        assertThat(ProductRules.check(ProductField.FITMENT, List.of(Map.of()))).singleElement().asString().contains("fitment[0]");
    }

    private static List<String> check(String ean, String upc, String gtin, String isbn) {
        return ProductRules.check(ProductField.IDENTIFIERS, new Identifiers(ean, upc, gtin, isbn, null, null));
    }
}
