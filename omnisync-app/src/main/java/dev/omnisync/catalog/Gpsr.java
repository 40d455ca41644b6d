package dev.omnisync.catalog;

import java.util.List;

/**
 * EU General Product Safety Regulation details of a product, in the shape the channels ask for (eBay's
 * {@code regulatory} block, Kaufland's {@code product_safety_contact}, ...).
 *
 * @param manufacturer      who made the product
 * @param responsiblePerson the economic operator in the EU responsible for it
 * @param safetyInformation warnings and safety statements, as text
 * @param documents         safety documents (manuals, declarations of conformity)
 */
public record Gpsr(Contact manufacturer, Contact responsiblePerson, String safetyInformation, List<Document> documents) {

    public Gpsr {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A company and how to reach it. {@code country} is an ISO 3166-1 alpha-2 code. */
    public record Contact(String companyName, String addressLine1, String addressLine2, String city, String postalCode,
            String country, String email, String phone, String url) {
    }

    /** A safety document: its kind (e.g. {@code SAFETY_INSTRUCTIONS}) and where it can be downloaded. */
    public record Document(String type, String url) {
    }
}
