package dev.omnisync.sync.web;

import dev.omnisync.channel.Channel;
import dev.omnisync.platform.web.ApiProblems;
import dev.omnisync.sync.SyncLog;
import dev.omnisync.sync.SyncLogEntry;
import dev.omnisync.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sync-log")
class SyncLogController {

    private final SyncLog syncLog;

    SyncLogController(SyncLog syncLog) {
        this.syncLog = syncLog;
    }

    /** Newest first: what was sent or skipped, why, the arithmetic, the channel's answer and the latency. */
    @GetMapping
    List<EntryView> recent(WorkspaceId workspace, @RequestParam(required = false) Long listingId,
            @RequestParam(required = false) String sku, @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "100") int limit) {
        Channel ch = channel == null ? null : Channel.parse(channel).orElseThrow(() -> ApiProblems.badRequest(
                "'channel' '" + channel + "' is unknown: use one of " + Channel.allNames() + "."));
        return syncLog.recent(workspace, new SyncLog.Query(listingId, sku, ch, limit)).stream().map(EntryView::of).toList();
    }

    record EntryView(Instant at, String listingId, String accountId, String channel, String sku, String decision,
            List<String> fields, List<String> reasons, String arithmetic, String channelResponse, Long latencyMs) {

        static EntryView of(SyncLogEntry e) {
            return new EntryView(e.at(), e.listingId() == null ? null : e.listingId().toString(),
                    e.accountId() == null ? null : e.accountId().toString(), e.channel() == null ? null : e.channel().name(),
                    e.sku(), e.decision().name(), e.fields().stream().map(Enum::name).sorted().toList(), e.reasons(),
                    e.arithmetic(), e.channelResponse(), e.latencyMillis());
        }
    }
}
