package org.imagesearch.ledger.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What this JVM has allocated, paused for collections and spent compiling so far, to be taken
 * before and after a window. The ledger and the harness share the JVM, so both count: the harness's
 * own clients are a small part of it (JFR allocation samples of the reads, docs/benchmarks.md).
 * {@code compileMillis} is the JIT compilers' own time, summed over their threads; -1 where the JVM
 * does not keep it.
 */
record JvmCounters(long allocatedBytes, long collections, long collectionMillis, long compileMillis) {

    static JvmCounters now() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiling = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        return new JvmCounters(threads.getTotalThreadAllocatedBytes(), count, millis, compiling);
    }

    /** What happened between {@code before} and this. */
    JvmCounters since(JvmCounters before) {
        return new JvmCounters(allocatedBytes - before.allocatedBytes, collections - before.collections,
                collectionMillis - before.collectionMillis,
                compileMillis < 0 || before.compileMillis < 0 ? -1 : compileMillis - before.compileMillis);
    }
}
