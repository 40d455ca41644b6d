package dev.omnisync.policy.web;

import dev.omnisync.channel.Channel;
import dev.omnisync.platform.web.ApiProblems;
import dev.omnisync.policy.PolicyOutcome;
import dev.omnisync.policy.PolicyPreview;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** What the policy endpoints share: reading a channel and turning unhappy outcomes into problem details. */
final class PolicyRequests {

    private PolicyRequests() {
    }

    static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblems.badRequest("'channel' is required: one of " + Channel.allNames() + ".");
        }
        return Channel.parse(value).orElseThrow(() -> ApiProblems.badRequest(
                "Unknown channel '" + value + "'; use one of " + Channel.allNames() + "."));
    }

    static Optional<Channel> optionalChannel(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(channel(value));
    }

    /** The answer for every outcome but Saved and Removed. */
    static ErrorResponseException problem(PolicyOutcome<?> outcome, String kind) {
        if (outcome instanceof PolicyOutcome.NotFound<?> nf) {
            return ApiProblems.notFound("No " + kind + " with id " + nf.policyId() + " in this workspace.");
        }
        if (outcome instanceof PolicyOutcome.NameTaken<?> taken) {
            return ApiProblems.conflict("A " + kind + " named '" + taken.name() + "' exists already for "
                    + taken.channel().displayName() + "; choose another name.");
        }
        if (outcome instanceof PolicyOutcome.InUse<?> inUse) {
            return ApiProblems.conflict("The " + kind + " '" + inUse.name() + "' is used by " + inUse.listings()
                    + (inUse.listings() == 1 ? " listing" : " listings")
                    + "; move them to another policy first (POST /api/listings/policy), then delete it.");
        }
        if (outcome instanceof PolicyOutcome.NeedsConfirmation<?> confirm) {
            return needsConfirmation(confirm.preview(), "This edit affects " + confirm.preview().affectedListings()
                    + " listings using the " + kind + "; check the preview and repeat the request with ?confirm=true to apply it.");
        }
        throw new IllegalStateException("not a problem: " + outcome);
    }

    /**
     * 428 Precondition Required with the preview both as the {@code preview} property and spread at the top
     * level ({@code affectedListings}, {@code changes}), so either reading of the contract finds it.
     */
    static ErrorResponseException needsConfirmation(PolicyPreview preview, String detail) {
        ErrorResponseException e = ApiProblems.withProperty(HttpStatus.PRECONDITION_REQUIRED, "Confirmation required", detail,
                "preview", preview);
        e.getBody().setProperty("affectedListings", preview.affectedListings());
        e.getBody().setProperty("changes", preview.changes());
        return e;
    }
}
