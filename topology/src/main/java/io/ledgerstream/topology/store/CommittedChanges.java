package io.ledgerstream.topology.store;

import java.util.Set;

/**
 * Told, by a {@link ChangeNotifyingStore}, whose state a task changed, as the task commits: what a
 * response cache outside Streams needs to stay exact (query-api's, in Redis). Called on stream
 * threads; implementations must be thread-safe and quick, and must not throw.
 */
public interface CommittedChanges {

    /** Tells nobody: the topology alone, in tests and benchmarks. */
    CommittedChanges NONE = new CommittedChanges() {
        @Override
        public void committing(String storeName, Set<String> userIds) {
        }

        @Override
        public void reopened(String storeName) {
        }
    };

    /**
     * The task is committing its changes of these users' entries in {@code storeName} (Streams calls
     * this in its commit, before the transaction's end); every such change is told by the commit
     * that makes it durable.
     */
    void committing(String storeName, Set<String> userIds);

    /**
     * A task's {@code storeName} was opened or re-opened: it may now hold state restored from its
     * changelog, which can differ from what was read before (a transaction that was aborted).
     */
    void reopened(String storeName);
}
