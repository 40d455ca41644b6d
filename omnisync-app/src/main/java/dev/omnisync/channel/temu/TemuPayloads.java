package dev.omnisync.channel.temu;

import java.util.List;

/** Temu router business parameters (camelCase as on the wire; ids are JSON numbers). */
final class TemuPayloads {

    private TemuPayloads() {
    }

    /** {@code bg.local.goods.stock.edit}, absolute targets; the unique key makes a retried call harmless. */
    record StockEdit(long goodsId, List<StockTarget> skuStockTargetList, String requestUniqueKey) {
    }

    record StockTarget(long skuId, int stockTarget) {
    }

    /** {@code bg.local.goods.priceorder.change.sku.price}. */
    record PriceChange(long goodsId, List<PriceReason> changeSkuPriceDTOList, boolean rejectSkuPricing) {
    }

    record PriceReason(String reason, List<SkuPrice> skuChangePriceBaseDTOList) {
    }

    record SkuPrice(long skuId, Money newSupplierPrice) {
    }

    /** Money: amount as a decimal string in currency units. */
    record Money(String amount, String currency) {
    }

    /** {@code bg.local.goods.partial.update}: submitted fields overwrite, omitted fields stay. */
    record PartialUpdate(long goodsId, GoodsBasic goodsBasic, String goodsDesc, List<String> goodsSizeImage, List<SkuEdit> skuList) {

        boolean isEmpty() {
            return goodsBasic == null && goodsDesc == null && goodsSizeImage == null && skuList == null;
        }
    }

    record GoodsBasic(String goodsName, GoodsGallery goodsGallery, Long catId) {
    }

    record GoodsGallery(List<String> goodsCarouselImage) {
    }

    /** An existing SKU's editable data (never basePrice/quantity/specIdList); weight in grams. */
    record SkuEdit(long skuId, String weight, String weightUnit) {
    }

    /** {@code bg.local.goods.sku.list.query}. */
    record SkuListQuery(int pageNo, int pageSize) {
    }

    /** {@code bg.order.list.v2.get}: both ends of the window (seconds, closed interval). */
    record OrderList(int pageNumber, int pageSize, long updateAtStart, long updateAtEnd, String sortby) {
    }

    /** {@code bg.open.accesstoken.create}: on this call the access token parameter carries the code too. */
    record TokenCreate(String code) {
    }
}
