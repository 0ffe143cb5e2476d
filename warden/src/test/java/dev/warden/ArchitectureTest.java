package dev.warden;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering that STYLE.md describes, kept true by the build. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.warden");

  /** Concern packages: each depends on the shared core only, never on another concern. */
  private static final String[] CONCERNS = {
    "identity", "persona", "inspect", "behavior", "limits", "audit", "registry", "upstream", "alert"
  };

  @Test
  void concernsDependOnlyOnTheSharedCore() {
    for (String concern : CONCERNS) {
      String[] others =
          java.util.Arrays.stream(CONCERNS)
              .filter(c -> !c.equals(concern))
              .map(c -> "dev.warden." + c + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("dev.warden." + concern + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .allowEmptyShould(true)
          .check(CLASSES);
      noClasses()
          .that()
          .resideInAPackage("dev.warden." + concern + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.warden.edge..",
              "dev.warden.gateway..",
              "dev.warden.cli..",
              "dev.warden.admin..",
              "dev.warden.demo..")
          .allowEmptyShould(true)
          .check(CLASSES);
    }
  }

  @Test
  void sharedCoreDependsOnNoConcernOrOuterPackage() {
    classes()
        .that()
        .resideInAnyPackage(
            "dev.warden.pipeline..",
            "dev.warden.mcp..",
            "dev.warden.config..",
            "dev.warden.store..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages(
            "dev.warden.identity..",
            "dev.warden.persona..",
            "dev.warden.inspect..",
            "dev.warden.behavior..",
            "dev.warden.limits..",
            "dev.warden.audit..",
            "dev.warden.alert..",
            "dev.warden.registry..",
            "dev.warden.upstream..",
            "dev.warden.edge..",
            "dev.warden.gateway..",
            "dev.warden.cli..",
            "dev.warden.admin..",
            "dev.warden.demo..")
        .check(CLASSES);
  }

  @Test
  void onlyTheCommandLineAndTheAssemblyNameTheConcreteGateway() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.warden.gateway..", "dev.warden.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.warden.gateway..")
        .check(CLASSES);
  }

  /**
   * A virtual thread started by another takes its parent's scheduler: started while serving a
   * request, it would run on that request's event loop. Warden's threads come from {@code
   * VirtualThreads}, which always uses the JDK's shared scheduler.
   */
  @Test
  void virtualThreadsAreStartedOnlyThroughVirtualThreads() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.warden.net..")
        .should()
        .callMethod(Thread.class, "ofVirtual")
        .orShould()
        .callMethod(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor")
        .check(CLASSES);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.warden.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
