package dev.vaulttest.samples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.vaulttest.samples.architecture.fixture.api.Leaky;
import dev.vaulttest.samples.architecture.fixture.internal.Hidden;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's public API as a user meets it: internal packages ({@code dev.vaulttest.internal} and below)
 * never show in a public signature of an API type, the samples (written as users write tests) never use them,
 * and core keeps to its budget of public types.
 */
class PublicApiTest {

    /** Core's budget of public top-level types outside internal packages (issue 14: "a user can learn"). */
    private static final int CORE_API_BUDGET = 90;

    private static final Set<String> MODULES_BUILT_ON_CORE = Set.of("dev.vaulttest.junit5", "dev.vaulttest.assertj",
            "dev.vaulttest.testkit", "dev.vaulttest.samples", "dev.vaulttest.benchmarks");

    private static JavaClasses library;

    @BeforeAll
    static void importTheLibrary() {
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vaulttest");
        assertThat(library.containPackage("dev.vaulttest.engine")).as("core was imported").isTrue();
    }

    @Test
    void apiSignaturesNeverExposeAnInternalType() {
        assertThat(leaks(library)).as("public signatures of API types that name an internal type").isEmpty();
    }

    @Test
    void theLeakRuleFindsAnInternalTypeInASignature() {
        JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class, Hidden.class);

        assertThat(leaks(leaky)).singleElement().asString()
                .contains("Leaky.leak()").contains(Hidden.class.getName());
    }

    @Test
    void samplesNeverUseAnInternalType() {
        JavaClasses samples = new ClassFileImporter().importPackages("dev.vaulttest.samples");
        List<String> uses = samples.stream()
                .filter(type -> !type.getPackageName().startsWith("dev.vaulttest.samples.architecture"))
                .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                .filter(dependency -> isInternal(dependency.getTargetClass()))
                .map(dependency -> dependency.getDescription())
                .toList();

        assertThat(uses).as("samples are written as users write tests: no internal types").isEmpty();
    }

    @Test
    void coreKeepsToItsBudgetOfPublicTypes() {
        List<String> api = library.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(type -> !isInternal(type))
                .filter(type -> MODULES_BUILT_ON_CORE.stream().noneMatch(type.getPackageName()::startsWith))
                .map(JavaClass::getName)
                .sorted()
                .toList();

        assertThat(api).as("core's API types (nest a value type in the type it belongs to, or make it package-private)")
                .hasSizeLessThanOrEqualTo(CORE_API_BUDGET)
                .contains("dev.vaulttest.VaultEnvironment", "dev.vaulttest.chaos.Chaos");
    }

    private static List<String> leaks(JavaClasses classes) {
        List<String> leaks = new ArrayList<>();
        classes.stream().filter(PublicApiTest::isApi).forEach(type -> {
            signatureTypes(type).filter(PublicApiTest::isInternal)
                    .forEach(internal -> leaks.add(type.getName() + " extends or implements " + internal.getName()));
            type.getCodeUnits().stream().filter(PublicApiTest::isVisible).forEach(unit ->
                    Stream.concat(Stream.concat(Stream.of(unit.getRawReturnType()), unit.getRawParameterTypes().stream()),
                                    unit.getThrowsClause().getTypes().stream())
                            .filter(PublicApiTest::isInternal)
                            .forEach(internal -> leaks.add(unit.getFullName() + " names " + internal.getName())));
            type.getFields().stream().filter(PublicApiTest::isVisible).filter(field -> isInternal(field.getRawType()))
                    .forEach(field -> leaks.add(field.getFullName() + " is a " + field.getRawType().getName()));
        });
        return leaks;
    }

    private static Stream<JavaClass> signatureTypes(JavaClass type) {
        return Stream.concat(type.getRawSuperclass().stream(), type.getRawInterfaces().stream());
    }

    /** Public, outside the internal packages, and public all the way out (a public type nested in a hidden one is not API). */
    private static boolean isApi(JavaClass type) {
        for (JavaClass current = type; current != null; current = current.getEnclosingClass().orElse(null)) {
            if (!current.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return !isInternal(type);
    }

    private static boolean isVisible(JavaCodeUnit unit) {
        return unit.getModifiers().contains(JavaModifier.PUBLIC) || unit.getModifiers().contains(JavaModifier.PROTECTED);
    }

    private static boolean isVisible(JavaField field) {
        return field.getModifiers().contains(JavaModifier.PUBLIC) || field.getModifiers().contains(JavaModifier.PROTECTED);
    }

    private static boolean isInternal(JavaClass type) {
        String name = type.getPackageName() + ".";
        return name.startsWith("dev.vaulttest.") && name.contains(".internal.");
    }
}
