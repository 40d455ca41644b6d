package dev.omnisync.sync;

import dev.omnisync.catalog.Gpsr;
import dev.omnisync.catalog.Product;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.OfferValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the typed values a connector sends from a listing's plan (price, quantity) and its product (content). */
final class OfferValuesFactory {

    private OfferValuesFactory() {
    }

    static OfferValues of(ListingPlan plan, Product p, String currency) {
        var b = OfferValues.builder();
        FieldPlan price = plan.field(FieldKey.PRICE);
        if (price != null && price.desired() != null) {
            b.price((BigDecimal) price.desired().value(), currency);
        }
        FieldPlan quantity = plan.field(FieldKey.QUANTITY);
        if (quantity != null && quantity.desired() != null) {
            b.quantity((Integer) quantity.desired().value());
        }
        b.title(p.title()).description(p.description()).images(p.images())
                .identifiers(new OfferValues.Identifiers(p.identifiers().ean(), p.identifiers().upc(), p.identifiers().gtin(),
                        p.identifiers().isbn(), p.identifiers().mpn(), p.identifiers().brand()))
                .category(p.categoryPath().isEmpty() ? null : String.join(" > ", p.categoryPath()))
                .attributes(p.attributes())
                .gpsr(gpsr(p.gpsr()))
                .shippingProfile(p.shippingProfile()).returnProfile(p.returnProfile())
                .fitment(fitment(p.fitment()))
                .vatPercent(p.vatPercent()).msrp(p.msrp()).lotSize(p.lotSize()).sizeChart(p.sizeChart())
                .weight(p.weightKg() == null ? null : new OfferValues.Weight(p.weightKg(), "KG"));
        return b.build();
    }

    private static OfferValues.Gpsr gpsr(Gpsr g) {
        if (g == null) {
            return null;
        }
        List<String> documents = g.documents().stream().map(Gpsr.Document::url).toList();
        return new OfferValues.Gpsr(party(g.manufacturer()), party(g.responsiblePerson()),
                g.safetyInformation() == null ? List.of() : List.of(g.safetyInformation()), documents);
    }

    private static OfferValues.Party party(Gpsr.Contact c) {
        if (c == null) {
            return null;
        }
        String street = c.addressLine2() == null ? c.addressLine1() : c.addressLine1() + ", " + c.addressLine2();
        return new OfferValues.Party(c.companyName(), street, c.city(), c.postalCode(), c.country(), c.email(), c.phone(), c.url());
    }

    private static List<OfferValues.FitmentRow> fitment(List<Map<String, String>> rows) {
        List<OfferValues.FitmentRow> out = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            Map<String, String> properties = new java.util.LinkedHashMap<>(row);
            String notes = properties.remove("notes");
            out.add(new OfferValues.FitmentRow(properties, notes));
        }
        return out;
    }
}
