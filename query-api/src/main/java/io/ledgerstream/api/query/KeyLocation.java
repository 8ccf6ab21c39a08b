package io.ledgerstream.api.query;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a user's entries of one store live: the partition (empty when unknown, that is on a single
 * instance without {@code application.server}, where every local partition is asked), the instance
 * with the active task (empty while none is assigned or without {@code application.server}) and the
 * instances with standbys.
 */
public record KeyLocation(OptionalInt partition, Optional<HostInfo> activeHost, Set<HostInfo> standbyHosts) {

    public KeyLocation {
        standbyHosts = Set.copyOf(standbyHosts);
    }

    /** A single instance: everything is here, in a partition Streams does not tell. */
    public static KeyLocation everyLocalPartition() {
        return new KeyLocation(OptionalInt.empty(), Optional.empty(), Set.of());
    }

    /** Whether {@code host} holds the active task. */
    public boolean isActive(HostInfo host) {
        return activeHost.map(host::equals).orElse(false);
    }

    /** Whether {@code host} holds a standby of the partition. */
    public boolean isStandby(HostInfo host) {
        return standbyHosts.contains(host);
    }
}
