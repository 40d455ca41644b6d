package dev.omnisync.catalog.persistence;

import dev.omnisync.catalog.Gpsr;
import dev.omnisync.catalog.Identifiers;
import dev.omnisync.catalog.Product;
import dev.omnisync.workspace.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code product} and {@code product_change} tables. Every method is set-based: one statement for any
 * number of products ({@code = any(?)} reads, {@code unnest} writes), so a batch of a thousand rows costs a
 * handful of round trips.
 */
@Repository
public class ProductRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, String>>> FITMENT = new TypeReference<>() {
    };

    private static final String COLUMNS = """
            sku, parent_sku, title, description, images, price, sale_price, msrp, on_hand, reserved, ean, upc, gtin, isbn,
            mpn, brand, category_path, attributes, gpsr, shipping_profile, return_profile, fitment, vat_percent, lot_size,
            size_chart, weight_kg, enabled, version, updated_at""";

    private final JdbcClient jdbc;

    ProductRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One change record: the JSON names of the fields that changed and the product's version after the change. */
    public record Change(String sku, Collection<String> fields, long version) {
    }

    /**
     * The stored products among {@code skus}, locked until the transaction ends so that concurrent writes of
     * the same product compute their changes one after the other.
     */
    public Map<String, Product> lockAll(WorkspaceId workspace, Collection<String> skus) {
        return load(workspace, skus, true);
    }

    public Map<String, Product> findAll(WorkspaceId workspace, Collection<String> skus) {
        return load(workspace, skus, false);
    }

    private Map<String, Product> load(WorkspaceId workspace, Collection<String> skus, boolean lock) {
        Map<String, Product> found = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        // One index probe per SKU (a lateral subquery behind an "offset 0" fence), whatever the statistics say:
        // right after a big import the planner believes the table is tiny and would otherwise hash the whole
        // workspace for every batch, which makes an import quadratic.
        jdbc.sql("select p.* from unnest(:skus::text[]) as s(sku) cross join lateral (select " + COLUMNS
                + " from product where workspace_id = :ws and sku = s.sku offset 0" + (lock ? " for no key update" : "") + ") p")
                .param("ws", workspace.value()).param("skus", skus.toArray(String[]::new))
                .query(PRODUCT).list().forEach(p -> found.put(p.sku(), p));
        return found;
    }

    /** The subset of {@code skus} that exist. */
    public Set<String> existing(WorkspaceId workspace, Collection<String> skus) {
        if (skus.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select p.sku from unnest(:skus::text[]) as s(sku)
                        cross join lateral (select sku from product where workspace_id = :ws and sku = s.sku offset 0) p""")
                .param("ws", workspace.value()).param("skus", skus.toArray(String[]::new)).query(String.class).list());
    }

    /** The parent of each of the given SKUs that exists: its parent's SKU, or "" for a top-level product. */
    public Map<String, String> parents(WorkspaceId workspace, Collection<String> skus) {
        Map<String, String> parents = new HashMap<>();
        if (skus.isEmpty()) {
            return parents;
        }
        jdbc.sql("""
                select p.sku, coalesce(p.parent_sku, '') from unnest(:skus::text[]) as s(sku)
                cross join lateral (select sku, parent_sku from product where workspace_id = :ws and sku = s.sku offset 0) p""")
                .param("ws", workspace.value()).param("skus", skus.toArray(String[]::new))
                .query((rs, n) -> parents.put(rs.getString(1), rs.getString(2))).list();
        return parents;
    }

    /** The SKUs among the given ones that have at least one variant. */
    public Set<String> withVariants(WorkspaceId workspace, Collection<String> skus) {
        if (skus.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select s.sku from unnest(:skus::text[]) as s(sku)
                        where exists (select 1 from product where workspace_id = :ws and parent_sku = s.sku)""")
                .param("ws", workspace.value()).param("skus", skus.toArray(String[]::new)).query(String.class).list());
    }

    /** A page of products in SKU order: those starting with {@code prefix}, after {@code after}. */
    public List<Product> page(WorkspaceId workspace, String prefix, String after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from product where workspace_id = :ws");
        if (prefix != null && !prefix.isEmpty()) {
            sql.append(" and starts_with(sku, :prefix)");
        }
        if (after != null && !after.isEmpty()) {
            sql.append(" and sku > :after");
        }
        sql.append(" order by sku limit :limit");
        var statement = jdbc.sql(sql.toString()).param("ws", workspace.value()).param("limit", limit);
        if (prefix != null && !prefix.isEmpty()) {
            statement = statement.param("prefix", prefix);
        }
        if (after != null && !after.isEmpty()) {
            statement = statement.param("after", after);
        }
        return statement.query(PRODUCT).list();
    }

    /** The variants' SKUs of each of the given parents (parents without variants are absent). */
    public Map<String, List<String>> variants(WorkspaceId workspace, Collection<String> parents) {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        if (parents.isEmpty()) {
            return variants;
        }
        jdbc.sql("""
                select v.parent_sku, v.sku from unnest(:parents::text[]) as s(sku)
                cross join lateral (select parent_sku, sku from product where workspace_id = :ws and parent_sku = s.sku offset 0) v
                order by v.sku""")
                .param("ws", workspace.value()).param("parents", parents.toArray(String[]::new))
                .query((rs, n) -> variants.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return variants;
    }

    /**
     * Inserts or overwrites the merchant-written columns of the given products (their {@code version} as
     * given, {@code updated_at} now) in one statement; {@code reserved} is never touched here. A stored row
     * is only overwritten by the version after its own (the caller holds its lock), so a product created by
     * another transaction since it was looked for is left alone and not counted.
     *
     * @return how many products were written
     */
    public int upsert(WorkspaceId workspace, List<Product> products) {
        if (products.isEmpty()) {
            return 0;
        }
        int n = products.size();
        String[][] c = new String[26][n];
        for (int i = 0; i < n; i++) {
            Product p = products.get(i);
            Identifiers ids = p.identifiers();
            c[0][i] = p.sku();
            c[1][i] = p.parentSku();
            c[2][i] = p.title();
            c[3][i] = p.description();
            c[4][i] = arrayLiteral(p.images());
            c[5][i] = plain(p.price());
            c[6][i] = plain(p.salePrice());
            c[7][i] = plain(p.msrp());
            c[8][i] = Integer.toString(p.onHand());
            c[9][i] = ids.ean();
            c[10][i] = ids.upc();
            c[11][i] = ids.gtin();
            c[12][i] = ids.isbn();
            c[13][i] = ids.mpn();
            c[14][i] = ids.brand();
            c[15][i] = arrayLiteral(p.categoryPath());
            c[16][i] = p.attributes().isEmpty() ? "{}" : JSON.writeValueAsString(p.attributes());
            c[17][i] = p.gpsr() == null ? null : JSON.writeValueAsString(p.gpsr());
            c[18][i] = p.shippingProfile();
            c[19][i] = p.returnProfile();
            c[20][i] = p.fitment().isEmpty() ? "[]" : JSON.writeValueAsString(p.fitment());
            c[21][i] = plain(p.vatPercent());
            c[22][i] = p.lotSize() == null ? null : p.lotSize().toString();
            c[23][i] = p.sizeChart();
            c[24][i] = plain(p.weightKg());
            c[25][i] = Boolean.toString(p.enabled());
        }
        String[] versions = products.stream().map(p -> Long.toString(p.version())).toArray(String[]::new);
        return jdbc.sql("""
                insert into product (workspace_id, sku, parent_sku, title, description, images, price, sale_price, msrp, on_hand,
                    ean, upc, gtin, isbn, mpn, brand, category_path, attributes, gpsr, shipping_profile, return_profile, fitment,
                    vat_percent, lot_size, size_chart, weight_kg, enabled, version, updated_at)
                select :ws, t.sku, t.parent_sku, t.title, t.description, t.images::text[], t.price::numeric, t.sale_price::numeric,
                    t.msrp::numeric, t.on_hand::integer, t.ean, t.upc, t.gtin, t.isbn, t.mpn, t.brand, t.category_path::text[],
                    t.attributes::jsonb, t.gpsr::jsonb, t.shipping_profile, t.return_profile, t.fitment::jsonb,
                    t.vat_percent::numeric, t.lot_size::integer, t.size_chart, t.weight_kg::numeric, t.enabled::boolean,
                    t.version::bigint, now()
                from unnest(:c0::text[], :c1::text[], :c2::text[], :c3::text[], :c4::text[], :c5::text[], :c6::text[],
                    :c7::text[], :c8::text[], :c9::text[], :c10::text[], :c11::text[], :c12::text[], :c13::text[], :c14::text[],
                    :c15::text[], :c16::text[], :c17::text[], :c18::text[], :c19::text[], :c20::text[], :c21::text[],
                    :c22::text[], :c23::text[], :c24::text[], :c25::text[], :versions::text[])
                  as t(sku, parent_sku, title, description, images, price, sale_price, msrp, on_hand, ean, upc, gtin, isbn, mpn,
                    brand, category_path, attributes, gpsr, shipping_profile, return_profile, fitment, vat_percent, lot_size,
                    size_chart, weight_kg, enabled, version)
                on conflict (workspace_id, sku) do update set
                    parent_sku = excluded.parent_sku, title = excluded.title, description = excluded.description,
                    images = excluded.images, price = excluded.price, sale_price = excluded.sale_price, msrp = excluded.msrp,
                    on_hand = excluded.on_hand, ean = excluded.ean, upc = excluded.upc, gtin = excluded.gtin,
                    isbn = excluded.isbn, mpn = excluded.mpn, brand = excluded.brand, category_path = excluded.category_path,
                    attributes = excluded.attributes, gpsr = excluded.gpsr, shipping_profile = excluded.shipping_profile,
                    return_profile = excluded.return_profile, fitment = excluded.fitment, vat_percent = excluded.vat_percent,
                    lot_size = excluded.lot_size, size_chart = excluded.size_chart, weight_kg = excluded.weight_kg,
                    enabled = excluded.enabled, version = excluded.version, updated_at = excluded.updated_at
                where product.version = excluded.version - 1""")
                .param("ws", workspace.value())
                .params(columnParams(c))
                .param("versions", versions)
                .update();
    }

    /** Appends change records in one statement, in the given order. */
    public void appendChanges(WorkspaceId workspace, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into product_change (workspace_id, sku, fields, version)
                select :ws, t.sku, t.fields::text[], t.version::bigint
                from unnest(:skus::text[], :fields::text[], :versions::text[]) with ordinality as t(sku, fields, version, n)
                order by t.n""")
                .param("ws", workspace.value())
                .param("skus", changes.stream().map(Change::sku).toArray(String[]::new))
                .param("fields", changes.stream().map(c -> arrayLiteral(List.copyOf(c.fields()))).toArray(String[]::new))
                .param("versions", changes.stream().map(c -> Long.toString(c.version())).toArray(String[]::new))
                .update();
    }

    private static Map<String, Object> columnParams(String[][] columns) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
            params.put("c" + i, columns[i]);
        }
        return params;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** A PostgreSQL array literal with every element quoted, so commas, braces and quotes survive. */
    static String arrayLiteral(List<String> values) {
        if (values.isEmpty()) {
            return "{}";
        }
        StringBuilder s = new StringBuilder(16 * values.size()).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append('"');
            String v = values.get(i);
            for (int j = 0; j < v.length(); j++) {
                char ch = v.charAt(j);
                if (ch == '"' || ch == '\\') {
                    s.append('\\');
                }
                s.append(ch);
            }
            s.append('"');
        }
        return s.append('}').toString();
    }

    private static final RowMapper<Product> PRODUCT = ProductRows::product;

    private static Product product(ResultSet rs, int n) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        Integer lotSize = (Integer) rs.getObject("lot_size");
        return new Product(
                rs.getString("sku"),
                rs.getString("parent_sku"),
                rs.getString("title"),
                rs.getString("description"),
                strings(rs.getArray("images")),
                normalized(rs.getBigDecimal("price")),
                normalized(rs.getBigDecimal("sale_price")),
                normalized(rs.getBigDecimal("msrp")),
                rs.getInt("on_hand"),
                rs.getInt("reserved"),
                new Identifiers(rs.getString("ean"), rs.getString("upc"), rs.getString("gtin"), rs.getString("isbn"),
                        rs.getString("mpn"), rs.getString("brand")),
                strings(rs.getArray("category_path")),
                attributes(rs.getString("attributes")),
                gpsr(rs.getString("gpsr")),
                rs.getString("shipping_profile"),
                rs.getString("return_profile"),
                fitment(rs.getString("fitment")),
                normalized(rs.getBigDecimal("vat_percent")),
                lotSize,
                rs.getString("size_chart"),
                normalized(rs.getBigDecimal("weight_kg")),
                rs.getBoolean("enabled"),
                rs.getLong("version"),
                updated == null ? null : updated.toInstant());
    }

    /** The database pads decimals to the column's scale (17.5000); give them back as written (17.5). */
    private static BigDecimal normalized(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    private static Map<String, List<String>> attributes(String json) {
        return json == null || json.equals("{}") ? Map.of() : JSON.readValue(json, ATTRIBUTES);
    }

    private static Gpsr gpsr(String json) {
        return json == null ? null : JSON.readValue(json, Gpsr.class);
    }

    private static List<Map<String, String>> fitment(String json) {
        return json == null || json.equals("[]") ? List.of() : JSON.readValue(json, FITMENT);
    }
}
