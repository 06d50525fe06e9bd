package kz.qujat.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workstation's heap settings reach the running JVM (the suite runs on HotSpot with G1, the default). */
class WorkstationMemoryTest {
    @Test
    void theHeapGivesBackWhatIsFreeAndIdleWindowsCollect() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        String periodic = vm.getVMOption("G1PeriodicGCInterval").getValue();
        try {
            assertThat(WorkstationMemory.apply())
                    .containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30", "G1PeriodicGCInterval=30000");
            for (Map.Entry<String, String> o : WorkstationMemory.OPTIONS) {
                assertThat(vm.getVMOption(o.getKey()).getValue()).as(o.getKey()).isEqualTo(o.getValue());
            }
        } finally {
            // the other tests of this JVM keep the JVM's own settings
            vm.setVMOption("G1PeriodicGCInterval", periodic);
            vm.setVMOption("MaxHeapFreeRatio", max);
            vm.setVMOption("MinHeapFreeRatio", min);
        }
    }
}
