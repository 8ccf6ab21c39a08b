package io.ledgerstream.topology.version;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.TransactionVersion;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.flow.IncomingTransaction;
import io.ledgerstream.topology.flow.PendingVersion;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Decides whether a valid record is a new version of its transaction, reading (never writing)
 * {@value StoreNames#TRANSACTION_VERSIONS}. Dropped: an identical resend (same content hash as the
 * stored version or one it superseded, so re-importing an old statement changes nothing) and a removal of a transaction that is unknown or already removed. Everything
 * else goes on with the live version it replaces, if any. The version is stored only once it is
 * enriched, so a record dead-lettered on the way (no FX rate yet) is processed when resent.
 */
public final class VersionFilterProcessor implements FixedKeyProcessor<String, IncomingTransaction, PendingVersion> {

    private FixedKeyProcessorContext<String, PendingVersion> context;
    private TimestampedKeyValueStore<String, TransactionVersion> versions;

    @Override
    public void init(FixedKeyProcessorContext<String, PendingVersion> context) {
        this.context = context;
        this.versions = context.getStateStore(StoreNames.TRANSACTION_VERSIONS);
    }

    @Override
    public void process(FixedKeyRecord<String, IncomingTransaction> record) {
        IncomingTransaction incoming = record.value();
        String hash = ContentHash.of(incoming.raw());
        TransactionVersion stored = ValueAndTimestamp.getValueOrNull(versions.get(
                StoreNames.versionKey(incoming.raw().getUserId(), incoming.raw().getTransactionId())));
        if (stored != null && (stored.getContentHash().equals(hash) || stored.getEarlierHashes().contains(hash))) {
            return;
        }
        EnrichedTransaction live = stored == null || stored.getTransaction().getRemoved() ? null : stored.getTransaction();
        if (incoming.raw().getRemoved() && live == null) {
            return;
        }
        context.forward(record.withValue(new PendingVersion(incoming, hash, live)));
    }
}
