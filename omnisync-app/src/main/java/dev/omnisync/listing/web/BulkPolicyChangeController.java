package dev.omnisync.listing.web;

import dev.omnisync.channel.Channel;
import dev.omnisync.listing.BulkChangeOutcome;
import dev.omnisync.listing.BulkChangeRequest;
import dev.omnisync.listing.BulkPolicyChange;
import dev.omnisync.listing.ListingFilter;
import dev.omnisync.listing.ListingSelection;
import dev.omnisync.listing.PolicyKind;
import dev.omnisync.platform.web.ApiProblems;
import dev.omnisync.policy.PolicyPreview;
import dev.omnisync.workspace.WorkspaceId;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bulk policy change: assign a policy to many listings after a confirmed preview; undo it. */
@RestController
@RequestMapping("/api/listings/policy")
class BulkPolicyChangeController {

    private final BulkPolicyChange bulk;

    BulkPolicyChangeController(BulkPolicyChange bulk) {
        this.bulk = bulk;
    }

    /**
     * {@code {listingIds:[...] | filter:{channel, accountId, status, syncPolicyId, sellingPolicyId, sku},
     * syncPolicyId | syncPolicy:{name, channel?, fields} | sellingPolicyId, confirm}}. Without {@code confirm}
     * (in the body or as {@code ?confirm=true}) a change that moves listings answers 428 with its preview.
     */
    @PostMapping
    MovedView change(WorkspaceId workspace, @RequestBody BulkChangeBody body,
            @RequestParam(defaultValue = "false") boolean confirm) {
        if ((body.listingIds() == null) == (body.filter() == null)) {
            throw ApiProblems.badRequest("Select listings with either 'listingIds' or 'filter' (one of them).");
        }
        ListingSelection selection = body.listingIds() != null
                ? new ListingSelection.ByIds(body.listingIds())
                : new ListingSelection.ByFilter(body.filter().toFilter());
        BulkChangeRequest request = new BulkChangeRequest(selection, body.syncPolicyId(), body.syncPolicy(), body.sellingPolicyId(),
                confirm || Boolean.TRUE.equals(body.confirm()));
        BulkChangeOutcome outcome = bulk.change(workspace, request);
        if (outcome instanceof BulkChangeOutcome.Moved moved) {
            return new MovedView(moved.changeId() == null ? null : Long.toString(moved.changeId()), moved.kind(),
                    moved.policyId() == 0 ? null : Long.toString(moved.policyId()), moved.moved());
        }
        throw problem(outcome);
    }

    /** Puts the listings of a bulk change back on their previous policies; a change is undone once (409 after). */
    @PostMapping("/{changeId}/undo")
    UndoneView undo(WorkspaceId workspace, @PathVariable long changeId) {
        BulkChangeOutcome outcome = bulk.undo(workspace, changeId);
        if (outcome instanceof BulkChangeOutcome.Undone undone) {
            return new UndoneView(Long.toString(undone.changeId()), undone.restored());
        }
        throw problem(outcome);
    }

    private static ErrorResponseException problem(BulkChangeOutcome outcome) {
        if (outcome instanceof BulkChangeOutcome.NeedsConfirmation c) {
            PolicyPreview preview = c.preview();
            ErrorResponseException e = ApiProblems.withProperty(HttpStatus.PRECONDITION_REQUIRED, "Confirmation required",
                    preview.affectedListings() + " listings would move to the new policy; check the preview and repeat the request "
                            + "with \"confirm\": true to apply it.", "preview", preview);
            e.getBody().setProperty("affectedListings", preview.affectedListings());
            e.getBody().setProperty("changes", preview.changes());
            return e;
        }
        if (outcome instanceof BulkChangeOutcome.UnknownPolicy p) {
            return ApiProblems.badRequest("No " + p.kind().description() + " with id " + p.policyId() + " in this workspace.");
        }
        if (outcome instanceof BulkChangeOutcome.UnknownListings u) {
            return ApiProblems.badRequest("These listings are not in this workspace: "
                    + u.listingIds().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        }
        if (outcome instanceof BulkChangeOutcome.OtherChannels o) {
            return ApiProblems.badRequest("The policy '" + o.policyName() + "' is for " + o.policyChannel().displayName() + ", but "
                    + o.listings() + " of the selected listings are on " + names(o.others()) + "; select only "
                    + o.policyChannel().displayName() + " listings (e.g. filter.channel=" + o.policyChannel().name() + ").");
        }
        if (outcome instanceof BulkChangeOutcome.ChannelUnclear u) {
            return ApiProblems.badRequest(u.channels().isEmpty()
                    ? "No listings are selected, so the new policy's channel is unknown; give syncPolicy.channel."
                    : "The selected listings are on " + names(u.channels()) + "; give syncPolicy.channel or narrow the selection to one channel.");
        }
        if (outcome instanceof BulkChangeOutcome.PolicyNameTaken t) {
            return ApiProblems.conflict("A synchronization policy named '" + t.name() + "' exists already for "
                    + t.channel().displayName() + "; choose another name or pass its id as syncPolicyId.");
        }
        if (outcome instanceof BulkChangeOutcome.UnknownChange u) {
            return ApiProblems.notFound("No bulk policy change with id " + u.changeId() + " in this workspace.");
        }
        if (outcome instanceof BulkChangeOutcome.PreviousPoliciesDeleted d) {
            return ApiProblems.conflict("Bulk policy change " + d.changeId() + " cannot be undone: policies its listings had before were "
                    + "deleted since (ids " + d.policyIds().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ").");
        }
        if (outcome instanceof BulkChangeOutcome.AlreadyUndone a) {
            return ApiProblems.conflict("Bulk policy change " + a.changeId() + " was undone already (at " + a.undoneAt() + ").");
        }
        return new ErrorResponseException(HttpStatus.INTERNAL_SERVER_ERROR, new IllegalStateException("unexpected " + outcome));
    }

    private static String names(List<Channel> channels) {
        return channels.stream().map(Channel::displayName).collect(Collectors.joining(", "));
    }

    record FilterBody(String channel, Long accountId, String status, Long syncPolicyId, Long sellingPolicyId, String sku) {

        ListingFilter toFilter() {
            Channel parsed = null;
            if (channel != null && !channel.isBlank()) {
                parsed = Channel.parse(channel).orElseThrow(() -> ApiProblems.badRequest(
                        "Unknown channel '" + channel + "' in 'filter'; use one of " + Channel.allNames() + "."));
            }
            return new ListingFilter(parsed, accountId, sku, status, syncPolicyId, sellingPolicyId);
        }
    }

    record BulkChangeBody(List<Long> listingIds, FilterBody filter, Long syncPolicyId, BulkChangeRequest.InlinePolicy syncPolicy,
            Long sellingPolicyId, Boolean confirm) {
    }

    record MovedView(String changeId, PolicyKind kind, String policyId, long moved) {
    }

    record UndoneView(String changeId, long restored) {
    }
}
