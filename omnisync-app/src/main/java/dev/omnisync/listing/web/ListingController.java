package dev.omnisync.listing.web;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.listing.LinkOutcome;
import dev.omnisync.listing.LinkRequest;
import dev.omnisync.listing.Linking;
import dev.omnisync.listing.Listing;
import dev.omnisync.listing.ListingFilter;
import dev.omnisync.listing.Listings;
import dev.omnisync.listing.PolicyKind;
import dev.omnisync.platform.web.ApiProblems;
import dev.omnisync.workspace.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Listings: link a product to a channel account, read them, change their per-item settings. */
@RestController
@RequestMapping("/api/listings")
class ListingController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> PATCHABLE = Set.of("inventorySync", "priceManagedBy", "asinOwner");

    private final Linking linking;
    private final Listings listings;
    private final JsonMapper json;

    ListingController(Linking linking, Listings listings, JsonMapper json) {
        this.linking = linking;
        this.listings = listings;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<ListingView> link(WorkspaceId workspace, @RequestBody LinkRequest request) {
        LinkOutcome outcome = linking.link(workspace, request);
        if (outcome instanceof LinkOutcome.Linked linked) {
            return ResponseEntity.created(URI.create("/api/listings/" + linked.listing().id())).body(view(linked.listing()));
        }
        throw problem(outcome);
    }

    /**
     * Listings by id, keyset-paged: pass the last id of a page as {@code after} for the next. A full page
     * carries the next cursor in the {@code X-Next-After} header.
     */
    @GetMapping
    ResponseEntity<List<ListingView>> list(WorkspaceId workspace, @RequestParam(required = false) String channel,
            @RequestParam(required = false) Long accountId, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String status, @RequestParam(required = false) Long syncPolicyId,
            @RequestParam(required = false) Long sellingPolicyId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long after) {
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw ApiProblems.badRequest("'limit' must be between 1 and " + MAX_LIMIT + " (was " + pageSize + ").");
        }
        ListingFilter filter = new ListingFilter(channel(channel), accountId, sku, status, syncPolicyId, sellingPolicyId);
        List<Listing> page = listings.search(workspace, filter, after == null ? 0 : after, pageSize);
        var response = ResponseEntity.ok();
        if (page.size() == pageSize) {
            response.header("X-Next-After", Long.toString(page.get(page.size() - 1).id()));
        }
        return response.body(page.stream().map(this::view).toList());
    }

    @GetMapping("/{id}")
    ListingView get(WorkspaceId workspace, @PathVariable long id) {
        return listings.find(workspace, id).map(this::view).orElseThrow(() -> notFound(id));
    }

    /** Changes {@code inventorySync}, {@code priceManagedBy} and {@code asinOwner} (Amazon); nothing else. */
    @PatchMapping("/{id}")
    ListingView patch(WorkspaceId workspace, @PathVariable long id, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblems.badRequest("Send a JSON object with any of inventorySync, priceManagedBy, asinOwner.");
        }
        for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!PATCHABLE.contains(name)) {
                throw ApiProblems.badRequest("'" + name + "' cannot be changed here; a listing's PATCH takes inventorySync, "
                        + "priceManagedBy and asinOwner (policies change through POST /api/listings/policy).");
            }
        }
        Boolean inventorySync = null;
        if (body.has("inventorySync")) {
            if (!body.get("inventorySync").isBoolean()) {
                throw ApiProblems.badRequest("'inventorySync' must be true or false.");
            }
            inventorySync = body.get("inventorySync").asBoolean();
        }
        PriceOwner priceOwner = null;
        if (body.has("priceManagedBy")) {
            JsonNode v = body.get("priceManagedBy");
            priceOwner = v.isString() ? parsePriceOwner(v.asString()) : null;
            if (priceOwner == null) {
                throw ApiProblems.badRequest("'priceManagedBy' must be STORE or REPRICER.");
            }
        }
        Optional<Boolean> asinOwner = Optional.empty();
        if (body.has("asinOwner")) {
            if (!body.get("asinOwner").isBoolean()) {
                throw ApiProblems.badRequest("'asinOwner' must be true or false.");
            }
            asinOwner = Optional.of(body.get("asinOwner").asBoolean());
        }
        return linking.changeSettings(workspace, id, inventorySync, priceOwner, asinOwner).map(this::view)
                .orElseThrow(() -> notFound(id));
    }

    private static PriceOwner parsePriceOwner(String value) {
        for (PriceOwner owner : PriceOwner.values()) {
            if (owner.name().equalsIgnoreCase(value.strip())) {
                return owner;
            }
        }
        return null;
    }

    private static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Channel.parse(value).orElseThrow(() -> ApiProblems.badRequest(
                "Unknown channel '" + value + "'; use one of " + Channel.allNames() + "."));
    }

    private static RuntimeException notFound(long id) {
        return ApiProblems.notFound("No listing with id " + id + " in this workspace.");
    }

    private static RuntimeException problem(LinkOutcome outcome) {
        if (outcome instanceof LinkOutcome.UnknownProduct p) {
            return ApiProblems.badRequest("No product with SKU '" + p.sku() + "' in this store; create it first (PUT /api/products/{sku}).");
        }
        if (outcome instanceof LinkOutcome.UnknownAccount a) {
            return ApiProblems.badRequest("No channel account with id " + a.accountId() + " in this workspace (GET /api/accounts).");
        }
        if (outcome instanceof LinkOutcome.UnknownPolicy p) {
            return ApiProblems.badRequest("No " + p.kind().description() + " with id " + p.policyId() + " in this workspace.");
        }
        if (outcome instanceof LinkOutcome.PolicyNameTaken t) {
            return ApiProblems.conflict("A synchronization policy named '" + t.name() + "' exists already for "
                    + t.channel().displayName() + "; choose another name or pass its id as syncPolicyId.");
        }
        if (outcome instanceof LinkOutcome.AlreadyLinked l) {
            return ApiProblems.conflict("SKU '" + l.sku() + "' is already listed on account " + l.accountId() + ".");
        }
        return new IllegalStateException("not a problem: " + outcome);
    }

    private ListingView view(Listing l) {
        return new ListingView(Long.toString(l.id()), l.sku(), Long.toString(l.accountId()), l.channel().name(), l.channelRef(),
                Long.toString(l.syncPolicyId()), Long.toString(l.sellingPolicyId()),
                new PolicyRef(Long.toString(l.syncPolicyId()), l.syncPolicyName()),
                new PolicyRef(Long.toString(l.sellingPolicyId()), l.sellingPolicyName()),
                l.inventorySync(), l.priceManagedBy(), l.asinOwner(), l.status(), json.readTree(l.onlineJson()), l.lastError(),
                l.lastSyncedAt(), null, l.createdAt(), l.updatedAt());
    }

    record PolicyRef(String id, String name) {
    }

    /** A listing as the API shows it; {@code pendingWork} comes with the sync engine (null until then). */
    record ListingView(String id, String sku, String accountId, String channel, String channelRef, String syncPolicyId,
            String sellingPolicyId, PolicyRef syncPolicy, PolicyRef sellingPolicy, boolean inventorySync, PriceOwner priceManagedBy,
            Boolean asinOwner, String status, JsonNode online, String lastError, Instant lastSyncedAt, Object pendingWork,
            Instant createdAt, Instant updatedAt) {
    }

}
