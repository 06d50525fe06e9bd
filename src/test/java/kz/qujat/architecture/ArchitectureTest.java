package kz.qujat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the house from ARCHITECTURE.md, so that they cannot rot. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kz.qujat");
    private static final String JDK = "java..";

    /** No class of {@code room} depends on a class of Qujat outside {@code room} and {@code allowedRooms}. */
    private static ArchRule roomUsesOnly(String room, String... allowedRooms) {
        List<String> allowed = new ArrayList<>(List.of(allowedRooms));
        allowed.add(room);
        DescribedPredicate<JavaClass> outside = DescribedPredicate.describe(
                "classes of Qujat outside " + allowed,
                c -> isOurs(c) && allowed.stream().noneMatch(r -> inRoom(c, r)));
        return noClasses().that().resideInAPackage("kz.qujat." + room + "..")
                .should().dependOnClassesThat(outside)
                .allowEmptyShould(true);
    }

    private static boolean isOurs(JavaClass c) {
        return c.getPackageName().equals("kz.qujat") || c.getPackageName().startsWith("kz.qujat.");
    }

    private static boolean inRoom(JavaClass c, String room) {
        String p = "kz.qujat." + room;
        return c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".");
    }

    @Test
    void theImportSeesOurClasses() {
        // guards against rules passing vacuously because nothing was imported
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain("kz.qujat.domain.Iin")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain("kz.qujat.api.Canonical")).isTrue();
    }

    @Test
    void domainIsPureJava() {
        (classes().that().resideInAPackage("kz.qujat.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("kz.qujat.domain..", JDK)).check(CLASSES);
    }

    @Test
    void edsUsesOnlyDomain() {
        roomUsesOnly("eds", "domain").check(CLASSES);
    }

    @Test
    void inspectUsesOnlyDomain() {
        roomUsesOnly("inspect", "domain").check(CLASSES);
    }

    @Test
    void apiUsesOnlyDomain() {
        roomUsesOnly("api", "domain").check(CLASSES);
    }

    @Test
    void clientUsesApiDomainEds() {
        roomUsesOnly("client", "api", "domain", "eds").check(CLASSES);
    }

    @Test
    void workstationUsesItsRooms() {
        roomUsesOnly("workstation", "client", "api", "domain", "eds", "inspect").check(CLASSES);
    }

    @Test
    void toolsUseClientSide() {
        roomUsesOnly("tools", "client", "api", "domain", "eds", "inspect").check(CLASSES);
    }

    @Test
    void centralStandsAlone() {
        roomUsesOnly("central", "api", "domain", "eds", "inspect", "store", "server").check(CLASSES);
    }

    @Test
    void productionStandsAlone() {
        roomUsesOnly("production", "api", "domain", "eds", "store", "server").check(CLASSES);
    }

    @Test
    void devpkiUsesOnlyEdsSide() {
        roomUsesOnly("devpki", "api", "domain", "eds").check(CLASSES);
    }

    @Test
    void storePlumbingKnowsNoProgram() {
        roomUsesOnly("store", "domain").check(CLASSES);
    }

    @Test
    void javafxOnlyInWorkstationAndDemo() {
        (noClasses()
            .that().resideOutsideOfPackages("kz.qujat.workstation..", "kz.qujat.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")).check(CLASSES);
    }

    @Test
    void bouncyCastleOnlyInEdsAndDevpki() {
        (noClasses()
            .that().resideOutsideOfPackages("kz.qujat.eds..", "kz.qujat.devpki..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")).check(CLASSES);
    }

    @Test
    void javalinOnlyInTheHttpRooms() {
        // the programs' services and stores know nothing of HTTP; the dev PKI's TSA/OCSP server is one small room
        (noClasses()
            .that().resideOutsideOfPackages("kz.qujat.central.http..", "kz.qujat.production.http..",
                    "kz.qujat.server.http..", "kz.qujat.devpki..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")).check(CLASSES);
    }

    @Test
    void noStaticStateThatChanges() {
        // no static service locators or caches: what changes lives in objects handed on through constructors
        (fields().that().areDeclaredInClassesThat().resideInAPackage("kz.qujat..")
            .and().areStatic()
            .should().beFinal()).check(CLASSES);
    }

    @Test
    void serverPlumbingKnowsNoProgram() {
        roomUsesOnly("server", "api", "domain", "eds", "store").check(CLASSES);
    }

    @Test
    void jdbcOnlyInStores() {
        (noClasses()
            .that().resideOutsideOfPackages("..store..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..", "io.zonky..")).check(CLASSES);
    }

    @Test
    void onlyDemoAndMainStartEverything() {
        (noClasses()
            .that().resideOutsideOfPackages("kz.qujat.demo..")
            .and().doNotHaveFullyQualifiedName("kz.qujat.Main")
            .should().dependOnClassesThat().haveFullyQualifiedName("kz.qujat.Main")).check(CLASSES);
    }

    @Test
    void viewModelsTakeNarrowServices() {
        // a view model (and the decision signer it drives) names what it uses (LoginServices, ReviewServices,
        // LockServices, the session's scope), never the whole AppContext; nested classes and lambdas count
        DescribedPredicate<JavaClass> viewModelOrSigner = DescribedPredicate.describe("view models and DecisionSigner",
                c -> {
                    String top = c.getName().replaceAll("\\$.*", "");
                    return top.startsWith("kz.qujat.workstation.")
                            && (top.endsWith("ViewModel") || top.endsWith(".DecisionSigner"));
                });
        (noClasses().that(viewModelOrSigner)
            .should().dependOnClassesThat().haveFullyQualifiedName("kz.qujat.workstation.AppContext")).check(CLASSES);
    }
}
