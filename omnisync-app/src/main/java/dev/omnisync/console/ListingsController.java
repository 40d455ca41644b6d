package dev.omnisync.console;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.Products;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.listing.BulkChangeOutcome;
import dev.omnisync.listing.BulkChangeRequest;
import dev.omnisync.listing.BulkPolicyChange;
import dev.omnisync.listing.LinkOutcome;
import dev.omnisync.listing.LinkRequest;
import dev.omnisync.listing.Linking;
import dev.omnisync.listing.Listing;
import dev.omnisync.listing.ListingSelection;
import dev.omnisync.listing.Listings;
import dev.omnisync.listing.PolicyKind;
import dev.omnisync.policy.PolicyOutcome;
import dev.omnisync.policy.PolicyPreview;
import dev.omnisync.policy.PriceInputs;
import dev.omnisync.policy.SellingPolicies;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.StockInputs;
import dev.omnisync.policy.SyncPolicies;
import dev.omnisync.policy.SynchronizationPolicy;
import dev.omnisync.sync.Explain;
import dev.omnisync.sync.SyncLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Listings tab: the grid, linking (with "+" for a new policy), bulk Change Policy with undo, and a listing's page. */
@Controller
class ListingsController {

    static final int PAGE_SIZE = 50;
    private static final int SAMPLE_SIZE = 5;

    private final Listings listings;
    private final ListingRows rows;
    private final Linking linking;
    private final BulkPolicyChange bulk;
    private final BulkJobs jobs;
    private final SyncPolicies syncPolicies;
    private final SellingPolicies sellingPolicies;
    private final Products products;
    private final Explain explain;
    private final SyncLog syncLog;
    private final SandboxOffersForLinking sandboxOffers;

    ListingsController(Listings listings, ListingRows rows, Linking linking, BulkPolicyChange bulk, BulkJobs jobs,
            SyncPolicies syncPolicies, SellingPolicies sellingPolicies, Products products, Explain explain, SyncLog syncLog,
            SandboxOffersForLinking sandboxOffers) {
        this.listings = listings;
        this.rows = rows;
        this.linking = linking;
        this.bulk = bulk;
        this.jobs = jobs;
        this.syncPolicies = syncPolicies;
        this.sellingPolicies = sellingPolicies;
        this.products = products;
        this.explain = explain;
        this.syncLog = syncLog;
        this.sandboxOffers = sandboxOffers;
    }

