package dev.omnisync.order;

import dev.omnisync.channel.Channel;
import dev.omnisync.order.persistence.OrderRows;
import dev.omnisync.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads of the imported channel orders, newest first. */
@Service
public class ChannelOrders {

    private final OrderRows rows;

    ChannelOrders(OrderRows rows) {
        this.rows = rows;
    }

    /** Orders of the workspace, optionally of one account or channel, newest first, at most {@code limit}. */
    public List<ImportedOrder> list(WorkspaceId workspace, Long accountId, Channel channel, int limit) {
        return rows.list(workspace, accountId, channel, limit);
    }

    public Optional<ImportedOrder> find(WorkspaceId workspace, long orderId) {
        return rows.find(workspace, orderId);
    }
}
