package dev.aspace.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.MemoryBackend;
import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The one-way layering of docs/ARCHITECTURE.md, checked on every build. */
@AnalyzeClasses(packages = "dev.aspace", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule noJavaFxOutsideUi = noClasses()
            .that().resideOutsideOfPackages("dev.aspace.ui..")
            .and().doNotHaveFullyQualifiedName("dev.aspace.Launcher")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..");

    @ArchTest
    static final ArchRule noJnaOutsideBackendJna = noClasses()
            .that().resideOutsideOfPackages("dev.aspace.backend.jna..")
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..");

    @ArchTest
    static final ArchRule modelIsPure = noClasses()
            .that().resideInAPackage("dev.aspace.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.aspace.backend..", "dev.aspace.classify..", "dev.aspace.layout..",
                    "dev.aspace.snapshot..", "dev.aspace.demo..", "dev.aspace.ui..", "dev.aspace.cli..",
                    "com.fasterxml..", "picocli..", "com.sun.jna..");

    @ArchTest
    static final ArchRule layoutIsPure = noClasses()
            .that().resideInAPackage("dev.aspace.layout..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.aspace.backend..", "dev.aspace.snapshot..", "dev.aspace.demo..",
                    "dev.aspace.ui..", "dev.aspace.cli..", "com.fasterxml..", "picocli..");

    @ArchTest
    static final ArchRule framesIsPure = noClasses()
            .that().resideInAPackage("dev.aspace.frames..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.aspace.backend..", "dev.aspace.snapshot..", "dev.aspace.demo..", "dev.aspace.lab..",
                    "dev.aspace.ui..", "dev.aspace.cli..", "com.sun.jna..")
            .because("pagemap and kpage* decoding is pure: bytes in, records out; the reading is backend's");

    @ArchTest
    static final ArchRule elfUsesOnlyModel = noClasses()
            .that().resideInAPackage("dev.aspace.elf..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.aspace.backend..", "dev.aspace.classify..", "dev.aspace.layout..", "dev.aspace.snapshot..",
                    "dev.aspace.demo..", "dev.aspace.lab..", "dev.aspace.ui..", "dev.aspace.cli..",
                    "com.fasterxml..", "picocli..", "com.sun.jna..")
            .because("the ELF reader is pure: bytes in, records out");

    @ArchTest
    static final ArchRule procfsUsesOnlyModel = noClasses()
            .that().resideInAPackage("dev.aspace.procfs..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.aspace.backend..", "dev.aspace.classify..", "dev.aspace.layout..", "dev.aspace.snapshot..",
                    "dev.aspace.demo..", "dev.aspace.lab..", "dev.aspace.ui..", "dev.aspace.cli..",
                    "com.fasterxml..", "picocli..", "com.sun.jna..")
            .because("the /proc text parsers are pure, shared by the live backend and the importers");

    @ArchTest
    static final ArchRule startOptionsUseOnlyModel = noClasses()
            .that().resideInAPackage("dev.aspace.start..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.aspace.backend..", "dev.aspace.classify..", "dev.aspace.layout..", "dev.aspace.snapshot..",
                    "dev.aspace.demo..", "dev.aspace.lab..", "dev.aspace.ui..", "dev.aspace.cli..",
                    "javafx..", "com.fasterxml..", "picocli..", "com.sun.jna..")
            .because("every layer may be handed a start option, so StartOptions sits below them all");

    @ArchTest
    static final ArchRule classifyUsesOnlyModel = noClasses()
            .that().resideInAPackage("dev.aspace.classify..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.aspace.backend..", "dev.aspace.layout..", "dev.aspace.snapshot..",
                    "dev.aspace.demo..", "dev.aspace.ui..", "dev.aspace.cli..");

    @ArchTest
    static final ArchRule snapshotUsesOnlyModel = noClasses()
            .that().resideInAPackage("dev.aspace.snapshot..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.aspace.backend..", "dev.aspace.layout..", "dev.aspace.demo..",
                    "dev.aspace.ui..", "dev.aspace.cli..");

    @ArchTest
    static final ArchRule backendBelowUiAndCli = noClasses()
            .that().resideInAnyPackage("dev.aspace.backend..", "dev.aspace.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aspace.ui..", "dev.aspace.cli..", "dev.aspace.layout..");

    @ArchTest
    static final ArchRule labBelowUiAndCli = noClasses()
            .that().resideInAPackage("dev.aspace.lab..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aspace.ui..", "dev.aspace.cli..");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses()
            .that().resideInAPackage("dev.aspace.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aspace.ui..");

    @ArchTest
    static final ArchRule onlyCliPrints = noClasses()
            .that().resideOutsideOfPackages("dev.aspace.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("only the CLI prints; everything else returns results or throws typed errors");

    @ArchTest
    static final ArchRule viewModelsHaveNoScene = noClasses()
            .that().resideInAPackage("dev.aspace.ui.vm..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "dev.aspace.backend.linux..")
            .because("view models are tested without a window and read the machine through the backend interface");

    @ArchTest
    static final ArchRule uiReadsTheMachineThroughTheBackendInterfaces = noClasses()
            .that().resideInAPackage("dev.aspace.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.aspace.backend.linux..")
            .because("views read the machine through MemoryBackend and FrameBackend, so they can be shown"
                    + " on any implementation of them");

    @ArchTest
    static final ArchRule onlyTheAppPicksTheBackends = noClasses()
            .that().resideInAPackage("dev.aspace.ui..")
            .and().haveNameNotMatching("dev\\.aspace\\.ui\\.AspaceApp(\\$.*)?")
            .should().callMethod(MemoryBackend.class, "live")
            .orShould().callMethod(FrameBackend.class, "live")
            .because("AspaceApp, the composition root, makes the backends and hands them to the windows");

    @ArchTest
    static final ArchRule onlyBackgroundLeavesTheFxThread = noClasses()
            .that().resideInAPackage("dev.aspace.ui..")
            .and().doNotHaveFullyQualifiedName("dev.aspace.ui.Background")
            .and().doNotHaveFullyQualifiedName("dev.aspace.ui.Background$TaskBackground")
            .should().callMethod(Platform.class, "runLater", Runnable.class)
            .orShould().callMethod(Thread.class, "start")
            .orShould().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().callMethodWhere(target(owner(assignableTo(CompletableFuture.class)))
                    .and(target(nameMatching("(supply|run)Async"))))
            .orShould().callMethodWhere(target(owner(equivalentTo(Executors.class))))
            .because("one seam, Background, moves work off the FX thread and back, so tests can make it synchronous");
}