    /** The grid, keyset-paged by listing id: one indexed range read per page, however many listings there are. */
    @GetMapping("/listings")
    String grid(SignedIn user, @ModelAttribute("filter") ListingFilterForm filter, @RequestParam(required = false) Long after,
            Model model) {
        String refusal = null;
        List<Listing> page = List.of();
        try {
            page = listings.search(user.workspace(), filter.toFilter(), after == null ? 0 : after, PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            refusal = e.getMessage();
        }
        model.addAttribute("refusal", refusal);
        model.addAttribute("rows", rows.rows(user.workspace(), page));
        model.addAttribute("after", after);
        model.addAttribute("nextAfter", page.size() == PAGE_SIZE ? page.get(page.size() - 1).id() : null);
        model.addAttribute("query", filter.query());
        model.addAttribute("accounts", rows.accounts(user.workspace()).values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("fieldKeys", FieldKey.values());
        model.addAttribute("syncPolicies", syncPolicies.all(user.workspace(), Optional.empty()));
        model.addAttribute("sellingPolicies", sellingPolicies.all(user.workspace(), Optional.empty()));
        return "console/listings";
    }

    // ---- linking ----

    @GetMapping("/listings/link/policies")
    String linkPolicies(SignedIn user, @RequestParam(required = false) String accountId, Model model) {
        return policiesFragment(user, Forms.id("Account", accountId), null, model);
    }

    @GetMapping("/listings/link/new-policy")
    String newPolicyForm(SignedIn user, @RequestParam(required = false) String accountId, Model model) {
        ChannelAccount account = account(user, Forms.id("Account", accountId));
        model.addAttribute("account", account);
        model.addAttribute("channel", account.channel());
        return "console/fragments :: inlinePolicy";
    }

    /** The "+" next to the policy field: creates the policy now and answers the policy fields with it selected. */
    @PostMapping("/listings/link/policy")
    String createInline(SignedIn user, @RequestParam(required = false) String accountId,
            @RequestParam(required = false) String newPolicyName, @RequestParam(required = false) List<String> newPolicyFields,
            Model model, jakarta.servlet.http.HttpServletResponse response) {
        ChannelAccount account = account(user, Forms.id("Account", accountId));
        PolicyOutcome<SynchronizationPolicy> created;
        try {
            created = syncPolicies.create(user.workspace(),
                    SynchronizationPolicy.draft(account.channel(), newPolicyName, newPolicyFields == null ? List.of() : newPolicyFields));
        } catch (IllegalArgumentException e) {
            return inlineRefusal(e.getMessage(), response, model);
        }
        if (created instanceof PolicyOutcome.NameTaken<SynchronizationPolicy> taken) {
            return inlineRefusal("A " + taken.channel().displayName() + " policy named '" + taken.name()
                    + "' exists already; choose it in the list or use another name.", response, model);
        }
        SynchronizationPolicy policy = ((PolicyOutcome.Saved<SynchronizationPolicy>) created).policy();
        model.addAttribute("created", "Created synchronization policy '" + policy.name() + "' and selected it.");
        return policiesFragment(user, account.id(), policy.id(), model);
    }

    /** A refusal shown inside the "+" form, which stays open with what was typed. */
    private static String inlineRefusal(String message, jakarta.servlet.http.HttpServletResponse response, Model model) {
        response.setHeader("HX-Retarget", "#inline-policy-error");
        response.setHeader("HX-Reswap", "innerHTML");
        model.addAttribute("message", message);
        return "console/fragments :: refusal";
    }

    private String policiesFragment(SignedIn user, Long accountId, Long selectedSync, Model model) {
        if (accountId == null) {
            model.addAttribute("account", null);
            return "console/fragments :: linkPolicies";
        }
        ChannelAccount account = account(user, accountId);
        model.addAttribute("account", account);
        model.addAttribute("syncPolicies", syncPolicies.all(user.workspace(), Optional.of(account.channel())));
        model.addAttribute("sellingPolicies", sellingPolicies.all(user.workspace(), Optional.of(account.channel())));
        model.addAttribute("selectedSync", selectedSync);
        return "console/fragments :: linkPolicies";
    }

    @PostMapping("/listings/link")
    String link(SignedIn user, @RequestParam(required = false) String sku, @RequestParam(required = false) String accountId,
            @RequestParam(required = false) String channelRef, @RequestParam(required = false) String syncPolicyId,
            @RequestParam(required = false) String sellingPolicyId, @RequestParam(required = false) String inventorySync,
            @RequestParam(required = false) String repricer, Model model) {
        Long account = Forms.id("Account", accountId);
        if (account == null) {
            throw new IllegalArgumentException("Choose the channel account to list on.");
        }
        String ref = Forms.text(channelRef);
        if (ref == null && Forms.text(sku) != null && products.find(user.workspace(), sku.strip()).isPresent()) {
            ChannelAccount target = rows.accounts(user.workspace()).get(account);
            if (target != null) {
                ref = sandboxOffers.offerFor(target, sku, target.currency()).orElse(null);
            }
        }
        LinkOutcome outcome = linking.link(user.workspace(), new LinkRequest(Forms.text(sku), account, ref,
                Forms.id("Synchronization policy", syncPolicyId), null, Forms.id("Selling policy", sellingPolicyId),
                inventorySync != null, repricer != null ? PriceOwner.REPRICER : PriceOwner.STORE, null));
        if (outcome instanceof LinkOutcome.Linked linked) {
            model.addAttribute("listing", linked.listing());
            return "console/fragments :: linked";
        }
        throw new IllegalArgumentException(linkRefusal(outcome));
    }

    private static String linkRefusal(LinkOutcome outcome) {
        if (outcome instanceof LinkOutcome.UnknownProduct p) {
            return "The store has no product with SKU '" + p.sku() + "'. Create it first (Products), then link it.";
        }
        if (outcome instanceof LinkOutcome.UnknownAccount a) {
            return "There is no channel account " + a.accountId() + " in this workspace.";
        }
        if (outcome instanceof LinkOutcome.UnknownPolicy p) {
            return "There is no " + p.kind().description() + " " + p.policyId() + " in this workspace.";
        }
        if (outcome instanceof LinkOutcome.PolicyNameTaken t) {
            return "A " + t.channel().displayName() + " policy named '" + t.name() + "' exists already.";
        }
        if (outcome instanceof LinkOutcome.AlreadyLinked l) {
            return "SKU '" + l.sku() + "' is already linked on this account.";
        }
        return "The link was refused: " + outcome;
    }

    private ChannelAccount account(SignedIn user, Long accountId) {
        if (accountId == null) {
            throw new IllegalArgumentException("Choose a channel account first.");
        }
        ChannelAccount account = rows.accounts(user.workspace()).get(accountId);
        if (account == null) {
            throw new IllegalArgumentException("There is no channel account " + accountId + " in this workspace.");
        }
        return account;
    }

    // ---- bulk Change Policy ----

    /** Step 1: what the change would do (nothing changes). */
    @PostMapping("/listings/bulk/preview")
    String preview(SignedIn user, @RequestParam MultiValueMap<String, String> params, Model model) {
        BulkChangeRequest request = bulkRequest(params, false);
        BulkChangeOutcome outcome = bulk.change(user.workspace(), request);
        if (outcome instanceof BulkChangeOutcome.NeedsConfirmation confirmation) {
            model.addAttribute("preview", confirmation.preview());
            model.addAttribute("target", targetName(user, request));
            model.addAttribute("samples", samples(user, request));
            model.addAttribute("carry", Forms.carry(params, "confirm"));
            return "console/fragments :: bulkConfirm";
        }
        if (outcome instanceof BulkChangeOutcome.Moved moved) {
            model.addAttribute("message", moved.moved() == 0
                    ? "Nothing to change: the selected listings already have " + targetName(user, request) + "."
                    : "Moved " + moved.moved() + " listings.");
            return "console/fragments :: notice";
        }
        throw new IllegalArgumentException(refusal(outcome));
    }

    /** Step 2, after confirmation: runs the change in the background and answers a progress indicator that polls. */
    @PostMapping("/listings/bulk/apply")
    String apply(SignedIn user, @RequestParam MultiValueMap<String, String> params, Model model) {
        BulkChangeRequest request = bulkRequest(params, true);
        long selected = Optional.ofNullable(Forms.id("count", params.getFirst("count"))).orElse(0L);
        BulkJobs.Job job = jobs.start(user.workspace(), "Assigning " + targetName(user, request), selected,
                () -> bulk.change(user.workspace(), request));
        model.addAttribute("job", job);
        return "console/fragments :: bulkProgress";
    }

    @GetMapping("/listings/bulk/jobs/{id}")
    String job(SignedIn user, @PathVariable String id, Model model) {
        BulkJobs.Job job = jobs.find(user.workspace(), id)
                .orElseThrow(() -> new IllegalArgumentException("That bulk change is no longer tracked by this page; see the listings."));
        model.addAttribute("job", job);
        if (!job.done()) {
            return "console/fragments :: bulkProgress";
        }
        if (job.failure() != null) {
            throw new IllegalArgumentException("The change failed: " + job.failure());
        }
        if (job.outcome() instanceof BulkChangeOutcome.Moved moved) {
            model.addAttribute("moved", moved);
            return "console/fragments :: bulkDone";
        }
        throw new IllegalArgumentException(refusal(job.outcome()));
    }

    @PostMapping("/listings/bulk/{changeId}/undo")
    String undo(SignedIn user, @PathVariable long changeId, Model model) {
        BulkChangeOutcome outcome = bulk.undo(user.workspace(), changeId);
        if (outcome instanceof BulkChangeOutcome.Undone undone) {
            model.addAttribute("message", "Undone: " + undone.restored() + " listings are back on their previous policies.");
            return "console/fragments :: notice";
        }
        throw new IllegalArgumentException(refusal(outcome));
    }

    private BulkChangeRequest bulkRequest(MultiValueMap<String, String> params, boolean confirmed) {
        ListingSelection selection;
        if ("filter".equals(params.getFirst("scope"))) {
            ListingFilterForm form = new ListingFilterForm(params.getFirst("channel"), params.getFirst("accountId"),
                    params.getFirst("sku"), params.getFirst("status"), params.getFirst("syncPolicyId"), params.getFirst("sellingPolicyId"));
            selection = new ListingSelection.ByFilter(form.toFilter());
        } else {
            List<String> ids = params.getOrDefault("listingIds", List.of());
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("Select at least one listing, or choose \"All listings matching the filter\".");
            }
            selection = new ListingSelection.ByIds(ids.stream().map(v -> Forms.id("listing", v)).toList());
        }
        String target = Forms.text(params.getFirst("targetPolicy"));
        if (target == null) {
            throw new IllegalArgumentException("Choose the policy to assign, or \"+ New synchronization policy\".");
        }
        if ("new".equals(target)) {
            List<String> fields = params.getOrDefault("newFields", List.of());
            return new BulkChangeRequest(selection, null,
                    new BulkChangeRequest.InlinePolicy(params.getFirst("newName"), null, fields), null, confirmed);
        }
        // "SYNC:12" or "SELLING:7": the two kinds number their policies independently
        int colon = target.indexOf(':');
        String kind = colon < 0 ? "" : target.substring(0, colon);
        Long id = Forms.id("Policy", target.substring(colon + 1));
        if ("SELLING".equals(kind)) {
            return new BulkChangeRequest(selection, null, null, id, confirmed);
        }
        if ("SYNC".equals(kind)) {
            return new BulkChangeRequest(selection, id, null, null, confirmed);
        }
        throw new IllegalArgumentException("Choose the policy to assign from the list (was '" + target + "').");
    }

    private String targetName(SignedIn user, BulkChangeRequest request) {
        if (request.syncPolicyId() != null) {
            return syncPolicies.find(user.workspace(), request.syncPolicyId()).map(p -> "synchronization policy '" + p.name() + "'")
                    .orElse("policy " + request.syncPolicyId());
        }
        if (request.sellingPolicyId() != null) {
            return sellingPolicies.find(user.workspace(), request.sellingPolicyId()).map(p -> "selling policy '" + p.name() + "'")
                    .orElse("policy " + request.sellingPolicyId());
        }
        return "the new synchronization policy '" + request.syncPolicy().name() + "'";
    }

    /** A few selected listings with what changes for each: fields that start or stop, or price/quantity before → after. */
    private List<Sample> samples(SignedIn user, BulkChangeRequest request) {
        List<Listing> picked = new ArrayList<>();
        if (request.selection() instanceof ListingSelection.ByFilter f) {
            picked.addAll(listings.search(user.workspace(), f.filter(), 0, SAMPLE_SIZE));
        } else if (request.selection() instanceof ListingSelection.ByIds ids) {
            // a handful at most: the sample is bounded, not one read per selected listing
            ids.listingIds().stream().limit(SAMPLE_SIZE).forEach(id -> listings.find(user.workspace(), id).ifPresent(picked::add));
        }
        if (request.kind() == PolicyKind.SELLING) {
            SellingPolicy target = sellingPolicies.find(user.workspace(), request.sellingPolicyId()).orElse(null);
            Map<Long, SellingPolicy> current = sellingPolicies.findAll(user.workspace(),
                    picked.stream().map(Listing::sellingPolicyId).collect(Collectors.toSet()));
            Map<String, Product> bySku = products.findAll(user.workspace(), picked.stream().map(Listing::sku).toList());
            List<Sample> samples = new ArrayList<>();
            for (Listing l : picked) {
                SellingPolicy before = current.get(l.sellingPolicyId());
                Product p = bySku.get(l.sku());
                if (target == null || before == null || p == null) {
                    continue;
                }
                samples.add(new Sample(l.id(), l.sku(), l.sellingPolicyName() + " → " + target.name(),
                        "price " + price(before, p) + " → " + price(target, p) + "; quantity " + quantity(before, p) + " → "
                                + quantity(target, p)));
            }
            return samples;
        }
        SynchronizationPolicy target = request.syncPolicyId() != null
                ? syncPolicies.find(user.workspace(), request.syncPolicyId()).orElse(null)
                : null;
        Map<Long, SynchronizationPolicy> current = syncPolicies.findAll(user.workspace(),
                picked.stream().map(Listing::syncPolicyId).collect(Collectors.toSet()));
        List<Sample> samples = new ArrayList<>();
        for (Listing l : picked) {
            SynchronizationPolicy before = current.get(l.syncPolicyId());
            if (before == null) {
                continue;
            }
            java.util.Set<FieldKey> after = target != null ? target.fields()
                    : SynchronizationPolicy.parseFields(l.channel(), request.syncPolicy().fields());
            List<String> starts = after.stream().filter(f -> !before.enables(f)).map(Enum::name).toList();
            List<String> stops = before.fields().stream().filter(f -> !after.contains(f)).map(Enum::name).toList();
            samples.add(new Sample(l.id(), l.sku(), l.syncPolicyName() + " → "
                    + (target != null ? target.name() : request.syncPolicy().name()),
                    (starts.isEmpty() ? "" : "starts sending " + String.join(", ", starts) + " ")
                            + (stops.isEmpty() ? "" : "stops sending " + String.join(", ", stops))
                            + (starts.isEmpty() && stops.isEmpty() ? "same fields" : "")));
        }
        return samples;
    }

    record Sample(long listingId, String sku, String policy, String change) {
    }

    static String price(SellingPolicy policy, Product p) {
        var value = policy.price(new PriceInputs(p.price(), p.salePrice(), p.msrp())).value();
        return value == null ? "—" : value.toPlainString();
    }

    static String quantity(SellingPolicy policy, Product p) {
        return String.valueOf(policy.quantity(new StockInputs(Math.max(0, p.onHand()), Math.max(0, p.reserved()))).value());
    }

    static String refusal(BulkChangeOutcome outcome) {
        if (outcome instanceof BulkChangeOutcome.UnknownPolicy p) {
            return "There is no " + p.kind().description() + " " + p.policyId() + " in this workspace.";
        }
        if (outcome instanceof BulkChangeOutcome.UnknownListings l) {
            return "These listings are not in this workspace: " + l.listingIds() + ". Reload the page.";
        }
        if (outcome instanceof BulkChangeOutcome.OtherChannels o) {
            return "'" + o.policyName() + "' is a " + o.policyChannel().displayName() + " policy, but " + o.listings()
                    + " selected listings are on " + o.others().stream().map(Channel::displayName).collect(Collectors.joining(", "))
                    + ". Narrow the selection to " + o.policyChannel().displayName() + " (filter by channel).";
        }
        if (outcome instanceof BulkChangeOutcome.PolicyNameTaken t) {
            return "A " + t.channel().displayName() + " policy named '" + t.name() + "' exists already; choose it or use another name.";
        }
        if (outcome instanceof BulkChangeOutcome.ChannelUnclear c) {
            return "The selection spans " + (c.channels().isEmpty() ? "no listings" : c.channels().stream().map(Channel::displayName)
                    .collect(Collectors.joining(", "))) + ", so the new policy's channel is unclear. Filter by one channel first.";
        }
        if (outcome instanceof BulkChangeOutcome.UnknownChange u) {
            return "There is no bulk change " + u.changeId() + " in this workspace.";
        }
        if (outcome instanceof BulkChangeOutcome.PreviousPoliciesDeleted d) {
            return "This change cannot be undone: policies the listings had before were deleted since (" + d.policyIds() + ").";
        }
        if (outcome instanceof BulkChangeOutcome.AlreadyUndone a) {
            return "This change was undone already, at " + a.undoneAt() + ".";
        }
        return "The change was refused: " + outcome;
    }

    // ---- a listing's page ----

    @GetMapping("/listings/{id}")
    String listing(SignedIn user, @PathVariable long id, Model model) {
        Listing listing = listings.find(user.workspace(), id)
                .orElseThrow(() -> new ConsoleRefusals.PageNotFound("There is no listing " + id + " in this workspace."));
        Product product = products.find(user.workspace(), listing.sku()).orElse(null);
        model.addAttribute("listing", listing);
        model.addAttribute("row", rows.row(listing, product, rows.accountNames(user.workspace())));
        model.addAttribute("explanation", explain.explain(user.workspace().value(), id).orElse(null));
        model.addAttribute("log", syncLog.recent(user.workspace(), new SyncLog.Query(id, null, null, 50)));
        return "console/listing";
    }

    @PostMapping("/listings/{id}/retry")
    String retry(SignedIn user, @PathVariable long id, RedirectAttributes redirect) {
        boolean found = explain.retry(user.workspace().value(), id);
        redirect.addFlashAttribute("notice", found ? "Quarantine lifted; the listing is planned again." : "There is no listing " + id + ".");
        return "redirect:/listings/" + id;
    }

    @PostMapping("/listings/{id}/inventory-sync")
    String inventorySync(SignedIn user, @PathVariable long id, @RequestParam boolean on, RedirectAttributes redirect) {
        linking.changeSettings(user.workspace(), id, on, null, Optional.empty());
        redirect.addFlashAttribute("notice", on ? "Inventory sync is on: quantity flows to the channel."
                : "Inventory sync is off: quantity is no longer sent for this listing.");
        return "redirect:/listings/" + id;
    }

    @PostMapping("/listings/{id}/price-owner")
    String priceOwner(SignedIn user, @PathVariable long id, @RequestParam String owner, RedirectAttributes redirect) {
        PriceOwner priceOwner = "REPRICER".equals(owner) ? PriceOwner.REPRICER : PriceOwner.STORE;
        linking.changeSettings(user.workspace(), id, null, priceOwner, Optional.empty());
        redirect.addFlashAttribute("notice", priceOwner == PriceOwner.REPRICER
                ? "Marked as repriced: Omnisync no longer sends this listing's price (undo below)."
                : "The store owns the price again: it is sent as the policy says.");
        return "redirect:/listings/" + id;
    }
}
