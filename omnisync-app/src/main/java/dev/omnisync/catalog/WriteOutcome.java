package dev.omnisync.catalog;

import java.util.List;
import java.util.Set;

/** What became of one {@link ProductWrite}. */
public sealed interface WriteOutcome {

    String sku();

    /** The product did not exist and was created; {@code fields} are those set to a non-default value. */
    record Created(String sku, Set<ProductField> fields) implements WriteOutcome {
    }

    /** The product changed; {@code fields} are the ones whose value really changed. */
    record Updated(String sku, Set<ProductField> fields) implements WriteOutcome {
    }

    /** Every value written equalled the stored one: nothing was stored, no change recorded. */
    record Unchanged(String sku) implements WriteOutcome {
    }

    /** The write was refused; each reason names the field and what is wrong with it. */
    record Rejected(String sku, List<String> reasons) implements WriteOutcome {
    }

    /** An update named a SKU the workspace does not have. */
    record NotFound(String sku) implements WriteOutcome {
    }
}
