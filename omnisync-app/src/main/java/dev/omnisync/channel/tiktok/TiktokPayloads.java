package dev.omnisync.channel.tiktok;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** TikTok Shop 202309 wire records (snake_case as on the wire). */
final class TiktokPayloads {

    private TiktokPayloads() {
    }

    /** {@code POST /product/202309/products/{id}/inventory/update}. */
    record InventoryUpdate(List<InventorySku> skus) {
    }

    record InventorySku(String id, List<Warehouse> inventory) {
    }

    /** One warehouse's stock; {@code warehouse_id} may be left out when the SKU has one (default) warehouse. */
    record Warehouse(@JsonProperty("warehouse_id") String warehouseId, int quantity) {
    }

    /** {@code POST /product/202309/products/{id}/prices/update}. */
    record PriceUpdate(List<PriceSku> skus) {
    }

    record PriceSku(String id, Money price) {
    }

    /** Money: amount as a decimal string. */
    record Money(String amount, String currency) {
    }

    /** {@code POST /product/202309/products/{id}/partial_edit}: only the fields sent change (never {@code skus}). */
    record PartialEdit(String title, String description, @JsonProperty("main_images") List<Image> mainImages,
            @JsonProperty("category_id") String categoryId, @JsonProperty("manufacturer_ids") List<String> manufacturerIds,
            @JsonProperty("responsible_person_ids") List<String> responsiblePersonIds) {

        boolean isEmpty() {
            return title == null && description == null && mainImages == null && categoryId == null && manufacturerIds == null
                    && responsiblePersonIds == null;
        }
    }

    record Image(String uri) {
    }

    /** GPSR manufacturer ({@code POST /product/202409/compliance/manufacturers}). */
    record Manufacturer(String name, String email, @JsonProperty("phone_number") Phone phoneNumber, String address) {
    }

    /** GPSR EU responsible person ({@code POST /product/202409/compliance/responsible_persons}). */
    record ResponsiblePerson(String name, String email, @JsonProperty("phone_number") Phone phoneNumber, Address address) {
    }

    record Phone(@JsonProperty("country_code") String countryCode, @JsonProperty("local_number") String localNumber) {
    }

    record Address(@JsonProperty("street_address_line1") String street, @JsonProperty("postal_code") String postalCode,
            String city, String country) {
    }

    /** Order search filter (body of {@code POST /order/202309/orders/search}). */
    record OrderSearch(@JsonProperty("update_time_ge") long updateTimeGe) {
    }
}
