package kz.qujat.workstation;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the workstation's JVM gives memory back. The officer's window runs all day and decodes, checks and
 * draws four images per review; with the JVM's defaults (sized for a server: G1 may keep 70 % of the heap
 * free after a collection and collects only when allocation forces it), the heap it holds grows to several
 * times what is in use and stays there, so the window's resident set climbs past a gigabyte within a
 * hundred reviews while the live heap stays near 150 MB. At start the workstation asks for a heap that
 * keeps at most 30 % free after a collection and for a concurrent collection every 30 s while the window is
 * idle, so that what closed reviews used goes back to the system.
 *
 * <p>These are the JVM's manageable options, set at run time, so the jar, the installer and the demo all get
 * them without a command-line flag; on a JVM without them (another collector or vendor) nothing changes.
 * The memory benchmark ({@code ReviewMemoryBench}, see the README) measures the effect.
 */
public final class WorkstationMemory {
    private static final Logger LOG = LoggerFactory.getLogger(WorkstationMemory.class);
    /** Option and value, in this order: the minimum must not exceed the maximum (whose default, 70, is above 10). */
    static final List<Map.Entry<String, String>> OPTIONS = List.of(
            Map.entry("MinHeapFreeRatio", "10"),
            Map.entry("MaxHeapFreeRatio", "30"),
            // milliseconds; G1 only (another collector has no such option and keeps its own ways)
            Map.entry("G1PeriodicGCInterval", "30000"));

    private WorkstationMemory() {
    }

    /** Sets {@link #OPTIONS} on the running JVM; returns the ones it took (the others are logged and skipped). */
    public static List<String> apply() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<String> set = new ArrayList<>();
        if (vm == null) {
            LOG.info("memory: not a HotSpot JVM, its own heap settings stay");
            return set;
        }
        for (Map.Entry<String, String> o : OPTIONS) {
            try {
                vm.setVMOption(o.getKey(), o.getValue());
                set.add(o.getKey() + "=" + o.getValue());
            } catch (IllegalArgumentException | SecurityException notHere) {
                LOG.info("memory: {} not set ({})", o.getKey(), notHere.getMessage());
            }
        }
        LOG.debug("memory: {}", set);
        return set;
    }
}
