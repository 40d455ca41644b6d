package dev.omnisync.channel.kaufland;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Kaufland Seller API v2 wire records (snake_case as on the wire). */
final class KauflandPayloads {

    private KauflandPayloads() {
    }

    /** One entry of {@code POST /v2/units/bulk}. */
    record BulkUnit(@JsonProperty("id_unit") long idUnit, @JsonProperty("unit_data") UnitData unitData) {
    }

    /** {@code UnitPatchRequest}: only what is sent is changed; money in cents. */
    record UnitData(Integer amount, @JsonProperty("listing_price") Integer listingPrice) {
    }

    /** {@code PATCH /v2/product-data}: attributes for one product, by EAN. */
    record ProductData(List<String> ean, Map<String, Object> attributes) {
    }

    /** GPSR contact attribute {@code product_safety_contact}. */
    record SafetyContact(String name, String address, @JsonProperty("email_address") String emailAddress,
            @JsonProperty("phone_number") String phoneNumber, String url) {
    }
}
