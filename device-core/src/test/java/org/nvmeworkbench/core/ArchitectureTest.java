package org.nvmeworkbench.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of device-core, lowest first, declared once (design.md, "One session, many front ends"). A
 * layer may use the layers below it, never one above; layers on the same row do not use each other.
 * Every package of the core must be in a layer, no two packages may form a cycle, and nothing in the
 * core may use JavaFX.
 *
 * <p>Refinements of the design's order, each because the code asks for it: the run record sits below
 * the workload, since the runner makes the record itself (one model of a finished run); the
 * device-provider SPI sits below the backends that implement it; telemetry holds only the snapshot
 * types the driver fills, so it is a leaf; a sweep renders its own report section, so report sits
 * below sweep; the agent (server and client) sits below the command line, which serves and reaches it.
 */
class ArchitectureTest {
    private static final String CORE = "org.nvmeworkbench.core";

    /** Lowest first; the packages of one row are peers that may not use each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("spec", "plugin", "telemetry", "host"),
            List.of("pci"),
            List.of("device"),
            List.of("sim", "vfio"),
            List.of("driver"),
            List.of("record"),
            List.of("workload"),
            List.of("fiojob"),
            List.of("report"),
            List.of("sweep"),
            List.of("session"),
            List.of("lab", "resultfile"),
            List.of("baseline"),
            List.of("agent"),
            List.of("cli"));

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        // The module's own main classes only (whatever the build directory is called), not the test classes or
        // another copy of the core elsewhere on the class path.
        try {
            java.nio.file.Path main = java.nio.file.Path.of(org.nvmeworkbench.core.pci.PciFunction.class
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
            core = new ClassFileImporter().importPath(main);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LayeredArchitecture layers() {
        LayeredArchitecture arch = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (List<String> row : LAYERS) {
            for (String pkg : row) {
                arch = arch.layer(pkg).definedBy(CORE + "." + pkg + "..");
            }
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String pkg : LAYERS.get(i)) {
                List<String> above = new ArrayList<>();
                for (int j = i; j < LAYERS.size(); j++) {
                    for (String other : LAYERS.get(j)) {
                        if (!other.equals(pkg)) {
                            above.add(other);
                        }
                    }
                }
                List<String> users = new ArrayList<>();
                for (int j = i + 1; j < LAYERS.size(); j++) {
                    users.addAll(LAYERS.get(j));
                }
                arch = users.isEmpty() ? arch.whereLayer(pkg).mayNotBeAccessedByAnyLayer()
                        : arch.whereLayer(pkg).mayOnlyBeAccessedByLayers(users.toArray(String[]::new));
            }
        }
        return arch;
    }

    @Test
    void layersOnlyPointDown() {
        layers().check(core);
    }

    @Test
    void noPackageCycles() {
        slices().matching(CORE + ".(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void everyPackageOfTheCoreHasALayer() {
        Set<String> declared = new TreeSet<>();
        LAYERS.forEach(declared::addAll);
        Set<String> found = new TreeSet<>();
        for (JavaClass c : core) {
            String rest = c.getPackageName().substring(CORE.length());
            if (rest.startsWith(".")) {
                found.add(rest.substring(1).split("\\.")[0]);
            }
        }
        assertThat(found).as("packages of device-core").hasSizeGreaterThan(10);
        assertThat(declared).as("every package is declared in LAYERS").containsAll(found);
    }

    @Test
    void theCoreNeverUsesJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(core);
    }

    @Test
    void theRulesCatchADriverThatReachesIntoTheSimulator() {
        JavaClasses cheat = new ClassFileImporter().importClasses(
                org.nvmeworkbench.core.driver.NvmeController.class, org.nvmeworkbench.core.sim.SimulatedController.class,
                Cheat.class);
        // Cheat sits in this test's package; the rule is tried on a layering where the test package is the driver's.
        LayeredArchitecture rule = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("sim").definedBy(CORE + ".sim..")
                .layer("driver").definedBy(CORE, CORE + ".driver..")
                .whereLayer("sim").mayNotBeAccessedByAnyLayer();
        assertThatThrownBy(() -> rule.check(cheat)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cheat");
    }

    /** A class that uses the simulator from a layer that may not. */
    static final class Cheat {
        Object sim() {
            return org.nvmeworkbench.core.sim.SimulatedController.class.getName().length();
        }

        Object open() {
            return new org.nvmeworkbench.core.sim.SimDeviceProvider();
        }
    }
}
