package dev.omnisync.listing.web;

import dev.omnisync.channel.spi.ChannelOffer;
import dev.omnisync.listing.Matching;
import dev.omnisync.platform.web.ApiProblems;
import dev.omnisync.workspace.WorkspaceId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Automatic linking of an account's existing offers to store products. */
@RestController
@RequestMapping("/api/listings/match")
class MatchController {

    private final Matching matching;

    MatchController(Matching matching) {
        this.matching = matching;
    }

    /**
     * Reads the account's offers from the channel and links them by SKU, then EAN/GTIN; without policy ids the
     * channel's default policies are used. Answers what was linked and which offers matched no product.
     */
    @PostMapping
    MatchView match(WorkspaceId workspace, @RequestBody MatchRequest request) {
        if (request.accountId() == null) {
            throw ApiProblems.badRequest("'accountId' is required: the channel account whose offers to match (GET /api/accounts).");
        }
        Matching.MatchOutcome outcome = matching.match(workspace, request.accountId(), request.syncPolicyId(), request.sellingPolicyId());
        if (outcome instanceof Matching.MatchOutcome.UnknownAccount) {
            throw ApiProblems.badRequest("No channel account " + request.accountId() + " in this workspace.");
        }
        if (outcome instanceof Matching.MatchOutcome.NoConnector none) {
            throw ApiProblems.of(HttpStatus.CONFLICT, "No connector", "Omnisync cannot read offers from " + none.channel() + " yet.");
        }
        if (outcome instanceof Matching.MatchOutcome.ChannelUnavailable down) {
            throw ApiProblems.of(HttpStatus.BAD_GATEWAY, "Channel unavailable",
                    "The channel's offers could not be read: " + down.reason() + ". Try again later.");
        }
        Matching.MatchOutcome.Matched matched = (Matching.MatchOutcome.Matched) outcome;
        return new MatchView(
                matched.linked().stream().map(m -> new LinkedView(Long.toString(m.listing().id()), m.listing().sku(),
                        m.offer().sku(), m.offer().channelRef(), m.matchedBy())).toList(),
                matched.unmatched().stream().map(OfferView::of).toList(), matched.alreadyLinked(), matched.refused());
    }

    record MatchRequest(Long accountId, Long syncPolicyId, Long sellingPolicyId) {
    }

    record MatchView(List<LinkedView> linked, List<OfferView> unmatched, int alreadyLinked, List<String> refused) {
    }

    record LinkedView(String listingId, String sku, String offerSku, String channelRef, String matchedBy) {
    }

    record OfferView(String sku, String gtin, String channelRef, String price, String currency, Integer quantity, String title) {

        static OfferView of(ChannelOffer o) {
            return new OfferView(o.sku(), o.gtin(), o.channelRef(), o.price() == null ? null : o.price().toPlainString(),
                    o.currency(), o.quantity(), o.title());
        }
    }
}
