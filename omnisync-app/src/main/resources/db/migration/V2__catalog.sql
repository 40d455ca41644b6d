-- Catalog: leave room in product pages so that the most frequent write, a stock or price change (no indexed
-- column changes), can be a HOT update that rewrites the row in place without touching the five indexes.
alter table product set (fillfactor = 85);
