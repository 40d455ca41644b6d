package dev.omnisync.policy.web;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.policy.PolicyOutcome;
import dev.omnisync.policy.PolicyPreview;
import dev.omnisync.policy.SyncPolicies;
import dev.omnisync.policy.SynchronizationPolicy;
import dev.omnisync.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Synchronization Policies: which fields flow from the store to a channel. */
@RestController
@RequestMapping("/api/sync-policies")
class SyncPolicyController {

    private static final String KIND = "synchronization policy";

    private final SyncPolicies policies;

    SyncPolicyController(SyncPolicies policies) {
        this.policies = policies;
    }

    /** {@code {name, channel, fields}}; without {@code fields}, price and quantity. */
    @PostMapping
    ResponseEntity<SyncPolicyView> create(WorkspaceId workspace, @RequestBody SyncPolicyBody body) {
        Channel channel = PolicyRequests.channel(body.channel());
        var outcome = policies.create(workspace, SynchronizationPolicy.draft(channel, body.name(), body.fields()));
        if (outcome instanceof PolicyOutcome.Saved<SynchronizationPolicy> saved) {
            return ResponseEntity.status(HttpStatus.CREATED).body(SyncPolicyView.of(saved.policy(), 0));
        }
        throw PolicyRequests.problem(outcome, KIND);
    }

    @GetMapping
    List<SyncPolicyView> list(WorkspaceId workspace, @RequestParam(required = false) String channel) {
        List<SynchronizationPolicy> all = policies.all(workspace, PolicyRequests.optionalChannel(channel));
        Map<Long, Long> usage = policies.usage(workspace, all.stream().map(SynchronizationPolicy::id).toList());
        return all.stream().map(p -> SyncPolicyView.of(p, usage.getOrDefault(p.id(), 0L))).toList();
    }

    @GetMapping("/{id}")
    SyncPolicyView get(WorkspaceId workspace, @PathVariable long id) {
        SynchronizationPolicy policy = policies.find(workspace, id)
                .orElseThrow(() -> PolicyRequests.problem(new PolicyOutcome.NotFound<>(id), KIND));
        return SyncPolicyView.of(policy, policies.usage(workspace, List.of(id)).getOrDefault(id, 0L));
    }

    /** What the edit in the body would change for the listings using the policy. Changes nothing. */
    @PostMapping("/{id}/preview")
    PolicyPreview preview(WorkspaceId workspace, @PathVariable long id, @RequestBody SyncPolicyBody body) {
        return policies.preview(workspace, edited(workspace, id, body))
                .orElseThrow(() -> PolicyRequests.problem(new PolicyOutcome.NotFound<>(id), KIND));
    }

    /** Applies an edit; when listings use the policy, only with {@code ?confirm=true} (else 428 with the preview). */
    @PutMapping("/{id}")
    SyncPolicyView edit(WorkspaceId workspace, @PathVariable long id, @RequestBody SyncPolicyBody body,
            @RequestParam(defaultValue = "false") boolean confirm) {
        var outcome = policies.edit(workspace, edited(workspace, id, body), confirm);
        if (outcome instanceof PolicyOutcome.Saved<SynchronizationPolicy> saved) {
            return SyncPolicyView.of(saved.policy(), policies.usage(workspace, List.of(id)).getOrDefault(id, 0L));
        }
        throw PolicyRequests.problem(outcome, KIND);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(WorkspaceId workspace, @PathVariable long id) {
        var outcome = policies.remove(workspace, id);
        if (outcome instanceof PolicyOutcome.Removed<SynchronizationPolicy>) {
            return ResponseEntity.noContent().build();
        }
        throw PolicyRequests.problem(outcome, KIND);
    }

    private SynchronizationPolicy edited(WorkspaceId workspace, long id, SyncPolicyBody body) {
        SynchronizationPolicy current = policies.find(workspace, id)
                .orElseThrow(() -> PolicyRequests.problem(new PolicyOutcome.NotFound<>(id), KIND));
        Channel channel = body.channel() == null ? current.channel() : PolicyRequests.channel(body.channel());
        // an edit that leaves out a part keeps it as it is
        var fields = body.fields() == null ? current.fields() : SynchronizationPolicy.parseFields(channel, body.fields());
        return new SynchronizationPolicy(id, channel, body.name() == null ? current.name() : body.name(), fields,
                current.isDefault(), current.version());
    }

    record SyncPolicyBody(String name, String channel, List<String> fields) {
    }

    /** A policy as the API shows it; {@code listings} = how many listings use it. */
    record SyncPolicyView(String id, String name, String channel, String channelName, List<FieldKey> fields, boolean isDefault,
            long version, long listings) {

        static SyncPolicyView of(SynchronizationPolicy p, long listings) {
            return new SyncPolicyView(Long.toString(p.id()), p.name(), p.channel().name(), p.channel().displayName(),
                    List.copyOf(p.fields()), p.isDefault(), p.version(), listings);
        }
    }
}
