package dev.omnisync.catalog;

import dev.omnisync.catalog.persistence.ProductRows;
import dev.omnisync.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and reads the store's products. Every write stores the products that really changed and appends
 * one change record per changed product ({@code product_change}: SKU, changed fields, new version) in the
 * same transaction; a write that changes nothing stores nothing and keeps the version.
 */
@Service
public class Products {

    /** The most products one {@link #write} call should carry; the import sends batches of this size. */
    public static final int BATCH_SIZE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(Products.class);
    private static final int ATTEMPTS = 3;

    private final ProductRows rows;
    private final TransactionTemplate transactions;

    Products(ProductRows rows, PlatformTransactionManager transactionManager) {
        this.rows = rows;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Applies the writes in order, in one transaction, with a few set-based statements whatever their
     * number. Each write gets its own outcome; a rejected one does not affect the others. A parent named by
     * {@code parentSku} must exist already or be written earlier in the same call. A SKU written several
     * times in one call is stored once, with one change record listing every changed field.
     *
     * <p>Products are locked in SKU order, so concurrent writers cannot deadlock on each other's batches; a
     * write that loses a race anyway (two transactions creating the same new SKU) is run again from the start.
     */
    public List<WriteOutcome> write(WorkspaceId workspace, List<ProductWrite> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> writeOnce(workspace, writes));
            } catch (ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("A product write raced a concurrent one and runs again ({})", e.getMessage());
            }
        }
    }

    private List<WriteOutcome> writeOnce(WorkspaceId workspace, List<ProductWrite> writes) {
        Set<String> skus = new TreeSet<>();
        Set<String> parents = new HashSet<>();
        Set<String> becomingVariants = new HashSet<>();
        for (ProductWrite write : writes) {
            boolean valid = ProductRules.sku("sku", write.sku()).isEmpty();
            if (valid) {
                skus.add(write.sku());
            }
            if (write.values().get(ProductField.PARENT_SKU) instanceof String parent) {
                parents.add(parent);
                if (valid) {
                    becomingVariants.add(write.sku());
                }
            }
        }
        Map<String, Product> stored = rows.lockAll(workspace, skus);
        parents.removeAll(skus);
        Family family = new Family(rows.parents(workspace, parents), rows.withVariants(workspace, becomingVariants));

        Map<String, Product> current = new HashMap<>(stored);
        Map<String, Set<ProductField>> changedBySku = new TreeMap<>();
        List<WriteOutcome> outcomes = new ArrayList<>(writes.size());
        for (ProductWrite write : writes) {
            outcomes.add(apply(write, current, family, changedBySku));
        }

        List<Product> toStore = new ArrayList<>(changedBySku.size());
        List<ProductRows.Change> changes = new ArrayList<>(changedBySku.size());
        changedBySku.forEach((sku, fields) -> {
            Product previous = stored.get(sku);
            long version = previous == null ? 1 : previous.version() + 1;
            toStore.add(current.get(sku).atVersion(version));
            changes.add(new ProductRows.Change(sku, fields.stream().map(ProductField::jsonName).toList(), version));
        });
        int written = rows.upsert(workspace, toStore);
        if (written != toStore.size()) {
            throw new OptimisticLockingFailureException("another transaction created one of these products meanwhile");
        }
        rows.appendChanges(workspace, changes);
        return outcomes;
    }

    /**
     * What the database says about the family of the batch's products: the parents named that are not in
     * the batch (their own parent, "" when top-level) and which of the products that get a parent have variants.
     */
    private record Family(Map<String, String> storedParents, Set<String> withVariants) {
    }

    private static WriteOutcome apply(ProductWrite write, Map<String, Product> current, Family family,
            Map<String, Set<ProductField>> changedBySku) {
        ProductEdit.Result result = ProductEdit.apply(current.get(write.sku()), write);
        if (result instanceof ProductEdit.Refused refused) {
            return new WriteOutcome.Rejected(write.sku(), refused.reasons());
        }
        if (!(result instanceof ProductEdit.Edited edited)) {
            return new WriteOutcome.NotFound(write.sku());
        }
        Product after = edited.product();
        String parent = after.parentSku();
        if (parent != null && edited.changed().contains(ProductField.PARENT_SKU)) {
            Optional<String> refusal = refuseParent(write.sku(), parent, current, family);
            if (refusal.isPresent()) {
                return new WriteOutcome.Rejected(write.sku(), List.of(refusal.get()));
            }
        }
        current.put(write.sku(), after);
        if (!edited.created() && edited.changed().isEmpty()) {
            return new WriteOutcome.Unchanged(write.sku());
        }
        changedBySku.computeIfAbsent(write.sku(), k -> EnumSet.noneOf(ProductField.class)).addAll(edited.changed());
        return edited.created() ? new WriteOutcome.Created(write.sku(), edited.changed())
                : new WriteOutcome.Updated(write.sku(), edited.changed());
    }

    /** Variants hang under a top-level product: one level, so no cycles and no grandchildren. */
    private static Optional<String> refuseParent(String sku, String parent, Map<String, Product> current, Family family) {
        Product inBatch = current.get(parent);
        if (inBatch == null && !family.storedParents().containsKey(parent)) {
            return Optional.of("'parentSku' '" + parent
                    + "' names no product of this store; create the parent first (earlier in an import file).");
        }
        String grandparent = inBatch != null ? inBatch.parentSku() : family.storedParents().get(parent);
        if (grandparent != null && !grandparent.isEmpty()) {
            return Optional.of("'parentSku' '" + parent + "' is itself a variant (of '" + grandparent
                    + "'); name the top-level product as the parent.");
        }
        if (family.withVariants().contains(sku)) {
            return Optional.of("'parentSku': '" + sku + "' has variants of its own, so it cannot become a variant.");
        }
        return Optional.empty();
    }

    /** Writes one product; see {@link #write(WorkspaceId, List)}. */
    public WriteOutcome write(WorkspaceId workspace, ProductWrite write) {
        return write(workspace, List.of(write)).get(0);
    }

    public Optional<Product> find(WorkspaceId workspace, String sku) {
        return Optional.ofNullable(rows.findAll(workspace, List.of(sku)).get(sku));
    }

    /** The products among {@code skus} that exist, by SKU. */
    public Map<String, Product> findAll(WorkspaceId workspace, Collection<String> skus) {
        return rows.findAll(workspace, skus);
    }

    /** The variants' SKUs of each given parent (in SKU order; parents without variants are absent). */
    public Map<String, List<String>> variantsOf(WorkspaceId workspace, Collection<String> parentSkus) {
        return rows.variants(workspace, parentSkus);
    }

    /**
     * Products in SKU order, keyset-paged: those whose SKU starts with {@code prefix} (any when null) and
     * sorts after {@code after} (from the start when null), at most {@code limit}.
     */
    public List<Product> page(WorkspaceId workspace, String prefix, String after, int limit) {
        return rows.page(workspace, prefix, after, limit);
    }
}
