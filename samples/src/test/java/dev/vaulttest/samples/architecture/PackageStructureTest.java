package dev.vaulttest.samples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.vaulttest.samples.architecture.fixture.ping.Ping;
import dev.vaulttest.samples.architecture.fixture.pong.Pong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's main code, every module at once (this module sees them all): its packages form no cycle, the
 * shared base depends on nothing of the library, and the modules depend on each other only as designed.
 */
class PackageStructureTest {

    private static JavaClasses library;

    @BeforeAll
    static void importTheLibrary() {
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vaulttest")
                .that(new DescribedPredicate<JavaClass>("library code") {
                    @Override
                    public boolean test(JavaClass type) {
                        return !type.getPackageName().startsWith("dev.vaulttest.samples");
                    }
                });
        assertThat(library.containPackage("dev.vaulttest.engine")).as("core was imported").isTrue();
        assertThat(library.containPackage("dev.vaulttest.junit5")).as("junit5 was imported").isTrue();
        assertThat(library.containPackage("dev.vaulttest.assertj")).as("assertj was imported").isTrue();
        assertThat(library.containPackage("dev.vaulttest.testkit")).as("testkit was imported").isTrue();
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(library);
    }

    @Test
    void theCycleRuleFailsOnACycle() {
        JavaClasses cycle = new ClassFileImporter().importClasses(Ping.class, Pong.class);
        assertThatThrownBy(() -> slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fixture.ping").hasMessageContaining("fixture.pong");
    }

    @Test
    void theBaseDependsOnNothingElseOfTheLibrary() {
        noClasses().that().resideInAPackage("dev.vaulttest.base")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.vaulttest.base", "java..", "org.slf4j..")
                .check(library);
    }

    @Test
    void coreKnowsNoneOfTheModulesBuiltOnIt() {
        noClasses().that().resideInAPackage("dev.vaulttest..")
                .and().resideOutsideOfPackages("dev.vaulttest.junit5..", "dev.vaulttest.assertj..", "dev.vaulttest.testkit..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.vaulttest.junit5..", "dev.vaulttest.assertj..", "dev.vaulttest.testkit..")
                .check(library);
    }

    @Test
    void theJUnitExtensionAndTheAssertionsStayApart() {
        noClasses().that().resideInAPackage("dev.vaulttest.junit5..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vaulttest.assertj..", "dev.vaulttest.testkit..")
                .check(library);
        noClasses().that().resideInAPackage("dev.vaulttest.assertj..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vaulttest.junit5..", "dev.vaulttest.testkit..")
                .check(library);
    }

    /** One slice per package: a cycle between any two packages of the library fails, whichever modules they are in. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            return SliceIdentifier.of(type.getPackageName());
        }

        @Override
        public String getDescription() {
            return "each package of the library";
        }
    };
}
