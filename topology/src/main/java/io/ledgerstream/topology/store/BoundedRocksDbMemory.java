package io.ledgerstream.topology.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every RocksDB store of this process by one shared budget, as Kafka
 * Streams' documentation recommends ("Bounding the memory usage of RocksDB"). Streams otherwise gives
 * each store instance its own block cache (50 MB) and up to three write buffers (16 MB each): eleven
 * user-keyed stores times the partitions an instance holds, so the resident set grows with the
 * partitions, not with the data.
 *
 * <p>One LRU cache of {@value #MEMORY_CONFIG} bytes holds the data, index and filter blocks of every
 * store, and the memtables are charged to it too (a {@link WriteBufferManager} with half of it), so
 * RocksDB's block and memtable memory stays under the budget however many stores an instance opens.
 * The cache and the manager live as long as the process: every store shares them, so closing one
 * store leaves them alone. Applications of one process with the same budget share one cache (as the
 * bench's instances do); each other budget has its own.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The budget in bytes, a Streams property this class reads from the application's configuration. */
    public static final String MEMORY_CONFIG = "ledgerstream.rocksdb.memory.bytes";
    /** Half of the budget may be memtables: the topology writes more than it reads from RocksDB. */
    private static final double MEMTABLE_SHARE = 0.5;
    /** Index and filter blocks are kept in the cache's high-priority pool, a tenth of it. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    /** The shared cache and write buffer manager of each budget. */
    private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

    private record Shared(Cache cache, WriteBufferManager writeBuffers) {

        static Shared of(long budget) {
            Cache cache = new LRUCache(budget, -1, false, INDEX_AND_FILTER_SHARE);
            return new Shared(cache, new WriteBufferManager((long) (budget * MEMTABLE_SHARE), cache));
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object memory = configs.get(MEMORY_CONFIG);
        if (memory == null) {
            throw new IllegalStateException(MEMORY_CONFIG + " is not set: " + getClass().getSimpleName()
                    + " needs a memory budget");
        }
        long budget = Long.parseLong(memory.toString());
        Shared shared = SHARED.computeIfAbsent(budget, Shared::of);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(shared.writeBuffers());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store of the process
    }
}
